// The checks of a list's arguments (`learners`, and the page of any list), written once: the gateway runs
// them before asking any authority (values read untyped from the document and its variables), and each
// authority runs them again on what GraphQL gave it (decision 0006: enforce twice). One order, one message
// per problem, so both layers refuse the same input the same way.
import type { Role } from '@wales-lac/caller';
import { message, type Text } from '@wales-lac/errors';
import { decodeCursor, pageSizeProblem } from '@wales-lac/paging';
import { isAuthorityCode, upnProblem } from '@wales-lac/wales';
import { LEARNER_FILTER_CLASSES, filterRefusal, listReasonRefusal, relationshipRefusal } from './filters.ts';
import { reasonProblem } from './reason.ts';

/** A list's arguments as sent: by name, values of any type (the gateway has not yet validated them). */
export type ListArguments = Readonly<Record<string, unknown>>;

/** What is wrong with one argument: the registered text and the argument it names. */
export interface ArgumentProblem {
  readonly field: string;
  readonly text: Text;
}

const given = (value: unknown): boolean => value !== undefined && value !== null;

/** A page's size and cursor: `first` within the page size, `after` a cursor this platform made. */
export function pageArgumentsProblem(args: ListArguments): ArgumentProblem | null {
  const { first, after } = args;
  if (given(first)) {
    const problem = typeof first === 'number' ? pageSizeProblem(first) : message('BAD_USER_INPUT', 'firstNotANumber');
    if (problem) return { field: 'first', text: problem };
  }
  if (given(after) && (typeof after !== 'string' || decodeCursor(after) === null)) return { field: 'after', text: message('BAD_USER_INPUT', 'notACursor') };
  return null;
}

/** Filters the role may never use, relationships it never holds, a reason missing or not well-formed. */
function entitlementProblem(role: Role, args: ListArguments): ArgumentProblem | null {
  for (const name of Object.keys(LEARNER_FILTER_CLASSES)) {
    const refusal = given(args[name]) ? filterRefusal(role, name) : null;
    if (refusal) return { field: name, text: refusal };
  }
  const relationship = given(args.relationship) ? String(args.relationship).toLowerCase() : null;
  const never = relationship === null ? null : relationshipRefusal(role, relationship);
  if (never) return { field: 'relationship', text: never };
  const reason = reasonProblem(args.reason);
  if (reason) return { field: reason.field, text: reason.text };
  const unreasoned = relationship === null ? null : listReasonRefusal(role, relationship, given(args.reason));
  return unreasoned ? { field: 'reason', text: unreasoned } : null;
}

/** Values that are not what the argument takes: an authority code, a share, a UPN. */
function valueProblem(args: ListArguments): ArgumentProblem | null {
  const { homeAuthority, attendanceBelow, upn } = args;
  if (given(homeAuthority) && (typeof homeAuthority !== 'string' || !isAuthorityCode(homeAuthority))) {
    return { field: 'homeAuthority', text: message('BAD_USER_INPUT', 'notAnAuthorityCode', { value: String(homeAuthority) }) };
  }
  if (given(attendanceBelow) && !(typeof attendanceBelow === 'number' && attendanceBelow >= 0 && attendanceBelow <= 1)) {
    return { field: 'attendanceBelow', text: message('BAD_USER_INPUT', 'attendanceShare') };
  }
  if (!given(upn)) return null;
  const wrong = typeof upn === 'string' ? upnProblem(upn) : message('BAD_USER_INPUT', 'upnNotText');
  return wrong ? { field: 'upn', text: message('BAD_USER_INPUT', 'invalidUpn', { upn: String(upn), problem: wrong }) } : null;
}

/** The first problem with `learners`' arguments for this role, in one order at both layers; null when none. */
export function learnersArgumentsProblem(role: Role, args: ListArguments): ArgumentProblem | null {
  return entitlementProblem(role, args) ?? pageArgumentsProblem(args) ?? valueProblem(args);
}
