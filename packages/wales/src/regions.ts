import { AUTHORITY_FACTS, REGION_FACTS } from './authorities.ts';
import type { AuthorityFact, RegionFact } from './types.ts';

export const WALES_CODE = 'W92000004';

const byCode = new Map(AUTHORITY_FACTS.map((a) => [a.code, a]));

export function authorityFact(code: string): AuthorityFact | undefined {
  return byCode.get(code);
}

export function isAuthorityCode(code: string): boolean {
  return byCode.has(code);
}

export function authoritiesInRegion(regionCode: string): AuthorityFact[] {
  return AUTHORITY_FACTS.filter((a) => a.regionCode === regionCode);
}

export function regionFact(code: string): RegionFact | undefined {
  return REGION_FACTS.find((r) => r.code === code);
}
