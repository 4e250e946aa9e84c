// The graph's typed client: one TypedDocumentNode per documented operation (generated from
// src/operations/ against the public API schema, schema.graphql), and `ask` to send one.
export { ask } from './ask.ts';
export type { Answer, AskOptions, GraphError } from './ask.ts';
export {
  BenchmarksDocument,
  BenchmarkTrendDocument,
  CaseloadDocument,
  DashboardBenchmarksDocument,
  LearnerDocumentsDocument,
  LearnerRecordDocument,
  MarkNotificationReadDocument,
  MeDocument,
  NotificationsDocument,
} from './generated/graphql.ts';
export type * from './generated/graphql.ts';
export type { ResultOf, VariablesOf } from '@graphql-typed-document-node/core';
