// Collects every decision about a child's personal data during one request, to be written to the
// audit log in one batch before the answer leaves the authority. Never dropped: if the batch cannot be
// written, the request fails (see the audit plugin in service.ts).
import type { Caller } from '@wales-lac/caller';
import type { AccessReason } from '@wales-lac/policy';
import type { NewAuditRow } from './data/audit.ts';

export type AuditAction = 'read' | 'write';
export type AuditDecision = 'allowed' | 'denied';

/** An access to a child whose record only a reason opens to this caller (decision 0026), with the reason given, if any. */
export interface OutsideCaseload {
  readonly reason: AccessReason | null;
}

interface Entry {
  readonly learnerId: string;
  readonly action: AuditAction;
  readonly decision: AuditDecision;
  readonly classes: Set<string>;
  readonly fields: Set<string>;
  readonly outside: OutsideCaseload | null;
}

export class AccessAudit {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly caller: Caller,
    private readonly operationName: string | null,
  ) {}

  note(learnerId: string, action: AuditAction, decision: AuditDecision, fieldClass: string, field: string, outside: OutsideCaseload | null = null): void {
    const reason = outside?.reason;
    const key = outside ? `${learnerId}|${action}|${decision}|outside|${reason?.purpose ?? ''}|${reason?.note ?? ''}` : `${learnerId}|${action}|${decision}`;
    let entry = this.entries.get(key);
    if (!entry) {
      entry = { learnerId, action, decision, classes: new Set(), fields: new Set(), outside };
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
      outsideCaseload: e.outside !== null,
      reasonPurpose: e.outside?.reason?.purpose ?? null,
      reasonNote: e.outside?.reason?.note ?? null,
    }));
    this.entries.clear();
    return rows;
  }
}
