// Each person's choice, per notification kind, of the feed only or the feed and email (decision 0029).
// Stored by subject in every authority's database (the gateway sends the change to each), since any
// authority may raise an alert for them; read back from the one the gateway asks.
import { NOTIFICATION_KINDS } from '@wales-lac/db';
import type { AuthorityContext } from './context.ts';
import { badInput, checkIdempotencyKey, fingerprintOf } from './change.ts';
import { applyOnce, preferencesOf, setPreferences } from './data/index.ts';

export interface NotificationPreference {
  readonly kind: string;
  readonly delivery: string;
}

export interface SetNotificationPreferencesInput {
  readonly choices: readonly NotificationPreference[];
  readonly idempotencyKey: string;
}

export const MAX_CHOICES = 20;
const OPERATION = 'setNotificationPreferences';

/** Every kind with the caller's choice, the feed only where they made none. */
export async function notificationPreferencesOf(ctx: AuthorityContext): Promise<NotificationPreference[]> {
  const chosen = await preferencesOf(ctx.db, ctx.caller.subject);
  return NOTIFICATION_KINDS.map((kind) => ({ kind, delivery: chosen.get(kind) ?? 'feed' }));
}

/** Checks every choice before anything is written; applied once per key (the change names no child, so no audit row: applied_writes records who and when). */
export async function setNotificationPreferences(input: SetNotificationPreferencesInput, ctx: AuthorityContext): Promise<NotificationPreference[]> {
  checkIdempotencyKey(input.idempotencyKey);
  if (input.choices.length < 1 || input.choices.length > MAX_CHOICES) badInput('choices', 'preferenceChoices', { max: MAX_CHOICES });
  const seen = new Set<string>();
  input.choices.forEach((choice, i) => {
    if (seen.has(choice.kind)) badInput(`choices.${i}.kind`, 'preferenceKindTwice', { kind: choice.kind.toUpperCase().replaceAll('-', '_') });
    seen.add(choice.kind);
  });
  const request = {
    idempotencyKey: input.idempotencyKey,
    actorSubject: ctx.caller.subject,
    operation: OPERATION,
    fingerprint: fingerprintOf(OPERATION, input),
    audit: [],
  };
  const outcome = await applyOnce(ctx.db, request, async (tx) => {
    await setPreferences(tx, ctx.caller.subject, input.choices);
    return true;
  });
  if (outcome.kind === 'key-reused') badInput('idempotencyKey', 'keyReused', {});
  return notificationPreferencesOf(ctx);
}
