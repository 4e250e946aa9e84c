// Input checks at the edge of the authority service; each names what is wrong.
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Why a string is not a real calendar date (YYYY-MM-DD), or null when it is one. */
export function dateProblem(value: string): string | null {
  const match = ISO_DATE.exec(value);
  if (!match) return `'${value}' is not a date in the form YYYY-MM-DD`;
  const date = new Date(`${value}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) return `'${value}' is not a real calendar date`;
  return null;
}

/** Why an idempotency key is unacceptable, or null. */
export function idempotencyKeyProblem(key: string): string | null {
  return /^[\x21-\x7e]{8,200}$/.test(key) ? null : 'idempotencyKey must be 8 to 200 printable characters without spaces';
}
