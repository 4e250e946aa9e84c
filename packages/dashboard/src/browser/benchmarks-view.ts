// The NDG dashboard: filters (region, measure, split, category, an authority to compare), then for each
// measure a chart of the authorities with 95% intervals, region and Wales lines and the compared
// authority's statistical neighbours highlighted, a table of the same figures beside it, a CSV download,
// and the measure's pooled trend. The selection lives in the address (?region=…&measure=…), so the
// language switch and a reload keep it.
import * as Plot from '@observablehq/plot';
import { BenchmarkTrendDocument, DashboardBenchmarksDocument, MeDocument, type BenchmarkTrendQuery } from '@wales-lac/client';
import { h, table } from './dom.ts';
import { askGraph } from './graph.ts';
import { csvOf, figuresOf, noteCell, plotted, shown, valueCell, type Figure, type Measure } from './figures.ts';
import { SPLITS, categoryName, enumLabel, splitName, text, type Language } from './text.ts';
import type { PageSettings } from './settings.ts';

const WALES = 'W92000004';

interface Selection {
  readonly region: string | null;
  readonly measure: string | null;
  readonly split: string;
  readonly category: string;
  readonly focus: string | null;
}

function selectionFrom(params: URLSearchParams): Selection {
  return {
    region: params.get('region') || null,
    measure: params.get('measure') || null,
    split: params.get('split') || 'all',
    category: params.get('category') || 'all',
    focus: params.get('focus') || null,
  };
}

function selectField(id: string, label: string, value: string, options: readonly (readonly [string, string])[]): HTMLElement {
  const select = h(
    'select',
    { class: 'govuk-select', id, name: id },
    ...options.map(([v, shownText]) => h('option', { value: v, selected: v === value }, shownText)),
  );
  return h('div', { class: 'govuk-form-group dashboard-filter' }, h('label', { class: 'govuk-label', for: id }, label), select);
}

