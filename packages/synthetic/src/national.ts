// Regions, authorities and their (historic, default) region memberships.
import { AUTHORITY_FACTS, REGION_FACTS } from '@wales-lac/wales';
import type { AuthorityRow, RegionMembershipRow, RegionRow } from './types.ts';

/** The historic consortia date from their establishment in 2012. */
export const HISTORIC_MEMBERSHIP_FROM = '2012-04-01';

export function regionRows(): RegionRow[] {
  return REGION_FACTS.map((r) => ({ code: r.code, nameEn: r.nameEn, nameCy: r.nameCy }));
}

export function authorityRows(): AuthorityRow[] {
  return AUTHORITY_FACTS.map((a) => ({
    code: a.code,
    nameEn: a.nameEn,
    nameCy: a.nameCy,
    orgCode: a.orgCode,
    upnLaNumber: a.upnLaNumber,
  }));
}

export function regionMembershipRows(): RegionMembershipRow[] {
  return AUTHORITY_FACTS.map((a) => ({
    authorityCode: a.code,
    regionCode: a.regionCode,
    validFrom: HISTORIC_MEMBERSHIP_FROM,
    validTo: null,
  }));
}
