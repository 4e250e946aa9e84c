// Input checks at the edge of the authority service; each names what is wrong.
import { message, type Text } from '@wales-lac/errors';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Why a string is not a real calendar date (YYYY-MM-DD), or null when it is one. */
export function dateProblem(field: string, value: string): Text | null {
  const match = ISO_DATE.exec(value);
  if (!match) return message('BAD_USER_INPUT', 'notADate', { field, value });
  const date = new Date(`${value}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) return message('BAD_USER_INPUT', 'notARealDate', { field, value });
  return null;
}

/** Why an idempotency key is unacceptable, or null. */
export function idempotencyKeyProblem(field: string, key: string): Text | null {
  return /^[\x21-\x7e]{8,200}$/.test(key) ? null : message('BAD_USER_INPUT', 'keyShape', { field });
}