export async function renderBenchmarks(root: HTMLElement, settings: PageSettings, language: Language): Promise<void> {
  const params = new URLSearchParams(location.search);
  const me = (await askGraph(settings.graphqlPath, MeDocument, {}, language)).me;
  // A consortium analyst's token allows one region: the page offers only that one (the API refuses others).
  const ownRegion = me.region?.code ?? null;
  const asked = selectionFrom(params);
  const selection: Selection = { ...asked, region: ownRegion ?? asked.region };
  const report = (await askGraph(settings.graphqlPath, DashboardBenchmarksDocument, { region: selection.region, dimension: selection.split }, language))
    .benchmarks;

  const nameOf = (code: string) => {
    const found = settings.authorities.find((a) => a.code === code) ?? settings.regions.find((r) => r.code === code);
    if (found) return language === 'cy' ? found.nameCy : found.nameEn;
    return code === WALES ? enumLabel('GeographyLevel', 'WALES', language) : code;
  };
  const measureName = (m: Measure) => (language === 'cy' ? m.nameCy : m.nameEn);
  const categories = [...new Set(report.figures.map((f) => f.category))];
  const category = categories.includes(selection.category) ? selection.category : (categories[0] ?? 'all');
  const authoritiesShown = [...new Set(report.figures.filter((f) => f.level === 'AUTHORITY').map((f) => f.code))];
  const focus = selection.focus && authoritiesShown.includes(selection.focus) ? selection.focus : (authoritiesShown[0] ?? null);

  const regions = ownRegion ? settings.regions.filter((r) => r.code === ownRegion) : settings.regions;
  const form = h(
    'form',
    { method: 'get', class: 'dashboard-filters', 'aria-labelledby': 'filters-title' },
    h('h2', { class: 'govuk-heading-m', id: 'filters-title' }, text('filters', language)),
    h('input', { type: 'hidden', name: 'lang', value: language }),
    selectField('region', text('region', language), selection.region ?? '', [
      ...(ownRegion ? [] : [['', text('allRegions', language)] as const]),
      ...regions.map((r) => [r.code, nameOf(r.code)] as const),
    ]),
    selectField('measure', text('measure', language), selection.measure ?? '', [
      ['', text('allMeasures', language)],
      ...report.measures.map((m) => [m.id, measureName(m)] as const),
    ]),
    selectField(
      'split',
      text('split', language),
      selection.split,
      SPLITS.map((s) => [s, splitName(s, language)] as const),
    ),
    selectField(
      'category',
      text('category', language),
      category,
      categories.map((c) => [c, categoryName(c, language)] as const),
    ),
    selectField(
      'focus',
      text('focus', language),
      focus ?? '',
      authoritiesShown.map((code) => [code, nameOf(code)] as const),
    ),
    h('button', { type: 'submit', class: 'govuk-button' }, text('apply', language)),
  );

  const snapshots = table(
    text('snapshots', language),
    [text('authority', language), text('snapshotTaken', language)],
    report.release.snapshots
      .filter((s) => !selection.region || settings.authorities.find((a) => a.code === s.authority.code)?.region === selection.region)
      .map((s) => [nameOf(s.authority.code), `${s.takenAt.slice(0, 10)}${s.stale ? ` (${text('staleSnapshot', language)})` : ''}`]),
    'dashboard-snapshots',
  );
  const release = h(
    'div',
    { class: 'dashboard-release' },
    h(
      'p',
      { class: 'govuk-body', 'data-release': report.release.id },
      h('strong', {}, `${text('releaseDate', language)}: `),
      h('span', { class: 'release-date' }, report.release.asOf.slice(0, 10)),
      ` (${text('release', language)} ${report.release.id}: ${enumLabel('BenchmarkReleaseState', report.release.state, language)}; ${enumLabel('BenchmarkRounding', report.release.rounding, language)})`,
    ),
    h(
      'details',
      { class: 'govuk-details' },
      h('summary', { class: 'govuk-details__summary' }, h('span', { class: 'govuk-details__summary-text' }, text('snapshots', language))),
      h('div', { class: 'govuk-details__text' }, snapshots),
    ),
    h('p', { class: 'govuk-body-s' }, text('suppressedNote', language), ' ', text('intervalNote', language)),
  );

  const measures = report.measures.filter((m) => !selection.measure || m.id === selection.measure);
  const neighbours = new Set(report.figures.find((f) => f.code === focus && f.authority)?.authority?.statisticalNeighbours.map((n) => n.code) ?? []);
  const sections = measures.map((m) =>
    measureSection(m, figuresOf(report.figures, m.id, category, selection.region, nameOf), { language, nameOf, focus, neighbours }),
  );
  root.replaceChildren(languageSwitch(language), navigation(settings, language), form, release, ...sections);
  // Trends after the first paint: one question per measure shown, each filling its own section.
  for (const [i, m] of measures.entries()) {
    const codes = [focus, selection.region, WALES].filter((c): c is string => !!c);
    void askGraph(settings.graphqlPath, BenchmarkTrendDocument, { measure: m.id, codes, dimension: selection.split, category }, language)
      .then((answer) => sections[i]?.querySelector('.dashboard-trend')?.replaceChildren(...trendParts(m, answer.benchmarkTrend, language, nameOf)))
      .catch((error: unknown) =>
        sections[i]
          ?.querySelector('.dashboard-trend')
          ?.replaceChildren(
            h('p', { class: 'govuk-error-message' }, `${text('apiErrorBody', language)} ${(error as { code?: string }).code ?? 'INTERNAL_SERVER_ERROR'}`),
          ),
      );
  }
}

export function languageSwitch(language: Language): HTMLElement {
  const other: Language = language === 'cy' ? 'en' : 'cy';
  const params = new URLSearchParams(location.search);
  params.set('lang', other);
  return h(
    'p',
    { class: 'govuk-body dashboard-language' },
    h(
      'a',
      { class: 'govuk-link', href: `?${params.toString()}`, lang: other, hreflang: other, 'data-switch-language': other },
      text('otherLanguage', language),
    ),
  );
}

export function navigation(settings: PageSettings, language: Language): HTMLElement {
  return h(
    'nav',
    { class: 'govuk-body dashboard-nav', 'aria-label': text('serviceName', language) },
    h('a', { class: 'govuk-link', href: `${settings.base}?lang=${language}` }, text('dashboardLink', language)),
    ' | ',
    h('a', { class: 'govuk-link', href: `${settings.base}/caseload?lang=${language}` }, text('caseloadLink', language)),
    ' | ',
    h('a', { class: 'govuk-link', href: `${settings.base}/notifications?lang=${language}` }, text('notificationsLink', language)),
  );
}

interface Context {
  readonly language: Language;
  readonly nameOf: (code: string) => string;
  readonly focus: string | null;
  readonly neighbours: ReadonlySet<string>;
}

