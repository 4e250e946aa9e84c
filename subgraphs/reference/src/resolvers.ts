// Thin resolvers over the national reference data.
import type { GraphQLResolverMap } from '@wales-lac/subgraph-edge';
import { ROLES } from '@wales-lac/caller';
import { SCHOOL_PHASES, TEACHING_MEDIA } from '@wales-lac/db';
import { message, platformError } from '@wales-lac/errors';
import { enumValuesOf } from '@wales-lac/subgraph-edge';
import { isAuthorityCode, statisticalNeighbours } from '@wales-lac/wales';
import type { ReferenceContext } from './context.ts';
import { pepSectionTexts, vocabulary } from './vocabulary.ts';
import { schoolsOfAuthority, type AuthorityRow, type RegionRow, type SchoolRow } from './data/index.ts';

interface Named {
  readonly nameEn: string;
  readonly nameCy: string;
}
/** The `language` argument, else the request's Accept-Language. */
const languageOf = (args: { language?: 'en' | 'cy' | null }, ctx: ReferenceContext) => args.language ?? ctx.language;
const name = (row: Named, args: { language?: 'en' | 'cy' | null }, ctx: ReferenceContext) => (languageOf(args, ctx) === 'cy' ? row.nameCy : row.nameEn);

async function authorityByCode(code: string, ctx: ReferenceContext): Promise<AuthorityRow | null> {
  return (await ctx.loaders.authorities()).find((a) => a.code === code) ?? null;
}

function checkAuthorityCode(code: string, field: string): void {
  if (!isAuthorityCode(code)) throw platformError(message('BAD_USER_INPUT', 'notAnAuthorityCode', { value: code }), { field });
}

export const resolvers: GraphQLResolverMap<ReferenceContext> = {
  Query: {
    me: (_: unknown, __: unknown, ctx: ReferenceContext) => ctx.caller,
    authorities: (_: unknown, __: unknown, ctx: ReferenceContext) => ctx.loaders.authorities(),
    authority: (_: unknown, args: { code: string }, ctx: ReferenceContext) => {
      checkAuthorityCode(args.code, 'code');
      return authorityByCode(args.code, ctx);
    },
    regions: (_: unknown, __: unknown, ctx: ReferenceContext) => ctx.loaders.regions(),
    school: (_: unknown, args: { id: string }, ctx: ReferenceContext) => {
      if (!/^\d{7}$/.test(args.id)) throw platformError(message('BAD_USER_INPUT', 'notSevenDigits', { id: args.id }), { field: 'id' });
      return ctx.loaders.school.load(args.id);
    },
    schools: (_: unknown, args: { authority: string }, ctx: ReferenceContext) => {
      checkAuthorityCode(args.authority, 'authority');
      return schoolsOfAuthority(ctx.db, args.authority);
    },
    vocabulary: (_: unknown, args: { language?: 'en' | 'cy' | null; enumName?: string | null }, ctx: ReferenceContext) =>
      vocabulary(languageOf(args, ctx), args.enumName),
    pepSectionTexts: (_: unknown, args: { language?: 'en' | 'cy' | null }, ctx: ReferenceContext) => pepSectionTexts(languageOf(args, ctx)),
  },
  Authority: {
    __resolveReference: (ref: { code: string }, ctx: ReferenceContext) => authorityByCode(ref.code, ctx),
    name,
    region: async (a: AuthorityRow, _: unknown, ctx: ReferenceContext) => (await ctx.loaders.regions()).find((r) => r.code === a.regionCode),
    statisticalNeighbours: async (a: AuthorityRow, _: unknown, ctx: ReferenceContext) => {
      const neighbours = statisticalNeighbours(a.code);
      return (await ctx.loaders.authorities())
        .filter((b) => neighbours.includes(b.code))
        .sort((x, y) => neighbours.indexOf(x.code) - neighbours.indexOf(y.code));
    },
  },
  Region: {
    name,
    authorities: async (r: RegionRow, _: unknown, ctx: ReferenceContext) => (await ctx.loaders.authorities()).filter((a) => a.regionCode === r.code),
  },
  School: {
    __resolveReference: (ref: { id: string }, ctx: ReferenceContext) => ctx.loaders.school.load(ref.id),
    name,
    authority: (s: SchoolRow, _: unknown, ctx: ReferenceContext) => authorityByCode(s.authorityCode, ctx),
  },
  Me: {
    subject: (caller: ReferenceContext['caller']) => caller.subject,
    authority: (caller: ReferenceContext['caller'], _: unknown, ctx: ReferenceContext) =>
      caller.authorityCode ? authorityByCode(caller.authorityCode, ctx) : null,
    school: (caller: ReferenceContext['caller'], _: unknown, ctx: ReferenceContext) => (caller.schoolId ? ctx.loaders.school.load(caller.schoolId) : null),
    learner: (caller: ReferenceContext['caller']) => (caller.learnerId ? { id: caller.learnerId } : null),
    region: async (caller: ReferenceContext['caller'], _: unknown, ctx: ReferenceContext) => {
      const code = caller.regionCode ?? (caller.authorityCode ? (await authorityByCode(caller.authorityCode, ctx))?.regionCode : null);
      return code ? ((await ctx.loaders.regions()).find((r) => r.code === code) ?? null) : null;
    },
  },
  DisplayLanguage: { EN: 'en', CY: 'cy' },
  Role: enumValuesOf(ROLES),
  SchoolPhase: enumValuesOf(SCHOOL_PHASES),
  TeachingMedium: enumValuesOf(TEACHING_MEDIA),
};
