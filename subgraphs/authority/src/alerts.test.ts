import { describe, expect, it } from 'vitest';
import { addSchoolDays, termStartOf } from '@wales-lac/wales';
import { alertsFor, attendanceWindows, isSdqOfConcern, retryDelayMs, type ChildFacts } from './alerts.ts';
import { mailFor } from './daily-alerts.ts';

const TODAY = '2026-11-18';
const counts = (attended: number, possible: number) => ({ attended, possible, authorised: 0, unauthorised: possible - attended });
const quiet: ChildFacts = {
  learnerId: 'W06000022:L000001',
  home: 'W06000022',
  schoolId: '6801234',
  dateOfBirth: '2014-05-02',
  enteredCareOn: '2024-01-08',
  joinedSchoolOn: '2025-09-01',
  peps: [{ initiatedOn: '2025-09-05', completedOn: '2025-09-30', lastReviewedOn: null, status: 'agreed', nextReviewDue: '2027-01-20' }],
  attendance: { thisTerm: counts(95, 100), lastFourWeeks: counts(38, 40), fourWeeksBefore: counts(39, 40) },
  exclusions: [],
  sdqs: [],
};
const kinds = (child: ChildFacts) => alertsFor(child, TODAY).map((a) => a.kind);
const sdq = { id: 'W06000022:SDQ000001', completedOn: TODAY, informant: 'carer', emotional: 6, conduct: 4, hyperactivity: 4, peer: 3 };

describe('alert rules', () => {
  it('raise nothing for a child whose record is in order', () => expect(kinds(quiet)).toEqual([]));

  it('raise a review due within 10 school days to the social worker and designated teacher, once for that date', () => {
    const due = addSchoolDays(TODAY, 10);
    const [alert] = alertsFor({ ...quiet, peps: [{ ...quiet.peps[0]!, nextReviewDue: due }] }, TODAY);
    expect(alert).toMatchObject({ kind: 'pep-review-due', period: due, effectiveOn: due });
    expect(alert?.recipients).toEqual([
      { recipientKind: 'learner', recipient: quiet.learnerId },
      { recipientKind: 'school', recipient: '6801234' },
    ]);
    expect(kinds({ ...quiet, peps: [{ ...quiet.peps[0]!, nextReviewDue: addSchoolDays(TODAY, 11) }] })).toEqual([]);
  });

  it('raise an overdue review to the education lead as well', () => {
    const [alert] = alertsFor({ ...quiet, peps: [{ ...quiet.peps[0]!, nextReviewDue: '2026-11-17' }] }, TODAY);
    expect(alert?.kind).toBe('pep-review-overdue');
    expect(alert?.recipients.map((r) => r.recipientKind)).toEqual(['learner', 'school', 'authority']);
  });

  it('take a superseded plan’s review for nothing', () => {
    expect(kinds({ ...quiet, peps: [{ ...quiet.peps[0]!, status: 'superseded', nextReviewDue: '2026-11-01' }] })).toEqual([]);
  });

  it('raise a PEP not started in time by Learner.pepStartDue’s rule, to the education lead and social worker', () => {
    const moved = { ...quiet, joinedSchoolOn: '2026-10-01' };
    const [alert] = alertsFor(moved, TODAY);
    expect(alert).toMatchObject({ kind: 'pep-start-overdue', period: addSchoolDays('2026-10-01', 10) });
    expect(alert?.recipients.map((r) => r.recipientKind)).toEqual(['authority', 'learner']);
    // Started since the move, or the plan reviewed since: nothing.
    expect(kinds({ ...moved, peps: [{ initiatedOn: '2026-10-05', completedOn: null, lastReviewedOn: null, status: 'draft', nextReviewDue: null }] })).toEqual(
      [],
    );
    expect(kinds({ ...moved, peps: [{ ...quiet.peps[0]!, lastReviewedOn: '2026-10-08' }] })).toEqual([]);
    // A child under school age, or past Year 11 and on no school roll, is owed no plan.
    expect(kinds({ ...quiet, dateOfBirth: '2023-02-01', schoolId: null, joinedSchoolOn: null, peps: [] })).toEqual([]);
    expect(kinds({ ...quiet, dateOfBirth: '2009-03-01', schoolId: null, joinedSchoolOn: null, peps: [] })).toEqual([]);
    expect(kinds({ ...quiet, dateOfBirth: '2009-03-01', peps: [] })).toEqual(['pep-start-overdue']);
    // Not yet past the due date: nothing.
    expect(kinds({ ...quiet, joinedSchoolOn: TODAY })).toEqual([]);
  });

  it('raise low attendance this term, and a drop of 10 points in four weeks, once a term each', () => {
    const low = alertsFor({ ...quiet, attendance: { ...quiet.attendance, thisTerm: counts(89, 100) } }, TODAY);
    expect(low.map((a) => [a.kind, a.period])).toEqual([['attendance-low', termStartOf(TODAY)]]);
    expect(kinds({ ...quiet, attendance: { ...quiet.attendance, thisTerm: counts(90, 100) } })).toEqual([]);
    expect(kinds({ ...quiet, attendance: { ...quiet.attendance, lastFourWeeks: counts(32, 40), fourWeeksBefore: counts(36, 40) } })).toEqual([
      'attendance-drop',
    ]);
    expect(kinds({ ...quiet, attendance: { ...quiet.attendance, lastFourWeeks: counts(33, 40), fourWeeksBefore: counts(36, 40) } })).toEqual([]);
    // Too few sessions say nothing.
    expect(kinds({ ...quiet, attendance: { thisTerm: counts(2, 8), lastFourWeeks: counts(2, 8), fourWeeksBefore: null } })).toEqual([]);
  });

  it('raise a new exclusion and a new SDQ of concern, each once by its id', () => {
    const alerts = alertsFor(
      {
        ...quiet,
        exclusions: [
          { id: 'W06000022:EX000009', startsOn: TODAY },
          { id: 'W06000022:EX000001', startsOn: '2026-09-02' },
        ],
        sdqs: [sdq],
      },
      TODAY,
    );
    expect(alerts.map((a) => [a.kind, a.period])).toEqual([
      ['exclusion', 'W06000022:EX000009'],
      ['sdq-concern', sdq.id],
    ]);
    expect(alerts[0]?.recipients.map((r) => r.recipientKind)).toEqual(['authority', 'learner']);
    expect(alerts[1]?.recipients.map((r) => r.recipientKind)).toEqual(['learner', 'school']);
  });

  it('leave the designated teacher out for a child on no roll', () => {
    const [alert] = alertsFor({ ...quiet, schoolId: null, sdqs: [sdq] }, TODAY);
    expect(alert?.recipients).toEqual([{ recipientKind: 'learner', recipient: quiet.learnerId }]);
  });

  it('read the SDQ bands by informant', () => {
    expect(isSdqOfConcern({ ...sdq, informant: 'teacher', emotional: 5 })).toBe(true);
    expect(isSdqOfConcern({ ...sdq, informant: 'self', emotional: 5 })).toBe(false);
  });

  it('compare the last four weeks with the four before', () => {
    expect(attendanceWindows('2026-11-18')).toEqual({
      thisTerm: [termStartOf('2026-11-18'), '2026-11-18'],
      lastFourWeeks: ['2026-10-22', '2026-11-18'],
      fourWeeksBefore: ['2026-09-24', '2026-10-21'],
    });
  });
});