function roleOf(code: string, context: Context): 'focus' | 'neighbour' | 'other' {
  return code === context.focus ? 'focus' : context.neighbours.has(code) ? 'neighbour' : 'other';
}

function measureSection(measure: Measure, figures: ReturnType<typeof figuresOf>, context: Context): HTMLElement {
  const { language, nameOf } = context;
  const head = [
    text('authority', language),
    text('numerator', language),
    text('denominator', language),
    text('value', language),
    text('lower', language),
    text('upper', language),
    text('comparedWithWales', language),
    text('note', language),
  ];
  const rowOf = (f: Figure, name: string) => [
    name,
    f.numerator === null ? (f.marker ?? '') : String(f.numerator),
    f.denominator === null ? '' : String(f.denominator),
    valueCell(measure, f),
    shown(measure, f.lower),
    shown(measure, f.upper),
    f.level === 'WALES' ? '' : enumLabel('Comparison', f.comparedWithWales, language),
    noteCell(f, language),
  ];
  const rows = [
    ...figures.authorities.map((f) => rowOf(f, nameOf(f.code))),
    ...(figures.region ? [rowOf(figures.region, nameOf(figures.region.code))] : []),
    ...(figures.wales ? [rowOf(figures.wales, nameOf(WALES))] : []),
  ];
  const id = `measure-${measure.id}`;
  const csv = csvOf(head, rows);
  return h(
    'section',
    { class: 'dashboard-measure', id, 'data-measure': measure.id, 'aria-labelledby': `${id}-title` },
    h('h2', { class: 'govuk-heading-m', id: `${id}-title` }, language === 'cy' ? measure.nameCy : measure.nameEn),
    measure.available ? null : h('p', { class: 'govuk-inset-text' }, text('notYetAvailable', language)),
    h(
      'div',
      { class: 'dashboard-pair' },
      h('figure', { class: 'dashboard-chart', 'aria-label': text('chartOf', language) }, chart(measure, figures, context), legend(language)),
      h('div', { class: 'dashboard-table' }, table(text('tableOf', language), head, rows, 'dashboard-figures')),
    ),
    h(
      'p',
      { class: 'govuk-body' },
      h(
        'a',
        { class: 'govuk-link', download: `${measure.id}.csv`, href: `data:text/csv;charset=utf-8,${encodeURIComponent(csv)}` },
        text('downloadCsv', language),
      ),
    ),
    h('div', { class: 'dashboard-trend' }, h('p', { class: 'govuk-body' }, text('loading', language))),
  );
}

const COLOURS = { focus: '#d4351c', neighbour: '#1d70b8', other: '#505a5f' } as const;

/**
 * Plot names each mark's group with aria-label, which ARIA forbids on an element with no role; the
 * chart is one image with a name, and its table beside it is the accessible reading of it.
 */
function asImage(svg: Element, name: string): Element {
  for (const group of svg.querySelectorAll('g[aria-label]')) group.removeAttribute('aria-label');
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', name);
  return svg;
}

function chart(measure: Measure, figures: ReturnType<typeof figuresOf>, context: Context): Element {
  const data = figures.authorities.map((f) => ({
    name: context.nameOf(f.code) + (f.marker ? ` ${f.marker}` : ''),
    value: plotted(measure, measure.kind === 'COUNT' ? f.numerator : f.rate),
    lower: plotted(measure, f.lower),
    upper: plotted(measure, f.upper),
    role: roleOf(f.code, context),
  }));
  const reference = (f: Figure | undefined) => (f ? plotted(measure, measure.kind === 'COUNT' ? null : f.rate) : null);
  const region = reference(figures.region);
  const wales = reference(figures.wales);
  const published = data.filter((d) => d.value !== null);
  return asImage(
    Plot.plot({
      marginLeft: 170,
      width: 560,
      height: 30 + data.length * 18,
      x: { grid: true, label: measure.kind === 'RATE' ? '%' : null },
      y: { label: null, domain: data.map((d) => d.name) },
      marks: [
        Plot.ruleY(data, { y: 'name', stroke: '#f3f2f1' }),
        Plot.link(
          published.filter((d) => d.lower !== null && d.upper !== null),
          { x1: 'lower', x2: 'upper', y1: 'name', y2: 'name', stroke: (d: { role: keyof typeof COLOURS }) => COLOURS[d.role], strokeWidth: 2 },
        ),
        Plot.dot(published, { x: 'value', y: 'name', fill: (d: { role: keyof typeof COLOURS }) => COLOURS[d.role], r: 4 }),
        ...(region !== null ? [Plot.ruleX([region], { stroke: '#0b0c0c', strokeDasharray: '4,3' })] : []),
        ...(wales !== null ? [Plot.ruleX([wales], { stroke: '#0b0c0c', strokeWidth: 2 })] : []),
      ],
    }),
    `${text('chartOf', context.language)}: ${context.language === 'cy' ? measure.nameCy : measure.nameEn}`,
  );
}

