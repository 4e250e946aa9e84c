// The soak's two kinds of traffic. Normal: the typed client's documented operations (a caseload paged
// through, one child's record, benchmarks, notifications, `me`) with role tokens as `npm run token` mints
// them; each must be answered in full. Hostile: issue 10's attacks; each must be refused with its code.
import { ask, BenchmarksDocument, CaseloadDocument, LearnerRecordDocument, MeDocument, NotificationsDocument, type Answer } from '@wales-lac/client';

/** How a request ended: `ok` (200, no errors), the first error's code, or `error` (no GraphQL answer). */
export type Outcome = string;

export interface SoakRequest {
  readonly kind: string;
  readonly hostile: boolean;
  /** The outcomes that are right for it. */
  readonly expected: readonly Outcome[];
  send(): Promise<Outcome>;
}

export interface SoakTokens {
  /** Cardiff's virtual school head. */
  readonly virtualSchoolHead: string;
  readonly nationalAnalyst: string;
  /** A Cardiff child, asking about the schema. */
  readonly learner: string;
}

export function outcomeOf(answer: Pick<Answer<unknown>, 'status' | 'errors'>): Outcome {
  const code = answer.errors?.[0]?.extensions?.code;
  if (answer.errors?.length) return typeof code === 'string' ? code : 'error';
  return answer.status === 200 ? 'ok' : 'error';
}

/** Runs one request to its outcome; a transport failure or a body that is not JSON is `error`. */
async function outcome(answer: () => Promise<Pick<Answer<unknown>, 'status' | 'errors'>>): Promise<Outcome> {
  try {
    return outcomeOf(await answer());
  } catch {
    return 'error';
  }
}

async function post(url: string, token: string, body: string): Promise<Pick<Answer<unknown>, 'status' | 'errors'>> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body });
  return { status: response.status, ...((await response.json()) as Pick<Answer<unknown>, 'errors'>) };
}

const CARDIFF = 'W06000015';
const times = (n: number, make: (i: number) => string) => Array.from({ length: n }, (_, i) => make(i)).join(' ');

/** The current school year so far, as the record's attendance asks it. */
function schoolYear(today = new Date()): { from: string; to: string } {
  const year = today.getUTCMonth() >= 8 ? today.getUTCFullYear() : today.getUTCFullYear() - 1;
  return { from: `${year}-09-01`, to: today.toISOString().slice(0, 10) };
}

/** Normal traffic; `children` are ids the caseload has shown (one child's record picks among them). */
export function normalTraffic(url: string, tokens: SoakTokens, children: readonly string[]): SoakRequest[] {
  let after: string | null = null;
  let next = 0;
  const normal = (kind: string, send: () => Promise<Pick<Answer<unknown>, 'status' | 'errors'>>): SoakRequest => ({
    kind,
    hostile: false,
    expected: ['ok'],
    send: () => outcome(send),
  });
  const vsh = { token: tokens.virtualSchoolHead };
  return [
    normal('caseload page', async () => {
      const answer = await ask(url, CaseloadDocument, { first: 100, after, homeAuthority: CARDIFF }, vsh);
      // Page through, then start again: every page of Cardiff's caseload is asked in turn.
      const page = answer.data?.learners.pageInfo;
      after = page?.hasNextPage ? page.endCursor : null;
      return answer;
    }),
    normal("one child's record", () => ask(url, LearnerRecordDocument, { id: children[(next += 1) % children.length] ?? '', ...schoolYear() }, vsh)),
    normal('benchmarks', () => ask(url, BenchmarksDocument, { level: 'REGION' }, { token: tokens.nationalAnalyst })),
    normal('notifications', () => ask(url, NotificationsDocument, { unreadOnly: false }, vsh)),
    normal('me (Welsh)', () => ask(url, MeDocument, {}, { ...vsh, language: 'cy' })),
  ];
}

/** `regions { authorities { region { authorities … } } }` with `pairs` authorities/region pairs. */
function regionsNest(pairs: number): string {
  let inner = 'code';
  for (let i = 0; i < pairs; i += 1) inner = i === 0 ? `authorities { ${inner} }` : `authorities { region { ${inner} } }`;
  return `{ regions { ${inner} } }`;
}

const fanOut = (levels: number) =>
  `query { ...F0 } ${times(levels - 1, (i) => `fragment F${i} on Query { ${times(5, () => `...F${i + 1}`)} }`)} fragment F${levels - 1} on Query { learners(first: 500) { totalCount } }`;

// Built once: the huge ones would otherwise be garbage the soak itself makes on every request.
const ATTACKS: readonly (readonly [kind: string, query: string, expected: readonly Outcome[]])[] = [
  ['regions/authorities nested 10 deep', regionsNest(10), ['QUERY_TOO_DEEP']],
  ['50 aliases of learners(first: 500)', `{ ${times(50, (i) => `a${i}: learners(first: 500) { totalCount }`)} }`, ['TOO_MANY_ALIASES']],
  ['101 __typename aliases', `{ ${times(101, (i) => `t${i}: __typename`)} }`, ['TOO_MANY_ALIASES']],
  ['fragment fan-out, 5 levels', fanOut(5), ['QUERY_TOO_DEEP']],
  ['fragment fan-out, 4 levels', fanOut(4), ['QUERY_TOO_COSTLY']],
  ['10 unknown directives', `{ me { role ${times(10, (i) => `@unknown${i}`)} } }`, ['TOO_MANY_DIRECTIVES']],
  // 900 KB, under the 1 MB body limit: refused by the token limit without being parsed further.
  ['huge document (900 KB)', `{ ${'__typename '.repeat(81_000)} }`, ['TOO_MANY_TOKENS']],
];
const HUGE_BODY = JSON.stringify({ query: `{ me { role } } #${'x'.repeat(1_100_000)}` });
const INTROSPECTION = '{ __schema { types { name fields { name type { name kind } } } } }';

/** Hostile traffic: issue 10's attacks, each with the refusal it must get. */
export function hostileTraffic(url: string, tokens: SoakTokens): SoakRequest[] {
  const hostile = (kind: string, expected: readonly Outcome[], send: () => Promise<Pick<Answer<unknown>, 'status' | 'errors'>>): SoakRequest => ({
    kind,
    hostile: true,
    expected,
    send: () => outcome(send),
  });
  return [
    ...ATTACKS.map(([kind, query, expected]) => hostile(kind, expected, () => post(url, tokens.virtualSchoolHead, JSON.stringify({ query })))),
    // Over the body limit: refused unread, the connection closed.
    hostile('huge body (1.1 MB)', ['BAD_REQUEST'], () => post(url, tokens.virtualSchoolHead, HUGE_BODY)),
    // Refused in the production profile; the development profile keeps introspection open (decision 0013).
    hostile('introspection as a learner', ['INTROSPECTION_DISABLED', 'ok'], () => post(url, tokens.learner, JSON.stringify({ query: INTROSPECTION }))),
  ];
}
