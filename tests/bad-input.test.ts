// Wrong input gets a clear, coded error and a 4xx where HTTP applies; nothing crashes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from './support/platform.ts';

const CARDIFF = 'W06000015';
let platform: TestPlatform;
let token: string;

beforeAll(async () => {
  platform = await startTestPlatform();
  token = await platform.token({ sub: 'vsh', role: 'virtual-school-head', authority: CARDIFF });
});
afterAll(async () => platform?.stop());

async function raw(body: string, contentType = 'application/json') {
  const response = await fetch(platform.url, { method: 'POST', headers: { 'content-type': contentType, authorization: `Bearer ${token}` }, body });
  return { status: response.status, body: (await response.json()) as { errors?: { message: string; extensions?: { code?: string } }[] } };
}

describe('malformed requests', () => {
  it.each([
    ['malformed JSON', '{"query": "{ me { role } }"', 400, 'BAD_REQUEST', /not valid JSON/],
    ['invalid GraphQL', JSON.stringify({ query: '{ me { role }' }), 400, 'GRAPHQL_PARSE_FAILED', /Syntax Error/],
    ['an unknown field', JSON.stringify({ query: '{ me { favouriteColour } }' }), 400, 'GRAPHQL_VALIDATION_FAILED', /favouriteColour/],
    ['no query', JSON.stringify({ variables: {} }), 400, 'BAD_REQUEST', /query/],
    ['an oversized body', JSON.stringify({ query: `{ me { role } } #${'x'.repeat(1_100_000)}` }), 400, 'BAD_REQUEST', /larger than/],
  ])('%s: HTTP %d, %s', async (_, body, status, code, message) => {
    const answer = await raw(body);
    expect(answer.status).toBe(status);
    expect(answer.body.errors?.[0]?.extensions?.code).toBe(code);
    expect(answer.body.errors?.[0]?.message).toMatch(message);
  });
});

describe('bad arguments', () => {
  it.each([
    ['a malformed learner id', '{ learner(id: "42") { id } }', 'learner', 'id'],
    ['an id of a non-Welsh authority', '{ learner(id: "E06000001:L000001") { id } }', 'learner', 'id'],
    ['an id naming a retired GSS code', '{ learner(id: "W06000007:L000001") { id } }', 'learner', 'id'],
    ['an unknown authority code', '{ authority(code: "W06000099") { name } }', 'authority', 'code'],
    ['a page too large', '{ learners(first: 1000) { totalCount } }', null, 'first'],
    ['a page of nothing', '{ learners(first: 0) { totalCount } }', null, 'first'],
    ['a forged cursor', '{ learners(after: "bm90LWEtY3Vyc29y") { totalCount } }', null, 'after'],
    ['an unknown home authority', '{ learners(homeAuthority: "nowhere") { totalCount } }', null, 'homeAuthority'],
  ])('%s gets BAD_USER_INPUT naming the argument', async (_, query, nulledField, field) => {
    const { status, body } = await platform.graphql(token, query);
    expect(status).toBe(200);
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    if (nulledField) expect(body.data?.[nulledField]).toBeNull();
  });

  describe('an enum value the API does not have', () => {
    const SCHEDULE = 'mutation ($input: SchedulePepMeetingInput!) { schedulePepMeeting(input: $input) { meeting { id } } }';
    const input = {
      pep: `${CARDIFF}:P000001`,
      date: '2027-01-12',
      startTime: '10:00',
      place: 'School',
      invitees: ['SOCIAL_WORKER', 'TEACHER'],
      idempotencyKey: 'enum-1',
    };
    const allowed = 'DESIGNATED_TEACHER, VIRTUAL_SCHOOL_HEAD, SOCIAL_WORKER, LEARNER';

    it('in a variable: BAD_USER_INPUT naming the input and the values it may take, changing nothing', async () => {
      const { status, body } = await platform.graphql(token, SCHEDULE, { input });
      expect(status).toBe(400);
      expect(body.data ?? null).toBeNull();
      expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'invitees' });
      expect(body.errors?.[0]?.message).toMatch(`invitees: 'TEACHER' is not a value of MeetingInviteeRole; use one of ${allowed}`);
    });

    it('in Welsh for a Welsh request', async () => {
      const { body } = await platform.graphql(token, SCHEDULE, { input }, { 'accept-language': 'cy' });
      expect(body.errors?.[0]?.message).toMatch(`invitees: nid yw 'TEACHER' yn werth MeetingInviteeRole; defnyddiwch un o ${allowed}`);
    });

    it('as a literal: the validation failure names the argument', async () => {
      const { status, body } = await platform.graphql(token, '{ learners(first: 1, relationship: NEIGHBOUR) { totalCount } }');
      expect(status).toBe(400);
      expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', field: 'relationship' });
      expect(body.errors?.[0]?.message).toBe("relationship: 'NEIGHBOUR' is not a value of LearnerRelationship; use one of HOME, HOST, CASELOAD, SCHOOL");
    });
  });

  it('says NOT_FOUND for a well-formed id that no child has', async () => {
    const { body } = await platform.graphql(token, '{ learner(id: "W06000015:L999999") { id } }');
    expect(body.data?.learner).toBeNull();
    expect(body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('still serves the next request', async () => {
    const { body } = await platform.graphql(token, '{ me { role authority { code } } }');
    expect(body.data?.me).toEqual({ role: 'VIRTUAL_SCHOOL_HEAD', authority: { code: CARDIFF } });
  });
});
