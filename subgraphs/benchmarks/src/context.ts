import type { Caller } from '@wales-lac/caller';
import type { DisplayLanguage } from '@wales-lac/wales';
import type { RefreshOutcome } from './refresh.ts';
import type { ReleaseStore } from './release-store.ts';

/** What a benchmarks resolver needs for one request. */
export interface BenchmarksContext {
  readonly caller: Caller;
  readonly language: DisplayLanguage;
  readonly releases: ReleaseStore;
  refresh(requestedBy: string): Promise<RefreshOutcome>;
  readonly now: () => Date;
}
