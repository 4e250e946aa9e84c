// The measures of ../shared/design/METRICS.md, as data: which the authorities' anonymised views compute
// today, and which wait for the record to grow (published as [x], not available).
//
// Three kinds of figure:
//  - count: a number of children (or, for permanent exclusions, of events) with no denominator;
//  - rate: a share, numerator ÷ denominator in 0..1, where each numerator unit is one of the denominator's
//    (children, PEPs, targets, sessions); published with a 95% Wilson interval;
//  - per-100: events per 100 children of the denominator (fixed-term exclusions, days lost). One child can
//    have several events, so the numerator can exceed the denominator and the figure is not a proportion:
//    the Wilson interval does not apply, and a Poisson interval would claim too much because events cluster
//    within children. Per-100 figures are published without an interval and are not compared.
export type MeasureKind = 'count' | 'rate' | 'per-100';

export interface MeasureDefinition {
  readonly id: string;
  readonly kind: MeasureKind;
  readonly nameEn: string;
  readonly nameCy: string;
  readonly definition: string;
  /** False while the authority record does not hold the data this measure needs. */
  readonly available: boolean;
  /** per-100 only: what one numerator unit is worth in the published figure (a session is half a day). Default 1. */
  readonly numeratorScale?: number;
  /**
   * A count of events rather than of children: disclosure control also checks the children the events fall
   * on (the view's `children`), hidden together with the count. Rates and per-100 figures always are.
   */
  readonly countsEvents?: boolean;
  /** Categories of a dimension that differ from DIMENSIONS for this measure (its population is not children looked after). */
  readonly categories?: Readonly<Record<string, readonly string[]>>;
  /**
   * What each count of the figure is, by a name that every measure publishing the same count uses too: two
   * measures naming one number publish the same count in every cell (the view's definitions make them so),
   * and disclosure control hides it in one pattern, hiding every figure that shows it. Required, so that a
   * new measure says what it shares. `children` is the children the figure rests on (checked, never
   * published): for a share of children its denominator, for the cohort its numerator. See NESTED_NUMBERS
   * for numbers that count part of what another counts.
   */
  readonly numbers: { readonly numerator: string; readonly denominator?: string; readonly children: string };
  /**
   * Categories no one in the measure's population can be in (children under 1 are not 4 to 16, not on a
   * school roll, have no PEP): every reader knows the figure there is 0, so it is published as [z] (not
   * applicable) and protects nothing. Relied on only where every authority's counts there are 0.
   */
  readonly emptyIn?: Readonly<Record<string, readonly string[]>>;
}

/** Under-1s: no school place (nursery from 3), no PEP (from 3), no SDQ (from 4). */
const NO_UNDER_1 = { 'age-band': ['under-1'] } as const;

