// What a table shows in place of a figure, in Welsh Government's shorthand and in both languages
// (see the shared WALES-FACTS.md, "Publishing statistics"). A marker is never a zero: a suppressed
// count is not nothing, it is withheld.

export interface Marker {
  readonly code: string;
  readonly en: string;
  readonly cy: string;
}

export const MARKERS = {
  suppressed: { code: '[c]', en: 'Confidential: suppressed to protect small numbers', cy: "Cyfrinachol: wedi'i atal i ddiogelu niferoedd bach" },
  notAvailable: { code: '[x]', en: 'Not available', cy: 'Ddim ar gael' },
  notApplicable: { code: '[z]', en: 'Not applicable', cy: 'Amherthnasol' },
} as const satisfies Record<string, Marker>;
