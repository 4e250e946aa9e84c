// What every change to a child's record shares: the record must be this authority's, the caller must
// hold the write grant (a refusal is audited), input is checked before anything is touched, and the
// change is applied once per idempotency key in one transaction with its audit row.
import { createHash } from 'node:crypto';
import { WORDS, message, platformError, type MessageName, type Param, type ParamsOf, type Text } from '@wales-lac/errors';
import type { Access, FieldClass } from '@wales-lac/policy';
import { isSchoolDay, owningAuthority } from '@wales-lac/wales';
import type { AuthorityContext } from './context.ts';
import { appendAuditRows, appliedWrite, applyOnce, type LearnerRow, type NewAuditRow, type Transaction } from './data/index.ts';
import { dateProblem, idempotencyKeyProblem } from './validation.ts';
import { knowsRegister } from './existence.ts';
import { isStandIn, learnerStandIn } from './nobodys-record.ts';

export interface ChangeSpec {
  /** The mutation's name. */
  readonly operation: string;
  readonly learnerId: string;
  readonly fieldClasses: readonly FieldClass[];
  /** Fields written (Type.field), for the audit log. */
  readonly fields: readonly string[];
}

type InputMessage = MessageName<'BAD_USER_INPUT'>;

/** BAD_USER_INPUT naming the field, with a registered message that begins with it ('{field}: …'). */
export function badInput<N extends InputMessage>(field: string, name: N, params: Omit<ParamsOf<'BAD_USER_INPUT', N>, 'field'>): never {
  const text: Text = { code: 'BAD_USER_INPUT', name, params: { ...params, field } };
  throw platformError(text, { field });
}

/** Throws BAD_USER_INPUT naming the field when there is a problem. */
export function check(field: string, problem: Text | null | false | undefined): void {
  if (problem) throw platformError(problem, { field });
}

function auditRow(ctx: AuthorityContext, spec: ChangeSpec, decision: 'allowed' | 'denied'): NewAuditRow {
  return {
    actorSubject: ctx.caller.subject,
    actorRole: ctx.caller.role,
    actorAuthority: ctx.caller.authorityCode,
    learnerId: spec.learnerId,
    action: 'write',
    decision,
    fieldClasses: [...spec.fieldClasses],
    fields: [...spec.fields],
    operationName: spec.operation,
  };
}

/** The id must name a record of this authority; otherwise BAD_USER_INPUT or NOT_FOUND naming the field. */
export function ownRecordId(ctx: AuthorityContext, id: string, field: string, what: Param): string {
  const owner = owningAuthority(id);
  if (owner === null) badInput(field, 'notARecordId', { id, what });
  if (owner !== ctx.authorityCode) throw platformError(message('NOT_FOUND', 'notHeld', { what, id, authority: ctx.authorityCode }), { field });
  return id;
}

/**
 * The learner a change is about, held by this authority. An id that is nobody's is NOT_FOUND only to a caller
 * who can list the register; to anyone else it is a stand-in, refused as a stranger's child (nobodys-record.ts).
 */
export async function learnerToChange(ctx: AuthorityContext, id: string, field = 'learner'): Promise<LearnerRow> {
  ownRecordId(ctx, id, field, WORDS.learner);
  const found = await ctx.loaders.learner.load(id);
  if (found) return found.row;
  if (knowsRegister(ctx.caller, ctx.authorityCode, false)) throw platformError(message('NOT_FOUND', 'noLearner', { id, authority: ctx.authorityCode }), { field });
  return learnerStandIn(ctx, id);
}

/**
 * The caller's access, when they may make this change: the matrix's write grant for every class and
 * any further rule (`refusal`). A refusal is written to the audit log and answered FORBIDDEN.
 */
