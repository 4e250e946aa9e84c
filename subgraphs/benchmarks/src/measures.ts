// The measures of METRICS.md, as data: which the authorities' anonymised views compute today, and which
// wait for the record to grow (published as [x], not available).
export type MeasureKind = 'count' | 'rate';

export interface MeasureDefinition {
  readonly id: string;
  readonly kind: MeasureKind;
  readonly nameEn: string;
  readonly nameCy: string;
  readonly definition: string;
  /** False while the authority record does not hold the data this measure needs. */
  readonly available: boolean;
}

export const MEASURES: readonly MeasureDefinition[] = [
  { id: 'cohort', kind: 'count', nameEn: 'Children looked after', nameCy: 'Plant sy’n derbyn gofal', definition: 'count of children looked after today', available: true },
  { id: 'placement-stability', kind: 'rate', nameEn: 'Placement stability', nameCy: 'Sefydlogrwydd lleoliad', definition: 'share with 3 or more placements in the last 12 months', available: true },
  { id: 'school-stability', kind: 'rate', nameEn: 'School stability', nameCy: 'Sefydlogrwydd ysgol', definition: 'share of pupils with a school move outside September in the last 12 months', available: true },
  { id: 'pep-in-place', kind: 'rate', nameEn: 'PEP in place', nameCy: 'CAP yn ei le', definition: 'share of children aged 3-17 looked after for 20+ school days with a current PEP', available: true },
  { id: 'pep-timely', kind: 'rate', nameEn: 'PEP on time', nameCy: 'CAP mewn pryd', definition: 'share of PEPs started in the last 12 months completed within 20 school days', available: true },
  { id: 'pep-reviewed', kind: 'rate', nameEn: 'PEP reviewed', nameCy: 'CAP wedi’i adolygu', definition: 'share of agreed PEPs reviewed within the last school term', available: true },
  { id: 'targets-met', kind: 'rate', nameEn: 'Progress against PEP targets', nameCy: 'Cynnydd yn erbyn targedau CAP', definition: 'share of PEP targets due in the last 12 months that were met', available: true },
  { id: 'attendance', kind: 'rate', nameEn: 'Attendance', nameCy: 'Presenoldeb', definition: 'sessions attended / possible sessions over the last 12 months, pupils on a roll', available: true },
  { id: 'persistent-absence', kind: 'rate', nameEn: 'Persistent absence', nameCy: 'Absenoldeb parhaus', definition: 'share of pupils missing 10% or more of possible sessions over the last 12 months', available: true },
  { id: 'exclusions', kind: 'rate', nameEn: 'Fixed-term exclusions', nameCy: 'Gwaharddiadau cyfnod penodol', definition: 'exclusions per 100 pupils', available: false },
  { id: 'sdq-concern', kind: 'rate', nameEn: 'Well-being concern', nameCy: 'Pryder am les', definition: 'share whose latest SDQ total difficulties score is 17 or more', available: false },
];

/** Every category of each dimension, so an absent category is a published zero, not a missing cell. */
export const DIMENSIONS: Readonly<Record<string, readonly string[]>> = {
  all: ['all'],
  'age-band': ['under-1', '1-4', '5-9', '10-15', '16-17'],
  gender: ['female', 'male', 'other', 'not-recorded'],
  'placement-type': ['foster', 'kinship-foster', 'with-parents', 'childrens-home', 'secure', 'placed-for-adoption', 'independent-living', 'residential-school', 'other'],
  'placement-location': ['inside', 'outside'],
};
