// What every change to a child's record shares: the record must be this authority's, the caller must
// hold the write grant (a refusal is audited), input is checked before anything is touched, and the
// change is applied once per idempotency key in one transaction with its audit row. A change is declared
// as data and small functions (`Change`) and run by `runChange`, which keeps the privacy-safe order
// (decision 0032): what the change is about is loaded hiding whether it exists, the key is checked, a
// retry gets its first answer, the input is checked on its own, then the caller's right (a refusal is
// audited), and only then the record, so a refused caller learns nothing from the error.
import { createHash } from 'node:crypto';
import { WORDS, message, platformError, type MessageName, type Param, type ParamsOf, type Text } from '@wales-lac/errors';
import { classesWritten, type Access, type FieldClass, type WritingMutation } from '@wales-lac/policy';
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

/** The one place a change's audit row is built: one per child the change concerns. */
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
  if (knowsRegister(ctx.caller, ctx.authorityCode, false))
    throw platformError(message('NOT_FOUND', 'noLearner', { id, authority: ctx.authorityCode }), { field });
  return learnerStandIn(ctx, id);
}

/**
 * The caller's access, when they may make this change: the matrix's write grant for every class and
 * any further rule (`refusal`). A refusal is written to the audit log and answered FORBIDDEN.
 */
export async function requireWrite(
  ctx: AuthorityContext,
  spec: ChangeSpec,
  refusal: (access: Access) => Text | null = () => null,
  field?: string,
): Promise<Access> {
  const access = await ctx.access.load(spec.learnerId);
  const reason = grantRefusal(ctx, spec, access) ?? refusal(access);
  if (reason) await refuseWrites(ctx, [{ spec, reason, index: 0 }], refusedWrite(spec.operation, field));
  return access;
}

/** Refused unless the caller holds the matrix's write grant for every class; a stand-in always is. */
function grantRefusal(ctx: AuthorityContext, spec: ChangeSpec, access: Access): Text | null {
  const standIn = isStandIn(ctx, spec.learnerId);
  const missing = spec.fieldClasses.find((c) => standIn || !access.write.has(c));
  return missing ? message('FORBIDDEN', 'mayNotWriteClass', { role: ctx.caller.role, fieldClass: missing }) : null;
}

/** A refusal of the change for one child it concerns (its position among them, for a register's rows). */
export interface Refusal {
  readonly index: number;
  readonly learnerId: string;
  readonly reason: Text;
}

/** The answer to a change refused for one child: FORBIDDEN, naming the change and why. */
const refusedWrite =
  (operation: string, field?: string) =>
  (refusals: readonly Refusal[]): never => {
    throw platformError(message('FORBIDDEN', 'writeRefused', { operation, reason: refusals[0]?.reason ?? '' }), field ? { field } : undefined);
  };

/** Writes a denied row for each refused child, then refuses the change. */
async function refuseWrites(
  ctx: AuthorityContext,
  refused: readonly { spec: ChangeSpec; reason: Text; index: number }[],
  refuse: (refusals: readonly Refusal[]) => never,
): Promise<never> {
  await appendAuditRows(
    ctx.db,
    refused.map((r) => auditRow(ctx, r.spec, 'denied')),
  );
  return refuse(refused.map((r) => ({ index: r.index, learnerId: r.spec.learnerId, reason: r.reason })));
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
        ? Object.fromEntries(
            Object.entries(value)
              .filter(([k, v]) => k !== 'idempotencyKey' && v !== undefined)
              .sort(([a], [b]) => a.localeCompare(b))
              .map(([k, v]) => [k, canonical(v)]),
          )
        : value;
  return createHash('sha256')
    .update(JSON.stringify([operation, canonical(input)]))
    .digest('hex');
}

/** Applies the change once per key with its audit row; a key reused for another change is refused. */
export async function applyChange<R>(ctx: AuthorityContext, spec: ChangeSpec, input: KeyedInput, change: (tx: Transaction) => Promise<R>): Promise<Outcome<R>> {
  return applyAudited(ctx, spec.operation, [spec], input, change);
}

