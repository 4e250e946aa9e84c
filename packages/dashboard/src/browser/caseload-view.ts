// A virtual school head's caseload: the children of their home authority (one typed Caseload question),
// with the four filters the API has arguments for (overdue PEP, attendance below 90%, excluded this term,
// placed out of county), attendance this term, and PEP state and due date. The filters live in the
// address, so the language switch keeps them. Each record id links to the child's documents (learner-view.ts).
import { CaseloadDocument, MeDocument, type CaseloadQueryVariables } from '@wales-lac/client';
import { h, table } from './dom.ts';
import { askGraph } from './graph.ts';
import { documentText, enumLabel, formatNumber, text, type Language } from './text.ts';
import { languageSwitch, navigation } from './benchmarks-view.ts';
import type { PageSettings } from './settings.ts';

/** One page of the caseload: the API's upper bound (docs/api.md, "Limits"). */
export const CASELOAD_PAGE = 500;
const LOW_ATTENDANCE = 0.9;

const FILTERS = [
  ['overdue', 'filterOverduePep'],
  ['low-attendance', 'filterLowAttendance'],
  ['excluded', 'filterExcluded'],
  ['out-of-county', 'filterOutOfCounty'],
] as const;

/** The question the filters ask: an unticked filter is left out (all children), never sent as false. */
export function caseloadVariables(homeAuthority: string, params: URLSearchParams): CaseloadQueryVariables {
  const on = (name: string) => params.get(name) === '1';
  return {
    first: CASELOAD_PAGE,
    homeAuthority,
    ...(on('overdue') ? { overduePep: true } : {}),
    ...(on('low-attendance') ? { attendanceBelow: LOW_ATTENDANCE } : {}),
    ...(on('excluded') ? { excludedThisTerm: true } : {}),
    ...(on('out-of-county') ? { placedOutOfCounty: true } : {}),
  };
}

export async function renderCaseload(root: HTMLElement, settings: PageSettings, language: Language): Promise<void> {
  const params = new URLSearchParams(location.search);
  const me = (await askGraph(settings.graphqlPath, MeDocument, {}, language)).me;
  const home = me.role === 'VIRTUAL_SCHOOL_HEAD' ? me.authority?.code : undefined;
  if (!home) {
    root.replaceChildren(
      languageSwitch(language),
      navigation(settings, language),
      h('p', { class: 'govuk-inset-text', 'data-state': 'wrong-role' }, text('caseloadNeedsVsh', language)),
    );
    return;
  }
  const learners = (await askGraph(settings.graphqlPath, CaseloadDocument, caseloadVariables(home, params), language)).learners;
  const authority = settings.authorities.find((a) => a.code === home);
  const checkbox = ([name, label]: (typeof FILTERS)[number]) =>
    h(
      'div',
      { class: 'govuk-checkboxes__item' },
      h('input', { class: 'govuk-checkboxes__input', type: 'checkbox', id: `filter-${name}`, name, value: '1', checked: params.get(name) === '1' }),
      h('label', { class: 'govuk-label govuk-checkboxes__label', for: `filter-${name}` }, text(label, language)),
    );
  const form = h(
    'form',
    { method: 'get', class: 'caseload-filters' },
    h('input', { type: 'hidden', name: 'lang', value: language }),
    h(
      'fieldset',
      { class: 'govuk-fieldset' },
      h('legend', { class: 'govuk-fieldset__legend govuk-fieldset__legend--m' }, text('filters', language)),
      h('div', { class: 'govuk-checkboxes govuk-checkboxes--small' }, ...FILTERS.map(checkbox)),
    ),
    h('button', { type: 'submit', class: 'govuk-button' }, text('apply', language)),
  );
  const head = [
    text('learnerId', language),
    text('learner', language),
    text('school', language),
    text('placement', language),
    text('placementAuthority', language),
    text('attendanceThisTerm', language),
    text('pepStatus', language),
    text('pepReview', language),
    text('pepDue', language),
  ];
  // The record id opens the child's documents (the table is already as wide as the page, so no column of its
  // own); its accessible name says so, beginning with the id it shows.
  const documentsLink = (id: string) =>
    h(
      'a',
      {
        class: 'govuk-link',
        href: `${settings.base}/learner?learner=${encodeURIComponent(id)}&lang=${language}`,
        'aria-label': `${id}: ${documentText('documentsLink', language)}`,
        'data-documents-of': id,
      },
      id,
    );
  const rows = learners.edges.map(({ node }) => [
    documentsLink(node.id),
    node.legalGivenName ?? '',
    node.currentSchool?.name ?? text('none', language),
    node.currentPlacement ? enumLabel('PlacementType', node.currentPlacement.type, language) : text('none', language),
    node.currentPlacement?.authority.name ?? '',
    node.attendanceThisTerm?.rate === null || node.attendanceThisTerm === null
      ? text('notRecorded', language)
      : `${formatNumber(node.attendanceThisTerm.rate * 100, 1)}%`,
    node.currentPep ? enumLabel('PepStatus', node.currentPep.status, language) : text('none', language),
    node.currentPep?.reviewState ? enumLabel('PepReviewState', node.currentPep.reviewState, language) : '',
    node.currentPep?.completionDue ?? '',
  ]);
  const name = authority ? (language === 'cy' ? authority.nameCy : authority.nameEn) : home;
  root.replaceChildren(
    languageSwitch(language),
    navigation(settings, language),
    h('p', { class: 'govuk-body-l' }, `${text('caseloadFor', language)} ${name}`),
    form,
    h(
      'p',
      { class: 'govuk-body', 'data-total': String(learners.totalCount) },
      `${text('shown', language)} ${rows.length} ${text('of', language)} ${learners.totalCount} ${text('children', language)}`,
    ),
    table(text('caseloadTitle', language), head, rows, 'caseload-table'),
  );
}
