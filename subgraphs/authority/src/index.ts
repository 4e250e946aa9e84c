export { createAuthoritySubgraph, AUTHORITY_SDL } from './service.ts';
export type { AuthoritySubgraph, AuthoritySubgraphConfig } from './service.ts';
export { authorityConfigFromEnv } from './config.ts';
export type { AuthorityServiceConfig } from './config.ts';
export { runDailyAlerts, dispatchOutbox, mailFor } from './daily-alerts.ts';
export type { AlertRunReport, AlertMail, DispatchOptions } from './daily-alerts.ts';