/** What a change answered: its result, and whether this request applied it (false for a retry). */
export interface Outcome<R> {
  readonly result: R;
  readonly applied: boolean;
}

/** Applies once per key with an allowed row for each child the change concerns (one `spec` each); `asked` is what it asked for. */
async function applyAudited<R>(
  ctx: AuthorityContext,
  operation: string,
  specs: readonly ChangeSpec[],
  asked: KeyedInput,
  change: (tx: Transaction) => Promise<R>,
): Promise<Outcome<R>> {
  const request = {
    idempotencyKey: asked.idempotencyKey,
    actorSubject: ctx.caller.subject,
    operation,
    fingerprint: fingerprintOf(operation, asked),
    audit: specs.map((spec) => auditRow(ctx, spec, 'allowed')),
  };
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

/** What each step of a change sees: the request, the input and what the change is about. */
export interface ChangeStep<I, S> {
  readonly ctx: AuthorityContext;
  readonly input: I;
  /** What the change is about (a learner, a plan, a target, a register), loaded by `Change.subject`. */
  readonly subject: S;
}

/** A step once the input is checked (`checked`: what `checkInput` made of it). */
export interface CheckedStep<I, S, C> extends ChangeStep<I, S> {
  readonly checked: C;
}

/** A step once the caller may make the change: their access to the (first) child it concerns. */
export interface AllowedStep<I, S, C> extends CheckedStep<I, S, C> {
  readonly access: Access;
}

/** A step ready to apply: `record` is what `checkRecord` found. */
export interface ApplyStep<I, S, C, K> extends AllowedStep<I, S, C> {
  readonly record: K;
}

type Maybe<T> = T | Promise<T>;

/**
 * A change, declared: what it is about, its checks and what it writes. `runChange` runs the steps in
 * this order, whatever the change: `subject`, the key, a retry's first answer (`retry: 'first'`),
 * `checkInput`, the right (`right`, or the write grant of every class then `extraRefusal`; a refusal is
 * audited per child and answered by `refuse`), `checkRecord`, `preview`, `apply` with the audit rows, `payload`.
 */
export interface Change<I extends KeyedInput, S, C, K, R, P> {
  /** The mutation's name (MUTATION_WRITES), for the audit log and the idempotency key. */
  readonly operation: WritingMutation;
  /** What the change is about, loaded so that a stranger cannot tell whether it exists (`learnerToChange`). */
  readonly subject: (input: I, ctx: AuthorityContext) => Maybe<S>;
  /** The children the change writes for: the right is checked, and an audit row written, for each. */
  readonly learnersOf: (step: ChangeStep<I, S>) => readonly string[];
  /**
   * When a retry gets the first answer: 'first', before any check (a move cannot be refused as stale
   * because it already happened); 'applying', when applied, after the checks (the plan's changes).
   */
  readonly retry: 'first' | 'applying';
  /** Checks of the input alone (no lookups about the child); what it returns is `checked`. */
  readonly checkInput?: (step: ChangeStep<I, S>) => Maybe<C>;
  /** The field classes written, when the input picks one (`classesWritten`); by default all MUTATION_WRITES declares. */
  readonly classes?: (input: I, ctx: AuthorityContext) => readonly FieldClass[];
  /** Fields written (Type.field), for the audit log. */
  readonly fields: readonly string[] | ((input: I) => readonly string[]);
  /** A further rule after the write grant of every class (e.g. a designated teacher's own school only). */
  readonly extraRefusal?: (access: Access, step: CheckedStep<I, S, C>) => Maybe<Text | null>;
  /** The whole rule for one child, instead of the write grant and `extraRefusal` (a register's row). */
  readonly right?: (access: Access, step: CheckedStep<I, S, C>, learnerId: string) => Maybe<Text | null>;
  /** The argument a refusal names (`extensions.field`), for the default answer; none by default. */
  readonly refusalField?: string;
  /** The answer to a refusal; by default FORBIDDEN `writeRefused` with the first child's reason. */
  readonly refuse?: (refusals: readonly Refusal[], step: CheckedStep<I, S, C>) => never;
  /** Checks against the record, only once the caller may make the change; what it returns is `record`. */
  readonly checkRecord?: (step: AllowedStep<I, S, C>) => Maybe<K>;
  /** A result answered without applying (a register's validation); null to apply. */
  readonly preview?: (step: AllowedStep<I, S, C>) => R | null;
  /** What the change asks for, as its fingerprint tells a retry from a reuse of the key; by default the input. */
  readonly asked?: (input: I) => KeyedInput;
  /** The change itself, in the transaction with its audit rows; throwing rolls it back. */
  readonly apply: (tx: Transaction, step: ApplyStep<I, S, C, K>) => Promise<R>;
  /** The answer, from the result (read afresh: clear the loaders the change made stale). */
  readonly payload: (step: ChangeStep<I, S>, outcome: Outcome<R>) => Promise<P>;
}

/** Runs a declared change in the one privacy-safe order (see `Change`). */
export async function runChange<I extends KeyedInput, S, C, K, R, P>(change: Change<I, S, C, K, R, P>, input: I, ctx: AuthorityContext): Promise<P> {
  const step: ChangeStep<I, S> = { ctx, input, subject: await change.subject(input, ctx) };
  checkIdempotencyKey(input.idempotencyKey);
  const asked = change.asked?.(input) ?? input;
  if (change.retry === 'first') {
    const earlier = await earlierResult<R>(ctx, change.operation, asked);
    if (earlier !== null) return change.payload(step, { result: earlier, applied: false });
  }
  const checked: CheckedStep<I, S, C> = { ...step, checked: change.checkInput ? await change.checkInput(step) : (undefined as C) };
  const specs = change.learnersOf(step).map((learnerId): ChangeSpec => ({
    operation: change.operation,
    learnerId,
    fieldClasses: change.classes?.(input, ctx) ?? classesWritten(change.operation),
    fields: typeof change.fields === 'function' ? change.fields(input) : change.fields,
  }));
  const allowed: AllowedStep<I, S, C> = { ...checked, access: await mayChange(change, checked, specs) };
  const record: ApplyStep<I, S, C, K> = { ...allowed, record: change.checkRecord ? await change.checkRecord(allowed) : (undefined as K) };
  const preview = change.preview?.(allowed) ?? null;
  const outcome =
    preview !== null ? { result: preview, applied: false } : await applyAudited(ctx, change.operation, specs, asked, (tx) => change.apply(tx, record));
  return change.payload(step, outcome);
}

/** The caller's access to the first child, when they may make the change for every child; else refused (audited). */
async function mayChange<I extends KeyedInput, S, C>(
  change: Pick<Change<I, S, C, unknown, unknown, unknown>, 'operation' | 'right' | 'extraRefusal' | 'refuse' | 'refusalField'>,
  step: CheckedStep<I, S, C>,
  specs: readonly ChangeSpec[],
): Promise<Access> {
  const { ctx } = step;
  const accesses: Access[] = [];
  const refused: { spec: ChangeSpec; reason: Text; index: number }[] = [];
  for (const [index, spec] of specs.entries()) {
    const access = await ctx.access.load(spec.learnerId);
    accesses.push(access);
    const reason = change.right
      ? await change.right(access, step, spec.learnerId)
      : (grantRefusal(ctx, spec, access) ?? (await change.extraRefusal?.(access, step)) ?? null);
    if (reason) refused.push({ spec, reason, index });
  }
  if (refused.length > 0)
    await refuseWrites(ctx, refused, (refusals) =>
      change.refuse ? change.refuse(refusals, step) : refusedWrite(change.operation, change.refusalField)(refusals),
    );
  const [first] = accesses;
  if (!first) throw new Error(`${change.operation}: a change concerns at least one child`);
  return first;
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
