// Shared by the shield's unit tests: the API schema of the committed supergraph, and callers.
import { buildSchema } from 'graphql';
import { Supergraph, printSchema } from '@apollo/federation-internals';
import type { Caller, Role } from '@wales-lac/caller';
import { loadSupergraph } from '../supergraph.ts';

// Built from printed SDL rather than taken from federation-internals, so it belongs to the same
// graphql instance as the code under test however the test runner resolves graphql.
export const API_SCHEMA = buildSchema(printSchema(Supergraph.build(loadSupergraph()).apiSchema()));

export function callerAs(role: Role, extra: Partial<Caller> = {}): Caller {
  return { subject: `test:${role}`, role, authorityCode: null, schoolId: null, learnerId: null, regionCode: null, ...extra };
}
