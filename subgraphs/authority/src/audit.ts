// Collects every decision about a child's personal data during one request, to be written to the
// audit log in one batch before the answer leaves the authority. Never dropped: if the batch cannot be
// written, the request fails (see the audit plugin in service.ts).
import type { Caller } from '@wales-lac/caller';
import type { NewAuditRow } from './data/audit.ts';

export type AuditAction = 'read' | 'write';
export type AuditDecision = 'allowed' | 'denied';

interface Entry {
  readonly learnerId: string;
  readonly action: AuditAction;
  readonly decision: AuditDecision;
  readonly classes: Set<string>;
  readonly fields: Set<string>;
}

export class AccessAudit {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly caller: Caller,
    private readonly operationName: string | null,
  ) {}

  note(learnerId: string, action: AuditAction, decision: AuditDecision, fieldClass: string, field: string): void {
    const key = `${learnerId}|${action}|${decision}`;
    let entry = this.entries.get(key);
    if (!entry) {
      entry = { learnerId, action, decision, classes: new Set(), fields: new Set() };
      this.entries.set(key, entry);
    }
    entry.classes.add(fieldClass);
    entry.fields.add(field);
  }

  /** The rows to write, and forget them (so a flush happens once). */
  drain(): NewAuditRow[] {
    const rows = [...this.entries.values()].map((e) => ({
      actorSubject: this.caller.subject,
      actorRole: this.caller.role,
      actorAuthority: this.caller.authorityCode,
      learnerId: e.learnerId,
      action: e.action,
      decision: e.decision,
      fieldClasses: [...e.classes].sort(),
      fields: [...e.fields].sort(),
      operationName: this.operationName,
    }));
    this.entries.clear();
    return rows;
  }
}
