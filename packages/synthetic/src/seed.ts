// Loads a generated dataset into empty databases: one transaction each, in foreign-key order.
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { authoritySchema, nationalSchema, type AuthorityDatabase, type Connection, type NationalDatabase } from '@wales-lac/db';
import type { AttendanceDayRow, AuthorityDataset, NationalDataset } from './types.ts';

/** The postgres.js client of a connection (the `sql` of connectAuthorityDatabase), i.e. `import('postgres').Sql`. */
export type SqlClient = Connection<AuthorityDatabase>['sql'];

/** Rows per insert statement: well under PostgreSQL's 65,535 bind parameters. */
export const SEED_CHUNK_SIZE = 1000;

async function inChunks<T>(rows: readonly T[], insert: (chunk: T[]) => PromiseLike<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += SEED_CHUNK_SIZE) await insert(rows.slice(i, i + SEED_CHUNK_SIZE));
}

export async function seedNationalDatabase(db: NationalDatabase, data: NationalDataset): Promise<void> {
  const { regions, authorities, regionMemberships, schools } = nationalSchema;
  await db.transaction(async (tx) => {
    await inChunks(data.regions, (chunk) => tx.insert(regions).values(chunk));
    await inChunks(data.authorities, (chunk) => tx.insert(authorities).values(chunk));
    await inChunks(data.regionMemberships, (chunk) => tx.insert(regionMemberships).values(chunk));
    await inChunks(data.schools, (chunk) => tx.insert(schools).values(chunk));
  });
}

export async function seedAuthorityDatabase(db: AuthorityDatabase, data: AuthorityDataset): Promise<void> {
  const s = authoritySchema;
  await db.transaction(async (tx) => {
    // Learners first, then what refers to them; PEP sections, sign-offs and ratings after the PEPs.
    await inChunks(data.learners, (chunk) => tx.insert(s.learners).values(chunk));
    await inChunks(data.careEpisodes, (chunk) => tx.insert(s.careEpisodes).values(chunk));
    await inChunks(data.placements, (chunk) => tx.insert(s.placements).values(chunk));
    await inChunks(data.enrolments, (chunk) => tx.insert(s.enrolments).values(chunk));
    await inChunks(data.peps, (chunk) => tx.insert(s.peps).values(chunk));
    await inChunks(data.pepTargets, (chunk) => tx.insert(s.pepTargets).values(chunk));
    await inChunks(data.pepSections, (chunk) => tx.insert(s.pepSections).values(chunk));
    await inChunks(data.pepSignOffs, (chunk) => tx.insert(s.pepSignOffs).values(chunk));
    await inChunks(data.pepQualityRatings, (chunk) => tx.insert(s.pepQualityRatings).values(chunk));
    await inChunks(data.staffAllocations, (chunk) => tx.insert(s.staffAllocations).values(chunk));
    await inChunks(data.exclusions, (chunk) => tx.insert(s.exclusions).values(chunk));
    await inChunks(data.reducedTimetables, (chunk) => tx.insert(s.reducedTimetables).values(chunk));
    await inChunks(data.educationOtherThanAtSchool, (chunk) => tx.insert(s.educationOtherThanAtSchool).values(chunk));
    await inChunks(data.sdqAssessments, (chunk) => tx.insert(s.sdqAssessments).values(chunk));
    await inChunks(data.interventions, (chunk) => tx.insert(s.interventions).values(chunk));
    await inChunks(data.additionalLearningNeeds, (chunk) => tx.insert(s.additionalLearningNeeds).values(chunk));
    await inChunks(data.destinations, (chunk) => tx.insert(s.destinations).values(chunk));
    await inChunks(data.notifications, (chunk) => tx.insert(s.notifications).values(chunk));
  });
}

/** Rows per chunk of COPY text written to the server. */
const COPY_CHUNK_ROWS = 10_000;

/** A value in PostgreSQL's COPY text format: backslash, tab, newline and carriage return escaped. */
function copyText(value: string): string {
  return /[\\\t\n\r]/.test(value) ? value.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r') : value;
}

function* copyLines(rows: readonly AttendanceDayRow[]): Generator<string> {
  for (let i = 0; i < rows.length; i += COPY_CHUNK_ROWS) {
    let chunk = '';
    const end = Math.min(rows.length, i + COPY_CHUNK_ROWS);
    for (let k = i; k < end; k += 1) {
      const r = rows[k] as AttendanceDayRow;
      chunk += `${copyText(r.learnerId)}\t${copyText(r.date)}\t${copyText(r.schoolId)}\t${copyText(r.am)}\t${copyText(r.pm)}\n`;
    }
    yield chunk;
  }
}

/**
 * Loads attendance with one COPY (far faster than inserts): call after seedAuthorityDatabase, since
 * every row refers to a learner. Pass the `sql` of the same connection. recorded_at takes its default.
 */
export async function seedAttendance(sql: SqlClient, rows: readonly AttendanceDayRow[]): Promise<void> {
  if (rows.length === 0) return;
  const writable = await sql`copy attendance_days (learner_id, date, school_id, am, pm) from stdin`.writable();
  await pipeline(Readable.from(copyLines(rows)), writable);
}
