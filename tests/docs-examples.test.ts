// Every GraphQL example in docs/*.md, run as written through the gateway over HTTP, in the order the docs
// give them (docs/pep.md's PEP cycle is one story: each change takes the version the one before answered).
// The test supplies only who asks and the variables an example declares (EXAMPLES below, keyed by the
// operation's name, or by its first field when it has none); a `# variables: {…JSON…}` comment after an
// operation gives variables as the doc shows them, and those win. An example added to the docs without an
// entry here fails, as does one whose answer has errors (unless its entry names the refusal the doc expects).
import { readdirSync, readFileSync } from 'node:fs';
import { Kind, parse, type OperationDefinitionNode } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schoolDays } from '@wales-lac/wales';
import { authorityDb } from './support/fixtures.ts';
import { childUnderCare, type ChildUnderCare } from './support/child-under-care.ts';
import { startTestPlatform, type GraphQLAnswer, type TestPlatform } from './support/platform.ts';

const CARDIFF = 'W06000015';
const DOCS = new URL('../docs/', import.meta.url);

interface Example {
  readonly file: string;
  readonly key: string;
  readonly document: string;
  readonly shownVariables: Record<string, unknown>;
}

/** The operations of every ```graphql block of docs/*.md, in file and block order. */
function examplesInDocs(): Example[] {
  const examples: Example[] = [];
  for (const file of readdirSync(DOCS)
    .filter((f) => f.endsWith('.md'))
    .sort()) {
    const text = readFileSync(new URL(file, DOCS), 'utf8');
    for (const [, block = ''] of text.matchAll(/```graphql\n([\s\S]*?)```/g)) {
      const operations = parse(block).definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
      operations.forEach((operation, i) => {
        const end = operations[i + 1]?.loc?.start ?? block.length;
        const trailing = block.slice(operation.loc?.end, end);
        examples.push({
          file,
          key: keyOf(operation),
          document: block.slice(operation.loc?.start, operation.loc?.end),
          shownVariables: variablesShownIn(trailing),
        });
      });
    }
  }
  return examples;
}

function keyOf(operation: OperationDefinitionNode): string {
  const first = operation.selectionSet.selections[0];
  return operation.name?.value ?? (first?.kind === Kind.FIELD ? first.name.value : '(no field)');
}

function variablesShownIn(comments: string): Record<string, unknown> {
  const line = /^#\s*variables:\s*(.+)$/m.exec(comments)?.[1];
  return line ? (JSON.parse(line) as Record<string, unknown>) : {};
}

type Caller = 'analyst' | 'lead' | 'teacher' | 'learner' | 'socialWorker';

/** What the examples learn from the seeded data and from each other's answers. */
interface State {
  child: ChildUnderCare;
  eotasLearner: string;
  registerDay: string;
  pep: string;
  version: number;
  target: string;
  notification: string;
  meeting: string;
  meetingVersion: number;
}

interface Run {
  readonly as: Caller;
  readonly variables?: (s: State) => Record<string, unknown>;
  /** The error code the doc says this example is refused with. */
  readonly refused?: string;
  readonly after?: (data: Record<string, any>, s: State) => void;
}

let key = 0;
const nextKey = () => `docs-example-${Date.now()}-${++key}`;
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const pepChange = (s: State) => ({ pep: s.pep, version: s.version, key: nextKey() });
/** A PEP change answers `{ applied pep { version … } }`: later changes are based on that version. */
const keepVersion = (data: Record<string, any>, s: State) => {
  const version: unknown = Object.values(data)[0]?.pep?.version;
  if (typeof version === 'number') s.version = version;
};

