export * as authoritySchema from './schema/authority.ts';
export * as nationalSchema from './schema/national.ts';
export {
  GENDERS,
  LANGUAGES,
  CARE_STATUSES,
  LEGAL_STATUSES,
  PLACEMENT_TYPES,
  PEP_STATUSES,
  TARGET_PROGRESS,
  STAFF_ROLES,
  TARGET_OWNER_ROLES,
  AUDIT_ACTIONS,
  AUDIT_DECISIONS,
  QUALITY_RATINGS,
  PEP_SECTIONS,
  SIGN_OFF_ROLES,
  EXCLUSION_KINDS,
  SDQ_INFORMANTS,
  SDQ_CONCERN_FROM,
  INTERVENTION_KINDS,
  DESTINATIONS,
  IDP_MAINTAINERS,
  NOTIFICATION_KINDS,
  ALERT_KINDS,
  NOTIFICATION_DELIVERIES,
  NOTIFICATION_RECIPIENTS,
  MEETING_INVITEE_ROLES,
  MEETING_RESPONSES,
  MEETING_STATUSES,
  EOTAS_KINDS,
  DOCUMENT_SECTIONS,
  DOCUMENT_KINDS,
} from './schema/authority.ts';
export { SCHOOL_PHASES, TEACHING_MEDIA, RELEASE_STATES, RELEASE_ROUNDINGS } from './schema/national.ts';
export { connectAuthorityDatabase, connectNationalDatabase, tracedAuthorityConnection, tracedNationalConnection } from './connection.ts';
export { traceSql } from './traced-sql.ts';
export type { AuthorityDatabase, NationalDatabase, Connection, PoolOptions } from './connection.ts';
export { migrateAuthorityDatabase, migrateNationalDatabase } from './migrate.ts';
export { startEmbeddedServer, embeddedServerUrl } from './embedded.ts';
export type { EmbeddedServer, EmbeddedServerOptions } from './embedded.ts';
export { topologyOnServer, ensureDatabases, dropDatabases, databaseName } from './provision.ts';
export type { DatabaseTopology } from './provision.ts';
export { grantAnonymisedReader, anonymisedReaderUrl } from './anonymised-reader.ts';
export type { AnonymisedReader } from './anonymised-reader.ts';
export { verifyAuditChain, verifyAuditChainAt, canConnect } from './audit-chain.ts';
export type { ChainReport, BrokenLink } from './audit-chain.ts';