describe('email', () => {
  it('backs off 1, 2, 4… minutes up to an hour', () => {
    expect([1, 2, 3, 10].map(retryDelayMs)).toEqual([60_000, 120_000, 240_000, 3_600_000]);
  });

  it.each([
    ['learner', 'A child on your caseload has an alert', 'Mae gan blentyn ar eich llwyth achosion rybudd'],
    ['school', 'A looked-after pupil at your school has an alert', 'Mae gan ddisgybl sy’n derbyn gofal yn eich ysgol rybudd'],
    ['authority', 'A child your authority looks after has an alert', 'Mae gan blentyn y mae eich awdurdod yn gofalu amdano rybudd'],
  ])('to a notification addressed to a %s, says whose child it is, in Welsh and English', (recipientKind, en, cy) => {
    const mail = mailFor(
      { email: 'x@example.invalid', kind: 'pep-review-due', notificationId: 'W06000022:N000001', recipientKind },
      'https://lac.example.invalid/',
    );
    expect(mail.text).toContain(`${en}: `);
    expect(mail.text).toContain(`${cy}: `);
  });

  it('says the kind in Welsh and English and links to the platform, naming no child', () => {
    const mail = mailFor(
      { email: 'sw@example.invalid', kind: 'sdq-concern', notificationId: 'W06000022:N000042', recipientKind: 'learner' },
      'https://lac.example.invalid/',
    );
    expect(mail.to).toBe('sw@example.invalid');
    expect(mail.subject).toContain('SDQ of concern');
    expect(mail.text).toContain('A child on your caseload has an alert: SDQ of concern.');
    expect(mail.text).toContain("Holiadur SDQ sy'n peri pryder");
    expect(mail.text).toContain('https://lac.example.invalid/dashboard/notifications?notification=W06000022%3AN000042');
  });
});
