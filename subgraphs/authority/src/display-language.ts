// Which language to answer in: an explicit argument first; then the language the request asks for
// (Accept-Language naming Welsh or English), so a child reading in Welsh sees Welsh titles whatever they
// once recorded; on a learner's own record, their recorded preference when the request names neither;
// English when nothing says otherwise (decision 0022).
import { requestedLanguageFrom, type DisplayLanguage } from '@wales-lac/wales';
import type { AuthorityContext } from './context.ts';

export function displayLanguage(ctx: AuthorityContext, argument: string | null | undefined, ownPreference: string | null): DisplayLanguage {
  if (argument === 'cy' || argument === 'en') return argument;
  const requested = requestedLanguageFrom(ctx.acceptLanguage);
  if (requested) return requested;
  if (ownPreference === 'cy' || ownPreference === 'en') return ownPreference;
  return 'en';
}

/** The learner's recorded preference when the caller is that learner, else null. */
export async function ownPreferenceOf(ctx: AuthorityContext, learnerId: string): Promise<string | null> {
  if (ctx.caller.role !== 'learner' || ctx.caller.learnerId !== learnerId) return null;
  return (await ctx.loaders.learner.load(learnerId))?.row.languagePreference ?? null;
}