function legend(language: Language): HTMLElement {
  const item = (colour: string, key: 'legendFocus' | 'legendNeighbour' | 'legendAuthority') =>
    h('li', {}, h('span', { class: 'dashboard-swatch', style: `background:${colour}`, 'aria-hidden': 'true' }), text(key, language));
  return h(
    'figcaption',
    {},
    h(
      'ul',
      { class: 'govuk-list dashboard-legend' },
      item(COLOURS.focus, 'legendFocus'),
      item(COLOURS.neighbour, 'legendNeighbour'),
      item(COLOURS.other, 'legendAuthority'),
      h('li', {}, text('legendRegion', language)),
      h('li', {}, text('legendWales', language)),
    ),
  );
}

function trendParts(measure: Measure, trend: BenchmarkTrendQuery['benchmarkTrend'], language: Language, nameOf: (code: string) => string): Node[] {
  const points = trend.series.flatMap((s) =>
    s.points.map((p) => ({ area: nameOf(s.code), year: p.academicYear, value: plotted(measure, measure.kind === 'COUNT' ? p.numerator : p.rate), point: p })),
  );
  const head = [
    text('geography', language),
    text('academicYear', language),
    text('numerator', language),
    text('denominator', language),
    text('value', language),
    text('lower', language),
    text('upper', language),
    text('synthetic', language),
    text('note', language),
  ];
  const rows = points.map(({ area, year, point }) => [
    area,
    year,
    point.numerator === null ? (point.marker ?? '') : String(point.numerator),
    point.denominator === null ? '' : String(point.denominator),
    point.marker ?? shown(measure, measure.kind === 'COUNT' ? point.numerator : point.rate),
    shown(measure, point.lower),
    shown(measure, point.upper),
    text(point.synthetic ? 'yes' : 'no', language),
    point.marker ? noteCell({ marker: point.marker } as Figure, language) : '',
  ]);
  const published = points.filter((p) => p.value !== null);
  const svg = asImage(
    Plot.plot({
      width: 560,
      height: 220,
      marginLeft: 50,
      x: { label: text('academicYear', language), type: 'point' },
      y: { grid: true, label: measure.kind === 'RATE' ? '%' : null },
      // A categorical legend of the areas, named in the page's language (Plot would print the channel's name).
      color: { legend: published.length > 0, type: 'categorical', label: text('geography', language) },
      marks: [Plot.line(published, { x: 'year', y: 'value', stroke: 'area' }), Plot.dot(published, { x: 'year', y: 'value', fill: 'area' })],
    }),
    text('trendTitle', language),
  );
  const title = h('h3', { class: 'govuk-heading-s' }, `${text('trendTitle', language)}: ${language === 'cy' ? measure.nameCy : measure.nameEn}`);
  // No published period yet (a fresh install before its synthetic history is built): say so, draw nothing.
  if (published.length === 0)
    return [
      title,
      h('p', { class: 'govuk-body-s' }, text('trendNote', language)),
      h('p', { class: 'govuk-inset-text' }, text('noFigures', language)),
      table(text('tableOf', language), head, rows, 'dashboard-trend-figures'),
    ];
  return [
    h('h3', { class: 'govuk-heading-s' }, `${text('trendTitle', language)}: ${language === 'cy' ? measure.nameCy : measure.nameEn}`),
    h('p', { class: 'govuk-body-s' }, text('trendNote', language), points.some((p) => p.point.synthetic) ? ` ${text('syntheticNote', language)}.` : ''),
    h(
      'div',
      { class: 'dashboard-pair' },
      h('figure', { class: 'dashboard-chart', 'aria-label': text('trendTitle', language) }, svg),
      h('div', { class: 'dashboard-table' }, table(text('tableOf', language), head, rows, 'dashboard-trend-figures')),
    ),
  ];
}
