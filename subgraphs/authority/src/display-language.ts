// Which language to answer in: an explicit argument first; on a learner's own record their recorded
// preference (so the child sees their plan in the language they chose, whatever the browser says);
// otherwise the request's Accept-Language; English when nothing says otherwise.
import { displayLanguageFrom, type DisplayLanguage } from '@wales-lac/wales';
import type { AuthorityContext } from './context.ts';

export function displayLanguage(ctx: AuthorityContext, argument: string | null | undefined, ownPreference: string | null): DisplayLanguage {
  if (argument === 'cy' || argument === 'en') return argument;
  if (ownPreference === 'cy' || ownPreference === 'en') return ownPreference;
  return displayLanguageFrom(ctx.acceptLanguage);
}

/** The learner's recorded preference when the caller is that learner, else null. */
export async function ownPreferenceOf(ctx: AuthorityContext, learnerId: string): Promise<string | null> {
  if (ctx.caller.role !== 'learner' || ctx.caller.learnerId !== learnerId) return null;
  return (await ctx.loaders.learner.load(learnerId))?.row.languagePreference ?? null;
}
