// Shared by the shield's unit tests: the API schema of the committed supergraph, and callers.
import { Supergraph } from '@apollo/federation-internals';
import type { Caller, Role } from '@wales-lac/caller';
import { loadSupergraph } from '../supergraph.ts';

export const API_SCHEMA = Supergraph.build(loadSupergraph()).apiSchema().toGraphQLJSSchema();

export function callerAs(role: Role, extra: Partial<Caller> = {}): Caller {
  return { subject: `test:${role}`, role, authorityCode: null, schoolId: null, learnerId: null, regionCode: null, ...extra };
}
