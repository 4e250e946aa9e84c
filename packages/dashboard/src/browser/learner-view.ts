// One child's documents (/dashboard/learner?learner=<id>, opened from a caseload row): their education,
// well-being and current-PEP documents as the API lists them for the caller, each with a download button, and
// the form to keep another in a section the caller may write. A section the caller may not read is said to be
// not available to them (null with FORBIDDEN), never shown as empty.
import { LearnerDocumentsDocument, type GraphError, type LearnerDocumentsQuery } from '@wales-lac/client';
import { h } from './dom.ts';
import { documentSection, type ListContext, type SectionState } from './document-list.ts';
import { uploadForm } from './document-upload.ts';
import { askGraphPartly, errorCodeAt } from './graph.ts';
import { languageSwitch, navigation } from './benchmarks-view.ts';
import { forgetToken, signIn } from './session.ts';
import { documentSectionName, documentText, type Language } from './text.ts';
import type { PageSettings } from './settings.ts';

type Learner = NonNullable<LearnerDocumentsQuery['learner']>;

/** The field class each section is read and written under (docs/documents.md). */
const SECTION_CLASSES = { EDUCATION: 'education', WELLBEING: 'wellbeing', PEP: 'pep' } as const;

function stateOf(documents: Learner['educationDocuments'], errors: readonly GraphError[], path: readonly string[]): SectionState {
  if (documents) return { kind: 'listed', documents };
  const code = errorCodeAt(errors, path);
  return code === null || code === 'FORBIDDEN' ? { kind: 'forbidden' } : { kind: 'failed', code };
}

function pepState(learner: Learner, errors: readonly GraphError[]): SectionState {
  if (learner.currentPep) return stateOf(learner.currentPep.documents, errors, ['learner', 'currentPep', 'documents']);
  const code = errorCodeAt(errors, ['learner', 'currentPep']);
  return code === null ? { kind: 'no-pep' } : code === 'FORBIDDEN' ? { kind: 'forbidden' } : { kind: 'failed', code };
}

function sections(learner: Learner, errors: readonly GraphError[], context: ListContext): HTMLElement[] {
  const { language } = context;
  const pep = learner.currentPep;
  const pepHeading = pep
    ? `${documentSectionName('PEP', language)} (${documentText('pepVersion', language)} ${pep.version})`
    : documentSectionName('PEP', language);
  return [
    documentSection(
      'EDUCATION',
      documentSectionName('EDUCATION', language),
      stateOf(learner.educationDocuments, errors, ['learner', 'educationDocuments']),
      context,
    ),
    documentSection(
      'WELLBEING',
      documentSectionName('WELLBEING', language),
      stateOf(learner.wellbeingDocuments, errors, ['learner', 'wellbeingDocuments']),
      context,
    ),
    documentSection('PEP', pepHeading, pepState(learner, errors), context),
  ];
}

export async function renderLearner(root: HTMLElement, settings: PageSettings, language: Language): Promise<void> {
  const id = new URLSearchParams(location.search).get('learner')?.trim() ?? '';
  const header = [
    languageSwitch(language),
    navigation(settings, language),
    h('a', { class: 'govuk-back-link', href: `${settings.base}/caseload?lang=${language}` }, documentText('backToCaseload', language)),
  ];
  const message = (key: 'learnerNeeded' | 'learnerNotAvailable') =>
    root.replaceChildren(...header, h('p', { class: 'govuk-inset-text', 'data-state': 'no-learner' }, documentText(key, language)));
  if (!id) return message('learnerNeeded');
  const ask = () => askGraphPartly(settings.graphqlPath, LearnerDocumentsDocument, { id }, language);
  const first = await ask();
  const learner = first.data.learner;
  if (!learner) return message('learnerNotAvailable');

  const status = h('p', { class: 'govuk-body', role: 'status', id: 'documents-status' });
  const signInNeeded = () => {
    forgetToken();
    root.replaceChildren(languageSwitch(language), signIn(settings, language));
  };
  const context: ListContext = { language, status, signInNeeded };
  const lists = h('div', { class: 'documents-sections' }, ...sections(learner, first.errors, context));
  const writable = Object.entries(SECTION_CLASSES)
    .filter(([section, fieldClass]) => first.data.me.access?.write.includes(fieldClass) && (section !== 'PEP' || learner.currentPep))
    .map(([section]) => section);
  const form = uploadForm({
    language,
    learner: learner.id,
    sections: writable,
    pep: learner.currentPep?.id ?? null,
    status,
    signInNeeded,
    async onKept(title) {
      // The lists as the API now has them, so the new document is shown where it was kept.
      const again = await ask();
      if (again.data.learner) lists.replaceChildren(...sections(again.data.learner, again.errors, context));
      status.textContent = `${documentText('uploaded', language)} ${title}`;
    },
  });
  const name = learner.preferredName ?? learner.legalGivenName;
  root.replaceChildren(
    ...header,
    h('p', { class: 'govuk-body-l', 'data-learner': learner.id }, `${documentText('documentsOf', language)} ${name ? `${name} (${learner.id})` : learner.id}`),
    status,
    lists,
    form,
  );
}
