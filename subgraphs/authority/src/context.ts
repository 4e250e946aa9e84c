import type { Caller } from '@wales-lac/caller';
import type { AuthorityDatabase } from '@wales-lac/db';
import type { DisplayLanguage } from '@wales-lac/wales';
import type { AccessLoader } from './access.ts';
import type { AccessAudit } from './audit.ts';
import type { AuthorityLoaders } from './data/index.ts';

/** Everything a resolver needs for one request to one authority. */
export interface AuthorityContext {
  readonly caller: Caller;
  readonly authorityCode: string;
  /** Today's date (ISO), fixed for the whole request. */
  readonly today: string;
  /** The client's Accept-Language as the gateway passed it on. */
  readonly acceptLanguage: string | undefined;
  /** The language the request asked for (from Accept-Language), read once: errors are worded in it. */
  readonly language: DisplayLanguage;
  readonly db: AuthorityDatabase;
  readonly loaders: AuthorityLoaders;
  /** The caller's access to each child, computed once per child per request. */
  readonly access: AccessLoader;
  /** Decisions about personal data made in this request, written before the answer leaves. */
  readonly audit: AccessAudit;
}
