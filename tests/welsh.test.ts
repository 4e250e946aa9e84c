// Welsh all the way through, through the real gateway with role tokens: the same bad input asked with
// `Accept-Language: cy` gets its message in Welsh, with the same code and field as in English (the
// default), whether the gateway, an authority or a national service refuses it; and a child sees their
// plan's section titles in the language the request asks for, their recorded preference when it names none.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { childUnderCare, type ChildUnderCare } from './support/child-under-care.ts';
import { startTestPlatform, type TestPlatform } from './support/platform.ts';

const CARDIFF = 'W06000015';
let platform: TestPlatform;
let child: ChildUnderCare;
const tokens: Record<'lead' | 'analyst' | 'learner', string> = { lead: '', analyst: '', learner: '' };

beforeAll(async () => {
  platform = await startTestPlatform({ env: { SEED_SCALE: '0.1' } });
  child = await childUnderCare(platform, CARDIFF, ['draft']);
  tokens.lead = await platform.token({ sub: 'vsh-cardiff-welsh', role: 'virtual-school-head', authority: CARDIFF });
  tokens.analyst = await platform.token({ sub: 'analyst-welsh', role: 'national-analyst' });
  tokens.learner = await platform.token({ sub: 'learner-welsh', role: 'learner', learner: child.learnerId });
});
afterAll(async () => platform?.stop());

type Answer = Awaited<ReturnType<TestPlatform['graphql']>>;
const WELSH = { 'accept-language': 'cy' };
let key = 0;
const nextKey = () => `welsh-${Date.now()}-${++key}`;

/** The first error's code, field and message. */
function firstError(answer: Answer) {
  const error = answer.body.errors?.[0];
  return { status: answer.status, code: error?.extensions?.['code'], field: error?.extensions?.['field'], message: error?.message };
}

