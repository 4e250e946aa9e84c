// Unique Pupil Number: a check letter then 12 characters (see WALES-FACTS.md).
import { message, type Text } from '@wales-lac/errors';
const CHECK_ALPHABET = 'ABCDEFGHJKLMNPQRTUVWXYZ';
const UPN_SHAPE = /^[A-HJ-NP-RT-Z]\d{11}[0-9A-HJ-NP-RT-Z]$/;

function characterValue(ch: string): number {
  if (ch >= '0' && ch <= '9') return Number(ch);
  const index = CHECK_ALPHABET.indexOf(ch);
  if (index < 0) throw new RangeError(`'${ch}' cannot appear in a UPN`);
  return index;
}

/** The check letter for the 12 characters after it: weights 2..13, modulo 23. */
export function upnCheckLetter(body: string): string {
  if (!/^\d{11}[0-9A-HJ-NP-RT-Z]$/.test(body)) {
    throw new RangeError(`UPN body must be 11 digits and a digit or letter, got '${body}'`);
  }
  let sum = 0;
  for (let i = 0; i < body.length; i += 1) sum += characterValue(body.charAt(i)) * (i + 2);
  return CHECK_ALPHABET.charAt(sum % 23);
}

/** Why a UPN is invalid, or null when it is valid. */
export function upnProblem(upn: string): Text | null {
  if (upn.length !== 13) return message('BAD_USER_INPUT', 'upnLength');
  if (!UPN_SHAPE.test(upn)) return message('BAD_USER_INPUT', 'upnShape');
  const expected = upnCheckLetter(upn.slice(1));
  return upn.charAt(0) === expected ? null : message('BAD_USER_INPUT', 'upnCheckLetter', { expected });
}

export function isValidUpn(upn: string): boolean {
  return upnProblem(upn) === null;
}
