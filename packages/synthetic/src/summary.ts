// Counts per authority, for progress printing and quick sanity checks.
import { AUTHORITY_FACTS } from '@wales-lac/wales';
import type { WalesDataset } from './types.ts';

export interface AuthoritySummary {
  readonly authorityCode: string;
  readonly nameEn: string;
  readonly learners: number;
  /** Its children whose current placement is in another authority. */
  readonly placedOut: number;
  /** Other authorities' children currently placed in it. */
  readonly hosted: number;
  readonly schools: number;
  readonly enrolments: number;
  readonly peps: number;
}

export function walesSummary(data: WalesDataset): AuthoritySummary[] {
  const hosted = new Map<string, number>();
  const placedOut = new Map<string, number>();
  for (const [code, dataset] of data.authorities) {
    for (const placement of dataset.placements) {
      if (placement.endedOn != null || placement.authorityCode === code) continue;
      placedOut.set(code, (placedOut.get(code) ?? 0) + 1);
      hosted.set(placement.authorityCode, (hosted.get(placement.authorityCode) ?? 0) + 1);
    }
  }
  return AUTHORITY_FACTS.filter((a) => data.authorities.has(a.code)).map((a) => {
    const dataset = data.authorities.get(a.code);
    return {
      authorityCode: a.code,
      nameEn: a.nameEn,
      learners: dataset?.learners.length ?? 0,
      placedOut: placedOut.get(a.code) ?? 0,
      hosted: hosted.get(a.code) ?? 0,
      schools: data.national.schools.filter((s) => s.authorityCode === a.code).length,
      enrolments: dataset?.enrolments.length ?? 0,
      peps: dataset?.peps.length ?? 0,
    };
  });
}
