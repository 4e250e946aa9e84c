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

const byLaNumber = new Map(AUTHORITY_FACTS.map((a) => [a.upnLaNumber, a.code]));

/** The maintaining authority of a school, from its seven-digit number (LA number + establishment); null when not Welsh. */
export function schoolAuthorityCode(schoolId: string): string | null {
  if (!/^\d{7}$/.test(schoolId)) return null;
  return byLaNumber.get(schoolId.slice(0, 3)) ?? null;
}
