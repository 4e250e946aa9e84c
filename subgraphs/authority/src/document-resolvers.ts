// Thin resolvers for documents (decision 0034): the lists by section, a document's fields, and the two
// gateway-only fields behind /documents.
import { DOCUMENT_KINDS, DOCUMENT_SECTIONS } from '@wales-lac/db';
import { enumValuesOf } from '@wales-lac/subgraph-edge';
import type { AuthorityContext } from './context.ts';
import type { DocumentRow, LearnerRow, PepRow } from './data/index.ts';
import { documentContent, uploadDocument, type UploadDocumentInput } from './documents.ts';

const inSection = (section: string) => async (learner: LearnerRow, _: unknown, ctx: AuthorityContext) =>
  (await ctx.loaders.documents.load(learner.id)).filter((d) => d.section === section);

export const documentResolvers = {
  Query: {
    documentContent: (_: unknown, args: { id: string }, ctx: AuthorityContext) => documentContent(args.id, ctx),
  },
  Mutation: {
    uploadDocument: (_: unknown, args: { input: UploadDocumentInput }, ctx: AuthorityContext) => uploadDocument(args.input, ctx),
  },
  Learner: {
    educationDocuments: inSection('education'),
    wellbeingDocuments: inSection('wellbeing'),
  },
  PersonalEducationPlan: {
    documents: (pep: PepRow, _: unknown, ctx: AuthorityContext) => ctx.loaders.pepDocuments.load(pep.id),
  },
  Document: {
    uploadedAt: (d: DocumentRow) => d.createdAt.toISOString(),
    downloadPath: (d: DocumentRow) => `/documents/${encodeURIComponent(d.id)}`,
  },
  DocumentSection: enumValuesOf(DOCUMENT_SECTIONS),
  DocumentKind: enumValuesOf(DOCUMENT_KINDS),
};
