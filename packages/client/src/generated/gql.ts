/* eslint-disable */
import * as types from './graphql.ts';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "query Benchmarks($measures: [ID!], $level: GeographyLevel, $dimension: String) {\n  benchmarks(measures: $measures, level: $level, dimension: $dimension) {\n    release {\n      id\n      asOf\n      state\n      rounding\n    }\n    notReplacedBecause\n    ageHours\n    figures {\n      measure\n      code\n      numerator\n      denominator\n      rate\n      lower\n      upper\n      marker\n      comparedWithWales\n      stale\n    }\n  }\n}": typeof types.BenchmarksDocument,
    "query Caseload($first: Int!, $after: String, $homeAuthority: ID, $placedOutOfCounty: Boolean, $overduePep: Boolean, $attendanceBelow: Float) {\n  learners(\n    first: $first\n    after: $after\n    homeAuthority: $homeAuthority\n    placedOutOfCounty: $placedOutOfCounty\n    overduePep: $overduePep\n    attendanceBelow: $attendanceBelow\n  ) {\n    totalCount\n    edges {\n      node {\n        id\n        legalGivenName\n        homeAuthority {\n          code\n          name\n        }\n        currentPlacement {\n          type\n          authority {\n            code\n            name\n          }\n        }\n        currentSchool {\n          name\n        }\n        currentPep {\n          status\n          reviewState\n          completionDue\n          completionState\n        }\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}": typeof types.CaseloadDocument,
    "query LearnerRecord($id: ID!, $from: Date!, $to: Date!) {\n  me {\n    access(learner: $id) {\n      read\n      write\n    }\n  }\n  learner(id: $id) {\n    id\n    legalGivenName\n    preferredName\n    homeAuthority {\n      code\n      name\n    }\n    currentPlacement {\n      type\n      authority {\n        code\n        name\n      }\n    }\n    currentSchool {\n      name\n    }\n    currentPep {\n      status\n      reviewState\n      completionDue\n      completionState\n    }\n    attendance(from: $from, to: $to) {\n      rate\n      persistentlyAbsent\n      possibleSessions\n    }\n  }\n}": typeof types.LearnerRecordDocument,
    "query Notifications($unreadOnly: Boolean) {\n  notifications(unreadOnly: $unreadOnly) {\n    totalCount\n    edges {\n      node {\n        id\n        kind\n        effectiveOn\n        movesTo\n        learner {\n          id\n          preferredName\n        }\n      }\n    }\n  }\n}": typeof types.NotificationsDocument,
};
const documents: Documents = {
    "query Benchmarks($measures: [ID!], $level: GeographyLevel, $dimension: String) {\n  benchmarks(measures: $measures, level: $level, dimension: $dimension) {\n    release {\n      id\n      asOf\n      state\n      rounding\n    }\n    notReplacedBecause\n    ageHours\n    figures {\n      measure\n      code\n      numerator\n      denominator\n      rate\n      lower\n      upper\n      marker\n      comparedWithWales\n      stale\n    }\n  }\n}": types.BenchmarksDocument,
    "query Caseload($first: Int!, $after: String, $homeAuthority: ID, $placedOutOfCounty: Boolean, $overduePep: Boolean, $attendanceBelow: Float) {\n  learners(\n    first: $first\n    after: $after\n    homeAuthority: $homeAuthority\n    placedOutOfCounty: $placedOutOfCounty\n    overduePep: $overduePep\n    attendanceBelow: $attendanceBelow\n  ) {\n    totalCount\n    edges {\n      node {\n        id\n        legalGivenName\n        homeAuthority {\n          code\n          name\n        }\n        currentPlacement {\n          type\n          authority {\n            code\n            name\n          }\n        }\n        currentSchool {\n          name\n        }\n        currentPep {\n          status\n          reviewState\n          completionDue\n          completionState\n        }\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}": types.CaseloadDocument,
    "query LearnerRecord($id: ID!, $from: Date!, $to: Date!) {\n  me {\n    access(learner: $id) {\n      read\n      write\n    }\n  }\n  learner(id: $id) {\n    id\n    legalGivenName\n    preferredName\n    homeAuthority {\n      code\n      name\n    }\n    currentPlacement {\n      type\n      authority {\n        code\n        name\n      }\n    }\n    currentSchool {\n      name\n    }\n    currentPep {\n      status\n      reviewState\n      completionDue\n      completionState\n    }\n    attendance(from: $from, to: $to) {\n      rate\n      persistentlyAbsent\n      possibleSessions\n    }\n  }\n}": types.LearnerRecordDocument,
    "query Notifications($unreadOnly: Boolean) {\n  notifications(unreadOnly: $unreadOnly) {\n    totalCount\n    edges {\n      node {\n        id\n        kind\n        effectiveOn\n        movesTo\n        learner {\n          id\n          preferredName\n        }\n      }\n    }\n  }\n}": types.NotificationsDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Benchmarks($measures: [ID!], $level: GeographyLevel, $dimension: String) {\n  benchmarks(measures: $measures, level: $level, dimension: $dimension) {\n    release {\n      id\n      asOf\n      state\n      rounding\n    }\n    notReplacedBecause\n    ageHours\n    figures {\n      measure\n      code\n      numerator\n      denominator\n      rate\n      lower\n      upper\n      marker\n      comparedWithWales\n      stale\n    }\n  }\n}"): (typeof documents)["query Benchmarks($measures: [ID!], $level: GeographyLevel, $dimension: String) {\n  benchmarks(measures: $measures, level: $level, dimension: $dimension) {\n    release {\n      id\n      asOf\n      state\n      rounding\n    }\n    notReplacedBecause\n    ageHours\n    figures {\n      measure\n      code\n      numerator\n      denominator\n      rate\n      lower\n      upper\n      marker\n      comparedWithWales\n      stale\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Caseload($first: Int!, $after: String, $homeAuthority: ID, $placedOutOfCounty: Boolean, $overduePep: Boolean, $attendanceBelow: Float) {\n  learners(\n    first: $first\n    after: $after\n    homeAuthority: $homeAuthority\n    placedOutOfCounty: $placedOutOfCounty\n    overduePep: $overduePep\n    attendanceBelow: $attendanceBelow\n  ) {\n    totalCount\n    edges {\n      node {\n        id\n        legalGivenName\n        homeAuthority {\n          code\n          name\n        }\n        currentPlacement {\n          type\n          authority {\n            code\n            name\n          }\n        }\n        currentSchool {\n          name\n        }\n        currentPep {\n          status\n          reviewState\n          completionDue\n          completionState\n        }\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}"): (typeof documents)["query Caseload($first: Int!, $after: String, $homeAuthority: ID, $placedOutOfCounty: Boolean, $overduePep: Boolean, $attendanceBelow: Float) {\n  learners(\n    first: $first\n    after: $after\n    homeAuthority: $homeAuthority\n    placedOutOfCounty: $placedOutOfCounty\n    overduePep: $overduePep\n    attendanceBelow: $attendanceBelow\n  ) {\n    totalCount\n    edges {\n      node {\n        id\n        legalGivenName\n        homeAuthority {\n          code\n          name\n        }\n        currentPlacement {\n          type\n          authority {\n            code\n            name\n          }\n        }\n        currentSchool {\n          name\n        }\n        currentPep {\n          status\n          reviewState\n          completionDue\n          completionState\n        }\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query LearnerRecord($id: ID!, $from: Date!, $to: Date!) {\n  me {\n    access(learner: $id) {\n      read\n      write\n    }\n  }\n  learner(id: $id) {\n    id\n    legalGivenName\n    preferredName\n    homeAuthority {\n      code\n      name\n    }\n    currentPlacement {\n      type\n      authority {\n        code\n        name\n      }\n    }\n    currentSchool {\n      name\n    }\n    currentPep {\n      status\n      reviewState\n      completionDue\n      completionState\n    }\n    attendance(from: $from, to: $to) {\n      rate\n      persistentlyAbsent\n      possibleSessions\n    }\n  }\n}"): (typeof documents)["query LearnerRecord($id: ID!, $from: Date!, $to: Date!) {\n  me {\n    access(learner: $id) {\n      read\n      write\n    }\n  }\n  learner(id: $id) {\n    id\n    legalGivenName\n    preferredName\n    homeAuthority {\n      code\n      name\n    }\n    currentPlacement {\n      type\n      authority {\n        code\n        name\n      }\n    }\n    currentSchool {\n      name\n    }\n    currentPep {\n      status\n      reviewState\n      completionDue\n      completionState\n    }\n    attendance(from: $from, to: $to) {\n      rate\n      persistentlyAbsent\n      possibleSessions\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Notifications($unreadOnly: Boolean) {\n  notifications(unreadOnly: $unreadOnly) {\n    totalCount\n    edges {\n      node {\n        id\n        kind\n        effectiveOn\n        movesTo\n        learner {\n          id\n          preferredName\n        }\n      }\n    }\n  }\n}"): (typeof documents)["query Notifications($unreadOnly: Boolean) {\n  notifications(unreadOnly: $unreadOnly) {\n    totalCount\n    edges {\n      node {\n        id\n        kind\n        effectiveOn\n        movesTo\n        learner {\n          id\n          preferredName\n        }\n      }\n    }\n  }\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;