const EXAMPLES: Record<string, Run> = {
  // docs/api.md
  benchmarks: { as: 'analyst' },
  benchmarkTrend: { as: 'analyst' },
  RecordEotas: { as: 'lead', variables: (s) => ({ learner: s.eotasLearner, key: nextKey() }) },
  // docs/documents.md: the home education lead lists a child's documents
  LearnerDocuments: { as: 'lead', variables: (s) => ({ id: s.child.learnerId }) },
  // docs/entitlements.md
  me: { as: 'teacher', variables: (s) => ({ id: s.child.learnerId }) },
  accessHistory: { as: 'lead', variables: (s) => ({ id: s.child.learnerId }) },
  // A Cardiff social worker with no caseload: the child is read through the home grant, with the reason.
  learner: { as: 'socialWorker', variables: (s) => ({ id: s.child.learnerId }) },
  // docs/pep.md: the cycle, by the people the table of the cycle names
  StartPep: {
    as: 'lead',
    variables: (s) => ({ learner: s.child.learnerId, key: nextKey() }),
    after: (data, s) => {
      s.pep = data.startPep.pep.id;
      keepVersion(data, s);
    },
  },
  WriteSchoolPicture: { as: 'teacher', variables: pepChange, after: keepVersion },
  AddTarget: {
    as: 'teacher',
    variables: (s) => ({ ...pepChange(s), dueOn: inDays(120) }),
    after: (data, s) => {
      keepVersion(data, s);
      expect(data.addPepTarget.pep.targets).toContainEqual(expect.objectContaining({ ownerRole: 'DESIGNATED_TEACHER' }));
      // Target ids are numbered in order: the one just added is the last.
      s.target =
        (data.addPepTarget.pep.targets as { id: string }[])
          .map((t) => t.id)
          .sort()
          .at(-1) ?? '';
    },
  },
  AllAboutMe: { as: 'learner', variables: pepChange, after: keepVersion },
  SignOff: {
    as: 'lead',
    variables: pepChange,
    after: (data, s) => {
      // The first of the required sign-offs: written, awaiting the others (the doc's cycle table).
      expect(data.signOffPep.pep.status).toBe('IN_REVIEW');
      keepVersion(data, s);
    },
  },
  RateQuality: { as: 'lead', variables: pepChange, after: keepVersion },
  Progress: { as: 'teacher', variables: (s) => ({ target: s.target, version: s.version, key: nextKey() }), after: keepVersion },
  CurrentPep: { as: 'lead', variables: (s) => ({ id: s.child.learnerId }) },
  // The school of the PEP child receives a Cardiff child moved there in beforeAll.
  Notifications: {
    as: 'teacher',
    after: (data, s) => {
      expect(data.notifications.totalCount).toBeGreaterThan(0);
      s.notification = data.notifications.edges[0]?.node.id ?? '';
    },
  },
  MarkRead: { as: 'teacher', variables: (s) => ({ notification: s.notification, key: `docs-mark-read-${s.notification}` }) },
  // docs/pep.md, review meetings: the lead arranges one for today on the plan of the cycle; the child's school answers and records the minutes.
  ScheduleMeeting: {
    as: 'lead',
    variables: (s) => ({ pep: s.pep, date: inDays(0), key: nextKey() }),
    after: (data, s) => {
      s.meeting = data.schedulePepMeeting.meeting.id;
      s.meetingVersion = data.schedulePepMeeting.meeting.version;
    },
  },
  MeetingInvitations: {
    as: 'teacher',
    after: (data, s) => expect(data.notifications.edges.map((e: { node: { meeting: { id: string } | null } }) => e.node.meeting?.id)).toContain(s.meeting),
  },
  AnswerMeeting: { as: 'teacher', variables: (s) => ({ meeting: s.meeting, key: nextKey() }) },
  MoveMeeting: {
    as: 'lead',
    variables: (s) => ({ meeting: s.meeting, version: s.meetingVersion, date: inDays(0), key: nextKey() }),
    after: (data, s) => {
      s.meetingVersion = data.reschedulePepMeeting.meeting.version;
    },
  },
  MeetingMinutes: {
    as: 'teacher',
    variables: (s) => ({ meeting: s.meeting, version: s.meetingVersion, key: nextKey() }),
    after: (data, s) => {
      const plan = data.recordPepMeetingMinutes.meeting.minutesRecordedIn;
      expect(plan.id).toBe(s.pep);
      s.version = plan.version;
    },
  },
  RecordAttendance: {
    as: 'teacher',
    variables: (s) => ({
      input: { school: s.child.schoolId, date: s.registerDay, marks: [{ learner: s.child.learnerId, am: '/', pm: '/' }], idempotencyKey: nextKey() },
    }),
  },
};

const examples = examplesInDocs();
let platform: TestPlatform;
const tokens = {} as Record<Caller, string>;
const state = {} as State;

/** The last school day up to today on which the child was on the roll of their current school. */
async function lastDayOnRoll(child: ChildUnderCare): Promise<string> {
  const [enrolment] = await authorityDb(platform, child.home)<{ started_on: string }[]>`
    select started_on::text from enrolments where learner_id = ${child.learnerId} and school_id = ${child.schoolId} and ended_on is null`;
  const day = schoolDays(enrolment?.started_on ?? inDays(-60), inDays(0)).at(-1);
  if (!day) throw new Error(`${child.learnerId} has had no school day at ${child.schoolId} yet`);
  return day;
}