describe('an error in the language the request asks for', () => {
  // [what, who, query, variables, English message, Welsh message]
  const cases: [string, keyof typeof tokens, string, () => Record<string, unknown>, string, string][] = [
    [
      'a page too large (the gateway refuses it)',
      'lead',
      '{ learners(first: 1000) { totalCount } }',
      () => ({}),
      'first must be between 1 and 500',
      'rhaid i first fod rhwng 1 a 500',
    ],
    [
      'a malformed learner id (the gateway refuses it)',
      'lead',
      '{ learner(id: "42") { id } }',
      () => ({}),
      "'42' is not a learner id: ids begin with the GSS code of a Welsh authority, e.g. W06000015:L000042",
      "nid yw '42' yn ddynodydd dysgwr: mae dynodyddion yn dechrau gyda chod GSS awdurdod yng Nghymru, e.e. W06000015:L000042",
    ],
    [
      'an id no child has (the authority answers)',
      'lead',
      '{ learner(id: "W06000015:L999999") { id } }',
      () => ({}),
      'no learner W06000015:L999999 in W06000015',
      'nid oes dysgwr W06000015:L999999 yn W06000015',
    ],
    [
      'an unknown authority code (the reference service refuses it)',
      'lead',
      '{ authority(code: "W06000099") { name } }',
      () => ({}),
      "'W06000099' is not a Welsh authority GSS code",
      "nid yw 'W06000099' yn god GSS awdurdod yng Nghymru",
    ],
    [
      'an individual child asked for by an analyst (the gateway’s shield refuses it)',
      'analyst',
      '{ learner(id: "W06000015:L000001") { id } }',
      () => ({}),
      'a national-analyst sees anonymised figures only, never an individual child',
      'dim ond ffigurau dienw y mae rôl national-analyst yn eu gweld, byth blentyn unigol',
    ],
    [
      'a section the child does not write (the authority refuses it, saying why)',
      'learner',
      'mutation($input: WritePepSectionInput!) { writePepSection(input: $input) { applied } }',
      () => ({ input: { pep: child.pepId, section: 'SCHOOL_PICTURE', body: 'x', language: 'EN', pepVersion: child.pepVersion, idempotencyKey: nextKey() } }),
      'writePepSection: a learner with this relationship to the child may not write pep fields',
      "gwrthodwyd writePepSection: ni chaiff rôl learner sydd â'r berthynas hon â'r plentyn ysgrifennu meysydd pep",
    ],
    [
      'a target with no description (the authority refuses the field)',
      'lead',
      'mutation($input: AddPepTargetInput!) { addPepTarget(input: $input) { applied } }',
      () => ({
        input: { pep: child.pepId, description: ' ', ownerRole: 'CARER', dueOn: '2999-01-01', pepVersion: child.pepVersion, idempotencyKey: nextKey() },
      }),
      'description: must not be empty',
      'description: rhaid iddo beidio â bod yn wag',
    ],
    [
      'too many aliases (a limit refuses the document)',
      'lead',
      `{ ${Array.from({ length: 31 }, (_, i) => `t${i}: __typename`).join(' ')} }`,
      () => ({}),
      'the operation has 31 aliases; at most 30 are allowed (limit: aliases)',
      'mae gan y gweithrediad 31 o arallenwau; caniateir 30 ar y mwyaf (terfyn: aliases)',
    ],
    [
      'a document over the token limit (the gateway refuses it unparsed)',
      'lead',
      Array.from({ length: 400 }, (_, i) => `query Q${i} { __typename${i === 399 ? ' __typename' : ''} }`).join(' '),
      () => ({}),
      'the document has more than 2000 tokens (limit: tokens)',
      'mae gan y ddogfen fwy na 2000 o docynnau (terfyn: tokens)',
    ],
    [
      'an operation over the cost limit (refused before any authority is asked)',
      'lead',
      `query { learners(first: 500) { edges { node { ${'id '.repeat(52)}} } } }`,
      () => ({}),
      'the operation could resolve about 605000 fields; at most 600000 are allowed (limit: cost). Ask for smaller pages or fewer fields',
      "gallai'r gweithrediad ddatrys tua 605000 o feysydd; caniateir 600000 ar y mwyaf (terfyn: cost). Gofynnwch am dudalennau llai neu lai o feysydd",
    ],
  ];

  it.each(cases)('%s', async (_, who, query, variables, english, welsh) => {
    const inEnglish = firstError(await platform.graphql(tokens[who], query, variables()));
    const inWelsh = firstError(await platform.graphql(tokens[who], query, variables(), WELSH));
    expect(inEnglish.message).toBe(english);
    expect(inWelsh.message).toBe(welsh);
    expect(inWelsh.code).toBeDefined();
    expect({ ...inWelsh, message: null }).toEqual({ ...inEnglish, message: null });
  });

  it('words a field the shield refuses in the request’s language, at the same path', async () => {
    const query = 'query($id: ID!) { learner(id: $id) { id currentPep { educationPicture { currentSchool { name } } } } }';
    const refusal = async (headers: Record<string, string>) => {
      const { body } = await platform.graphql(tokens.learner, query, { id: child.learnerId }, headers);
      const error = body.errors?.find((e) => e.extensions?.['code'] === 'FORBIDDEN');
      return { path: error?.path, message: error?.message ?? '' };
    };
    const english = await refusal({});
    const welsh = await refusal(WELSH);
    expect(english.path).toEqual(['learner', 'currentPep', 'educationPicture']);
    expect(welsh.path).toEqual(english.path);
    expect(english.message).toMatch(/^\w+\.educationPicture: a learner with this relationship to the child may not read \w+ fields$/);
    expect(welsh.message).toMatch(/^\w+\.educationPicture: ni chaiff rôl learner sydd â'r berthynas hon â'r plentyn ddarllen meysydd \w+$/);
  });

  it('follows Accept-Language by its ranking: Welsh first is Welsh, English first is English', async () => {
    const ask = async (header: string) =>
      firstError(await platform.graphql(tokens.lead, '{ learners(first: 0) { totalCount } }', {}, { 'accept-language': header })).message;
    expect(await ask('cy-GB, en;q=0.5')).toBe('rhaid i first fod rhwng 1 a 500');
    expect(await ask('en-GB, cy;q=0.5')).toBe('first must be between 1 and 500');
    expect(await ask('fr')).toBe('first must be between 1 and 500');
  });

  it('frames a library’s own English in Welsh, keeping its code', async () => {
    const query = '{ me { favouriteColour } }';
    const english = firstError(await platform.graphql(tokens.lead, query));
    const welsh = firstError(await platform.graphql(tokens.lead, query, {}, WELSH));
    expect(english.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(welsh).toMatchObject({ status: english.status, code: english.code });
    expect(welsh.message).toBe(`nid yw'r ymholiad yn cyd-fynd â sgema'r API: ${english.message}`);
  });

  it('refuses a request without a token in Welsh, with HTTP 401 all the same', async () => {
    const answer = firstError(await platform.graphql(null, '{ me { role } }', {}, WELSH));
    expect(answer).toMatchObject({ status: 401, code: 'UNAUTHENTICATED', message: 'anfonwch docyn hunaniaeth fel "Authorization: Bearer <token>"' });
  });

  it('refuses a body that is not JSON in Welsh, before GraphQL is reached', async () => {
    const response = await fetch(platform.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens.lead}`, ...WELSH },
      body: '{"query": ',
    });
    const body = (await response.json()) as { errors: { message: string; extensions: { code: string } }[] };
    expect(response.status).toBe(400);
    expect(body.errors[0]?.extensions.code).toBe('BAD_REQUEST');
    expect(body.errors[0]?.message).toMatch(/^nid yw corff y cais yn JSON dilys: /);
  });
});

describe('a child’s own section titles', () => {
  const title = async (headers: Record<string, string>) => {
    const { body } = await platform.graphql(
      tokens.learner,
      'query($id: ID!) { learner(id: $id) { currentPep { allAboutMe { title } } } }',
      { id: child.learnerId },
      headers,
    );
    expect(body.errors).toBeUndefined();
    return body.data?.learner.currentPep.allAboutMe.title as string;
  };
  const prefer = async (language: 'CY' | 'EN') => {
    const mutation = 'mutation($input: RecordLanguagePreferenceInput!) { recordLanguagePreference(input: $input) { applied } }';
    const { body } = await platform.graphql(tokens.learner, mutation, { input: { learner: child.learnerId, language, idempotencyKey: nextKey() } });
    expect(body.errors).toBeUndefined();
  };

  beforeAll(async () => {
    const mutation = 'mutation($input: WritePepSectionInput!) { writePepSection(input: $input) { applied } }';
    const input = {
      pep: child.pepId,
      section: 'ALL_ABOUT_ME',
      body: 'I like drawing.',
      language: 'EN',
      pepVersion: child.pepVersion,
      idempotencyKey: nextKey(),
    };
    const { body } = await platform.graphql(tokens.learner, mutation, { input });
    expect(body.errors).toBeUndefined();
  });

  it('follow the request’s language, whatever the child once recorded', async () => {
    await prefer('EN');
    expect(await title(WELSH)).toBe('Popeth amdana i');
    await prefer('CY');
    expect(await title({ 'accept-language': 'en' })).toBe('All about me');
  });

  it('fall back to the child’s recorded preference when the request names neither language', async () => {
    await prefer('CY');
    expect(await title({})).toBe('Popeth amdana i');
    expect(await title({ 'accept-language': 'fr' })).toBe('Popeth amdana i');
    await prefer('EN');
    expect(await title({})).toBe('All about me');
  });
});