export async function requireWrite(ctx: AuthorityContext, spec: ChangeSpec, refusal: (access: Access) => Text | null = () => null, field?: string): Promise<Access> {
  const access = await ctx.access.load(spec.learnerId);
  const standIn = isStandIn(ctx, spec.learnerId);
  const missing = spec.fieldClasses.find((c) => standIn || !access.write.has(c));
  const reason = missing ? message('FORBIDDEN', 'mayNotWriteClass', { role: ctx.caller.role, fieldClass: missing }) : refusal(access);
  if (reason) {
    await appendAuditRows(ctx.db, [auditRow(ctx, spec, 'denied')]);
    throw platformError(message('FORBIDDEN', 'writeRefused', { operation: spec.operation, reason }), field ? { field } : undefined);
  }
  return access;
}

/** A change's input with its key. */
export interface KeyedInput {
  readonly idempotencyKey: string;
}

/** A hash of what a change asks for (its input without the key, keys sorted), to tell a retry from a reuse. */
export function fingerprintOf(operation: string, input: KeyedInput): string {
  const canonical = (value: unknown): unknown =>
    Array.isArray(value)
      ? value.map(canonical)
      : value && typeof value === 'object'
        ? Object.fromEntries(Object.entries(value).filter(([k, v]) => k !== 'idempotencyKey' && v !== undefined).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, canonical(v)]))
        : value;
  return createHash('sha256').update(JSON.stringify([operation, canonical(input)])).digest('hex');
}

/** Applies the change once per key with its audit row; a key reused for another change is refused. */
export async function applyChange<R>(ctx: AuthorityContext, spec: ChangeSpec, input: KeyedInput, change: (tx: Transaction) => Promise<R>): Promise<{ result: R; applied: boolean }> {
  const request = { idempotencyKey: input.idempotencyKey, actorSubject: ctx.caller.subject, operation: spec.operation, fingerprint: fingerprintOf(spec.operation, input), audit: auditRow(ctx, spec, 'allowed') };
  const outcome = await applyOnce(ctx.db, request, change);
  if (outcome.kind === 'key-reused') badInput('idempotencyKey', 'keyReused', {});
  return { result: outcome.result, applied: outcome.kind === 'applied' };
}

/**
 * The result of this change if it was already applied under this key: a retry gets the first answer
 * before any check against the record as the first change left it (a move cannot be refused as stale
 * because it already happened).
 */
export async function earlierResult<R>(ctx: AuthorityContext, operation: string, input: KeyedInput): Promise<R | null> {
  const prior = await appliedWrite(ctx.db, input.idempotencyKey);
  if (!prior) return null;
  const same = prior.actorSubject === ctx.caller.subject && prior.operation === operation && prior.result.fingerprint === fingerprintOf(operation, input);
  if (!same) badInput('idempotencyKey', 'keyReused', {});
  return prior.result.result as R;
}

export function checkIdempotencyKey(key: string): void {
  check('idempotencyKey', idempotencyKeyProblem('idempotencyKey', key));
}

export interface DateRules {
  /** No later than today. */
  readonly notFuture?: boolean;
  /** No earlier than this date (e.g. the child's birth), with what it is. */
  readonly notBefore?: { readonly date: string; readonly what: Param };
  readonly notAfter?: { readonly date: string; readonly what: Param };
  readonly schoolDay?: boolean;
}

/** A date checked against the rules that apply to it; BAD_USER_INPUT naming the field otherwise. */
export function checkDate(ctx: AuthorityContext, field: string, value: string, rules: DateRules): string {
  check(field, dateProblem(field, value));
  if (rules.notFuture && value > ctx.today) badInput(field, 'inTheFuture', { value, today: ctx.today });
  if (rules.notBefore && value < rules.notBefore.date) badInput(field, 'beforeDate', { value, ...rules.notBefore });
  if (rules.notAfter && value > rules.notAfter.date) badInput(field, 'afterDate', { value, ...rules.notAfter });
  if (rules.schoolDay && !isSchoolDay(value)) badInput(field, 'notASchoolDay', { value });
  return value;
}

/** Free text of bounded length, trimmed. */
export function checkText(field: string, value: string, max: number): string {
  const text = value.trim();
  if (text.length === 0) badInput(field, 'empty', {});
  if (text.length > max) badInput(field, 'tooLong', { max, length: text.length });
  return text;
}

export function checkWhole(field: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) badInput(field, 'wholeNumber', { min, max, value });
  return value;
}
