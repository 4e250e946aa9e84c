export { platformConfigFromEnv, ConfigurationError, AUTHORITY_CODES, REPOSITORY_ROOT } from './config.ts';
export type { PlatformConfig, DatabaseSource, IdentityProviderConfig } from './config.ts';
export { startPlatform } from './platform.ts';
export type { Platform, PlatformOptions } from './platform.ts';
export { openPlatformDatabases } from './databases.ts';
export type { PlatformDatabases } from './databases.ts';