export const MEASURES: readonly MeasureDefinition[] = [
  {
    id: 'cohort',
    kind: 'count',
    nameEn: 'Children looked after',
    nameCy: 'Plant sy’n derbyn gofal',
    definition: 'count of children looked after today',
    available: true,
    numbers: { numerator: 'looked-after', children: 'looked-after' },
  },
  {
    id: 'attendance',
    kind: 'rate',
    nameEn: 'Attendance',
    nameCy: 'Presenoldeb',
    definition: 'sessions attended / possible sessions over the last 12 months, pupils on a roll',
    available: true,
    numbers: { numerator: 'sessions-attended', denominator: 'sessions-possible', children: 'pupils-with-sessions' },
    emptyIn: NO_UNDER_1,
  },
  {
    id: 'persistent-absence',
    kind: 'rate',
    nameEn: 'Persistent absence',
    nameCy: 'Absenoldeb parhaus',
    definition: 'share of pupils missing 10% or more of possible sessions over the last 12 months',
    available: true,
    numbers: { numerator: 'persistently-absent', denominator: 'pupils-with-sessions', children: 'pupils-with-sessions' },
    emptyIn: NO_UNDER_1,
  },
  {
    id: 'time-away',
    kind: 'per-100',
    nameEn: 'Time away from learning',
    nameCy: 'Amser i ffwrdd o ddysgu',
    definition:
      'sessions missed for any cause (absence, exclusion, no school place, reduced timetable) per 100 pupils; not available: the record does not hold the sessions a child had no school place',
    available: false,
    numbers: { numerator: 'sessions-away', denominator: 'pupils', children: 'pupils' },
  },
  {
    id: 'exclusions',
    kind: 'per-100',
    nameEn: 'Fixed-term exclusions',
    nameCy: 'Gwaharddiadau cyfnod penodol',
    definition:
      'fixed-term exclusions starting in the last 12 months per 100 pupils (looked after today and on a school roll at some point in the last 12 months); numerator: exclusions, denominator: pupils; no interval',
    available: true,
    numbers: { numerator: 'fixed-term-exclusions', denominator: 'pupils', children: 'pupils-excluded' },
    emptyIn: NO_UNDER_1,
  },
  {
    id: 'exclusion-days',
    kind: 'per-100',
    nameEn: 'Days lost to fixed-term exclusion',
    nameCy: 'Diwrnodau a gollwyd oherwydd gwaharddiadau cyfnod penodol',
    definition:
      'school days lost to fixed-term exclusions starting in the last 12 months per 100 pupils; numerator: sessions lost (two a day), denominator: pupils; no interval',
    available: true,
    numeratorScale: 0.5,
    numbers: { numerator: 'sessions-lost-to-exclusion', denominator: 'pupils', children: 'pupils-excluded' },
    emptyIn: NO_UNDER_1,
  },
  {
    id: 'permanent-exclusions',
    kind: 'count',
    nameEn: 'Permanent exclusions',
    nameCy: 'Gwaharddiadau parhaol',
    definition: 'count of permanent exclusions starting in the last 12 months of pupils looked after today',
    available: true,
    countsEvents: true,
    numbers: { numerator: 'permanent-exclusions', children: 'pupils-permanently-excluded' },
    emptyIn: NO_UNDER_1,
  },
  {
    id: 'reduced-timetable',
    kind: 'rate',
    nameEn: 'Reduced timetables',
    nameCy: 'Amserlenni llai',
    definition: 'share of pupils (on a school roll at some point in the last 12 months) on a reduced timetable at any point in the last 12 months',
    available: true,
    numbers: { numerator: 'reduced-timetables', denominator: 'pupils', children: 'pupils' },
    emptyIn: NO_UNDER_1,
  },
  {
    id: 'pep-in-place',
    kind: 'rate',
    nameEn: 'PEP in place',
    nameCy: 'CAP yn ei le',
    definition: 'share of children aged 3-17 looked after for 20+ school days with a current PEP',
    available: true,
    numbers: { numerator: 'with-current-pep', denominator: 'due-a-pep', children: 'due-a-pep' },
    emptyIn: NO_UNDER_1,
  },
  {
    id: 'pep-timely',
    kind: 'rate',
    nameEn: 'PEP on time',
    nameCy: 'CAP mewn pryd',
    definition: 'share of PEPs started in the last 12 months completed within 20 school days',
    available: true,
    numbers: { numerator: 'peps-on-time', denominator: 'peps-started', children: 'children-with-peps-started' },
    emptyIn: NO_UNDER_1,
  },
  {
    id: 'pep-reviewed',
    kind: 'rate',
    nameEn: 'PEP reviewed',
    nameCy: 'CAP wedi’i adolygu',
    definition: 'share of agreed PEPs reviewed within the last school term',
    available: true,
    numbers: { numerator: 'peps-reviewed', denominator: 'agreed-peps', children: 'children-with-agreed-peps' },
    emptyIn: NO_UNDER_1,
  },
  {
    id: 'pep-voice',
    kind: 'rate',
    nameEn: 'Learner’s voice in the PEP',
    nameCy: 'Llais y dysgwr yn y CAP',
    definition: 'share of current (agreed or in-review) PEPs with the learner’s “All about me” section recorded, in their words or on their behalf',
    available: true,
    numbers: { numerator: 'peps-with-voice', denominator: 'current-peps', children: 'children-with-current-peps' },
    emptyIn: NO_UNDER_1,
  },
  {
    id: 'idp',
    kind: 'rate',
    nameEn: 'IDP where needed',
    nameCy: 'CDU lle bo angen',
    definition:
      'share of children looked after today with additional learning needs identified who have an individual development plan agreed (the authority keeps it, on a school roll or not)',
    available: true,
    numbers: { numerator: 'with-idp', denominator: 'with-aln', children: 'with-aln' },
  },
  {
    id: 'sdq-completed',
    kind: 'rate',
    nameEn: 'Well-being measured',
    nameCy: 'Llesiant wedi’i fesur',
    definition: 'share of children looked after aged 4-16 with an SDQ (any informant) completed in the last 12 months',
    available: true,
    numbers: { numerator: 'with-sdq', denominator: 'aged-4-16', children: 'aged-4-16' },
    emptyIn: NO_UNDER_1,
  },
  {
    id: 'sdq-concern',
    kind: 'rate',
    nameEn: 'Well-being concern',
    nameCy: 'Pryder am lesiant',
    definition:
      'share of children looked after aged 4-16 with an SDQ (any informant) in the last 12 months whose latest SDQ is in its informant’s band of concern for total difficulties (carer 17+, teacher 16+, self 20+); the denominator is well-being measured’s numerator',
    available: true,
    numbers: { numerator: 'sdq-concern', denominator: 'with-sdq', children: 'with-sdq' },
    emptyIn: NO_UNDER_1,
  },
  {
    id: 'placement-stability',
    kind: 'rate',
    nameEn: 'Placement stability',
    nameCy: 'Sefydlogrwydd lleoliad',
    definition: 'share with 3 or more placements in the last 12 months',
    available: true,
    numbers: { numerator: 'unstable-placements', denominator: 'looked-after', children: 'looked-after' },
  },
  {
    id: 'school-stability',
    kind: 'rate',
    nameEn: 'School stability',
    nameCy: 'Sefydlogrwydd ysgol',
    definition: 'share of pupils with a school move outside September in the last 12 months',
    available: true,
    numbers: { numerator: 'school-moves', denominator: 'on-roll', children: 'on-roll' },
    emptyIn: NO_UNDER_1,
  },
  {
    id: 'targets-met',
    kind: 'rate',
    nameEn: 'Progress against PEP targets',
    nameCy: 'Cynnydd yn erbyn targedau CAP',
    definition: 'share of PEP targets due in the last 12 months that were met',
    available: true,
    numbers: { numerator: 'targets-met', denominator: 'targets-due', children: 'children-with-targets-due' },
    emptyIn: NO_UNDER_1,
  },
  {
    id: 'neet',
    kind: 'rate',
    nameEn: 'Post-16 not in education, employment or training',
    nameCy: 'Ôl-16 heb fod mewn addysg, cyflogaeth na hyfforddiant',
    definition:
      'share of young people aged 16-18 today, looked after or care leavers, with a destination recorded whose latest destination is NEET; split by the current placement or the last one before leaving care',
    available: true,
    categories: { 'age-band': ['16-17', '18'] },
    numbers: { numerator: 'neet', denominator: 'with-destination', children: 'with-destination' },
  },
];

