export type { AuthorityFact, RegionFact } from './types.ts';
export { AUTHORITY_FACTS, REGION_FACTS } from './authorities.ts';
export { WALES_CODE, authorityFact, isAuthorityCode, authoritiesInRegion, regionFact } from './regions.ts';
export { upnCheckLetter, upnProblem, isValidUpn } from './upn.ts';
export { learnerId, pepId, parseRecordId, owningAuthority } from './ids.ts';
export type { ParsedRecordId, RecordKind } from './ids.ts';
export { displayLanguageFrom } from './language.ts';
export type { DisplayLanguage } from './language.ts';