/** A child the EOTAS example can give home tuition from 2025-01-06: born before it, with none already. */
async function childWithoutHomeTuition(not: string): Promise<string> {
  const [row] = await authorityDb(platform, CARDIFF)<{ id: string }[]>`
    select l.id from learners l where l.id <> ${not} and l.date_of_birth < '2025-01-06'
       and not exists (select 1 from education_other_than_at_school e where e.learner_id = l.id and e.kind = 'home-tuition')
     order by l.id limit 1`;
  if (!row) throw new Error('Cardiff has no child without home tuition in the test data');
  return row.id;
}

/** Moves another Cardiff child to the PEP child's school (in the host authority), which notifies that school. */
async function moveAnotherChildTo(child: ChildUnderCare): Promise<void> {
  const [mover] = await authorityDb(platform, CARDIFF)<{ learner_id: string }[]>`
    select learner_id from enrolments where ended_on is null and learner_id <> ${child.learnerId} and school_id <> ${child.schoolId} order by learner_id limit 1`;
  const move = await platform.graphql(tokens.lead, 'mutation($input: RecordSchoolMoveInput!) { recordSchoolMove(input: $input) { applied } }', {
    input: { learner: mover?.learner_id, school: child.schoolId, startsOn: inDays(0), idempotencyKey: nextKey() },
  });
  if (move.body.errors) throw new Error(`the school move behind the Notifications example failed: ${JSON.stringify(move.body.errors)}`);
}

beforeAll(async () => {
  platform = await startTestPlatform({ env: { SEED_SCALE: '0.1' } });
  state.child = await childUnderCare(platform, CARDIFF, ['agreed']);
  const { child } = state;
  tokens.analyst = await platform.token({ sub: 'analyst-docs', role: 'national-analyst' });
  tokens.lead = await platform.token({ sub: 'vsh-cardiff-docs', role: 'virtual-school-head', authority: CARDIFF });
  tokens.teacher = await platform.token({ sub: `dt-${child.schoolId}`, role: 'designated-teacher', authority: child.host, school: child.schoolId });
  tokens.learner = await platform.token({ sub: 'learner-docs', role: 'learner', learner: child.learnerId });
  tokens.socialWorker = await platform.token({ sub: 'sw-cardiff-docs', role: 'social-worker', authority: CARDIFF });
  await moveAnotherChildTo(child);
  state.eotasLearner = await childWithoutHomeTuition(child.learnerId);
  state.registerDay = await lastDayOnRoll(child);
});
afterAll(async () => platform?.stop());

describe('the examples in docs/', () => {
  it('are found, each with a name or first field of its own', () => {
    expect(examples.map((e) => e.file)).toEqual(expect.arrayContaining(['api.md', 'entitlements.md', 'pep.md']));
    const keys = examples.map((e) => e.key);
    expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([]);
  });

  it('each have an entry in this test, and every entry an example', () => {
    expect(examples.filter((e) => !(e.key in EXAMPLES)).map((e) => `${e.file}: ${e.key}`)).toEqual([]);
    expect(Object.keys(EXAMPLES).filter((k) => !examples.some((e) => e.key === k))).toEqual([]);
  });

  // One after another: the PEP cycle's examples build on each other's answers.
  for (const example of examples) {
    it(`${example.file}: ${example.key} answers as the doc says`, async () => {
      const run = EXAMPLES[example.key];
      if (!run)
        throw new Error(
          `${example.file} has an example ${example.key} with no entry in EXAMPLES (tests/docs-examples.test.ts): say who runs it and with what variables`,
        );
      const variables = { ...run.variables?.(state), ...example.shownVariables };
      const answer: GraphQLAnswer = await platform.graphql(tokens[run.as], example.document, variables);
      if (run.refused) {
        expect(answer.body.errors?.map((e) => e.extensions?.code)).toContain(run.refused);
        return;
      }
      expect(answer.body.errors, JSON.stringify(answer.body.errors)).toBeUndefined();
      expect(answer.status).toBe(200);
      expect(answer.body.data).toBeTruthy();
      run.after?.(answer.body.data ?? {}, state);
    });
  }
});