/**
 * Published numbers of which one counts part of what the other counts, in every cell, by the view's
 * definitions: whole = part + difference, the difference never negative. A reader who knows the definitions
 * subtracts one published figure from the other, so the difference is published too though no figure shows
 * it: disclosure control protects it like a count when it is 1 to 4 (`difference` says what it counts; 0 only
 * says the two figures agree). Without `difference` it is not a count of children or PEPs and needs no
 * protecting, but a reader still knows whole ≥ part. Not listed: a share's numerator within its denominator
 * (the kind says so; that difference is the share's complement, published with every rate), and what follows
 * from two entries (looked-after ⊇ pupils ⊇ on-roll gives looked-after ⊇ on-roll). `equalIn`: categories where
 * the two are one number by definition.
 */
export interface NestedNumbers {
  readonly whole: string;
  readonly part: string;
  readonly difference?: string;
  readonly equalIn?: Readonly<Record<string, readonly string[]>>;
}

export const NESTED_NUMBERS: readonly NestedNumbers[] = [
  { whole: 'looked-after', part: 'pupils', difference: 'children looked after not on a school roll in the last 12 months' },
  { whole: 'pupils', part: 'on-roll', difference: 'pupils of the last 12 months not on a roll today' },
  // Sessions are recorded for a child on a school roll.
  { whole: 'pupils', part: 'pupils-with-sessions', difference: 'pupils with no possible session in the last 12 months' },
  { whole: 'looked-after', part: 'due-a-pep', difference: 'children looked after under 3, or for under 20 school days' },
  { whole: 'looked-after', part: 'with-aln', difference: 'children looked after with no additional learning needs identified' },
  { whole: 'looked-after', part: 'aged-4-16', difference: 'children looked after under 4 or aged 17', equalIn: { 'age-band': ['5-9', '10-15'] } },
  // Every child with a current PEP has at least one; an agreed PEP is a current one.
  { whole: 'current-peps', part: 'with-current-pep', difference: 'current PEPs of children not due one, and second current PEPs' },
  { whole: 'current-peps', part: 'agreed-peps', difference: 'PEPs in review' },
  // A fixed-term exclusion loses 1 to 90 sessions, so the sessions lost are at least the exclusions.
  { whole: 'sessions-lost-to-exclusion', part: 'fixed-term-exclusions' },
];

/** Every category of each dimension, so an absent category is a published zero, not a missing cell. */
export const DIMENSIONS: Readonly<Record<string, readonly string[]>> = {
  all: ['all'],
  'age-band': ['under-1', '1-4', '5-9', '10-15', '16-17'],
  gender: ['female', 'male', 'other', 'not-recorded'],
  'placement-type': [
    'foster',
    'kinship-foster',
    'with-parents',
    'childrens-home',
    'secure',
    'placed-for-adoption',
    'independent-living',
    'residential-school',
    'other',
  ],
  'placement-location': ['inside', 'outside'],
};

/** The dimensions and categories one measure is published in. */
export function dimensionsOf(measure: MeasureDefinition): Readonly<Record<string, readonly string[]>> {
  return measure.categories ? { ...DIMENSIONS, ...measure.categories } : DIMENSIONS;
}
