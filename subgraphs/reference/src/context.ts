import type { Caller } from '@wales-lac/caller';
import type { DisplayLanguage } from '@wales-lac/wales';
import type { ReferenceLoaders } from './data/index.ts';
import type { NationalDatabase } from '@wales-lac/db';

/** Everything a reference resolver needs for one request. */
export interface ReferenceContext {
  readonly caller: Caller;
  /** Language chosen by the request's Accept-Language, for `name` fields without an argument. */
  readonly language: DisplayLanguage;
  readonly db: NationalDatabase;
  readonly loaders: ReferenceLoaders;
}
