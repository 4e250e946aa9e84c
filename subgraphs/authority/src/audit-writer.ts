// Group commit of the audit log: the audit batches of requests answered at the same moment are written
// together, in one statement and one transaction, so concurrent requests to an authority do not queue one
// commit at a time on the chain head (migration 0012 serialises writers there). Each request's answer still
// waits until the statement holding its rows has committed, and a failed write fails every request in it.
import type { NewAuditRow } from './data/index.ts';

/** Writes one batch of rows, durably, or throws. */
export type AuditRowsWrite = (rows: readonly NewAuditRow[]) => Promise<void>;

interface Waiting {
  readonly rows: readonly NewAuditRow[];
  readonly done: (error?: unknown) => void;
}

/** Most rows in one statement; more wait for the next. (A page of 500 children is 500 rows.) */
const MAX_ROWS_PER_WRITE = 5_000;

export class AuditWriter {
  private queue: Waiting[] = [];
  private writing = false;

  constructor(private readonly write: AuditRowsWrite) {}

  /** Resolves once these rows are durably in the audit log; rejects if they could not be written. */
  append(rows: readonly NewAuditRow[]): Promise<void> {
    if (rows.length === 0) return Promise.resolve();
    return new Promise((resolve, reject) => {
      this.queue.push({ rows, done: (error) => (error === undefined ? resolve() : reject(error)) });
      if (!this.writing) void this.writeQueued();
    });
  }

  /** While one write is in flight, the batches that arrive wait and go together in the next. */
  private async writeQueued(): Promise<void> {
    this.writing = true;
    while (this.queue.length > 0) {
      const group = this.takeGroup();
      try {
        await this.write(group.flatMap((w) => w.rows));
        for (const w of group) w.done();
      } catch (error) {
        for (const w of group) w.done(error ?? new Error('the audit rows could not be written'));
      }
    }
    this.writing = false;
  }

  private takeGroup(): Waiting[] {
    let rows = 0;
    let count = 0;
    while (count < this.queue.length && (count === 0 || rows + this.queue[count]!.rows.length <= MAX_ROWS_PER_WRITE)) {
      rows += this.queue[count]!.rows.length;
      count += 1;
    }
    return this.queue.splice(0, count);
  }
}
