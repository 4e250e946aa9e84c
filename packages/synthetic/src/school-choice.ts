// Picking a school near where a child lives, of the right kind for their age and language.
import type { Language } from './plan.ts';
import type { Random } from './random.ts';
import type { SchoolRow } from './types.ts';

export type SchoolKind = 'mainstream' | 'special' | 'pru';

const KIND_OF_PHASE: Readonly<Record<string, SchoolKind>> = {
  nursery: 'mainstream',
  primary: 'mainstream',
  middle: 'mainstream',
  secondary: 'mainstream',
  special: 'special',
  pru: 'pru',
};

/** Schools by authority and kind, for quick choice. */
export class SchoolChooser {
  private readonly byAuthority = new Map<string, Map<SchoolKind, SchoolRow[]>>();

  constructor(schools: readonly SchoolRow[]) {
    for (const school of schools) {
      const kinds = this.byAuthority.get(school.authorityCode) ?? new Map<SchoolKind, SchoolRow[]>();
      const kind = KIND_OF_PHASE[school.phase] ?? 'mainstream';
      const list = kinds.get(kind) ?? [];
      list.push(school);
      kinds.set(kind, list);
      this.byAuthority.set(school.authorityCode, kinds);
    }
  }

  /**
   * A school in the authority that takes the child through the whole stay: ages are ages on
   * 1 September, and a school for ages L-H takes year groups from age L up to H - 1.
   * Returns undefined when the authority has no such school.
   */
  choose(rng: Random, authorityCode: string, kind: SchoolKind, fromAge: number, toAge: number, language: Language): SchoolRow | undefined {
    const fitting = (this.byAuthority.get(authorityCode)?.get(kind) ?? []).filter((s) => s.lowestAge <= fromAge && toAge < s.highestAge);
    if (fitting.length === 0) return undefined;
    return rng.weighted(fitting.map((s) => [s, mediumWeight(s.medium, language)] as const));
  }
}

// Welsh speakers mostly go to Welsh-medium schools; children placed in a new area mostly do not.
function mediumWeight(medium: string, language: Language): number {
  const welshMedium = medium === 'welsh' || medium === 'bilingual';
  if (language === 'cy') return welshMedium ? 8 : medium === 'dual-stream' ? 3 : 0.5;
  if (welshMedium) return language === 'en' ? 0.4 : 0.15;
  return 1;
}
