// What the caller may read of the child a fetched value belongs to, at the gateway. The owning
// authority says which relationships the caller holds (only it knows the placement, school and
// caseload); the gateway applies its own copy of the grants to them and keeps only what the owner
// also granted, so either side being wrong can only ever hide more.
import type { Caller } from '@wales-lac/caller';
import { FIELD_CLASSES, RELATIONSHIPS, accessFor, type Access, type FieldClass, type PolicyContext, type Relationship } from '@wales-lac/policy';
import { ACCESS_KEY } from './hidden-fields.ts';

export interface ShieldContext extends PolicyContext {
  readonly caller: Caller;
  /** Decisions per fetched object, for this request only. */
  readonly accessCache: WeakMap<object, Access | null>;
}

export function shieldContext(caller: Caller): ShieldContext {
  return { caller, accessCache: new WeakMap() };
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function wordsFrom<T extends string>(value: unknown, known: readonly T[]): T[] | null {
  if (!Array.isArray(value)) return null;
  return value.filter((v): v is T => typeof v === 'string' && (known as readonly string[]).includes(v));
}

function decide(fetched: unknown, caller: Caller): Access | null {
  if (!isRecord(fetched)) return null;
  const relationships = wordsFrom<Relationship>(fetched['relationships'], RELATIONSHIPS);
  const ownerRead = wordsFrom<FieldClass>(fetched['read'], FIELD_CLASSES);
  const ownerWithReason = wordsFrom<FieldClass>(fetched['readWithReason'], FIELD_CLASSES) ?? [];
  if (!relationships || !ownerRead) return null;
  const model = accessFor(caller.role, relationships);
  // Reads only: writes are refused before the fetch (root rules) and checked by the owner. What a reason
  // opens, both sides must say so too; whether one was given the shield reads from the query (decision 0026).
  return {
    relationships,
    read: new Set(ownerRead.filter((c) => model.read.has(c))),
    write: new Set(),
    readWithReason: new Set(ownerWithReason.filter((c) => model.readWithReason.has(c))),
  };
}

/** The policy's `accessOf` at the gateway: null (denied) when the value carries no access from its owner. */
export async function gatewayAccessOf(_typeName: string, parent: unknown, context: ShieldContext): Promise<Access | null> {
  if (!isRecord(parent)) return null;
  const cached = context.accessCache.get(parent);
  if (cached !== undefined) return cached;
  const access = decide(parent[ACCESS_KEY], context.caller);
  context.accessCache.set(parent, access);
  return access;
}
