export { createGateway } from './service.ts';
export type { Gateway, GatewayConfig } from './service.ts';
export { composeSupergraph } from './compose.ts';
export { loadSupergraph, SUPERGRAPH_PATH } from './supergraph.ts';
export { ROOT_FIELD_ROUTES } from './authority-shards.ts';
export { ShieldedGateway } from './shield/shielded-gateway.ts';
export {
  requestLimitsFromEnv,
  identityProviderFromEnv,
  profileFromEnv,
  developerRoleFromEnv,
  subgraphTimeoutFromEnv,
  explorerFromEnv,
  trustedDocumentsFromEnv,
} from './settings.ts';
export type { Profile, IdentityProviderSettings } from './settings.ts';
export { gatewayConfigFromEnv, AUTHORITY_URL_PREFIX } from './config.ts';
export type { GatewayServiceConfig } from './config.ts';
