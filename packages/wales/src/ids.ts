// Record ids carry the owning authority's GSS code, so the gateway can route by id alone.
import { isAuthorityCode } from './regions.ts';

/** L learner, P PEP, T PEP target, and the other record kinds of an authority. */
export type RecordKind = string;
const ID_SHAPE = /^(W06\d{6}):([A-Z]{1,2})(\d{1,12})$/;

export interface ParsedRecordId {
  readonly authorityCode: string;
  readonly kind: RecordKind;
  readonly serial: number;
}

export function learnerId(authorityCode: string, serial: number): string {
  return recordId(authorityCode, 'L', serial);
}

export function pepId(authorityCode: string, serial: number): string {
  return recordId(authorityCode, 'P', serial);
}

function recordId(authorityCode: string, kind: RecordKind, serial: number): string {
  return `${authorityCode}:${kind}${String(serial).padStart(6, '0')}`;
}

/** Parses an id; null when it is malformed or names no Welsh authority. */
export function parseRecordId(id: string): ParsedRecordId | null {
  const match = ID_SHAPE.exec(id);
  if (!match) return null;
  const [, authorityCode, kind, serial] = match;
  if (!authorityCode || !isAuthorityCode(authorityCode)) return null;
  return { authorityCode, kind: kind ?? '', serial: Number(serial) };
}

/** The owning authority of a record id, or null when the id is malformed or foreign. */
export function owningAuthority(id: string): string | null {
  return parseRecordId(id)?.authorityCode ?? null;
}
