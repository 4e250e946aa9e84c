// Documents kept on children's records and plans (decision 0034): their rows for many children or plans at
// once, never their bytes; one document's bytes on their own; and keeping a new one inside a transaction.
import { and, desc, eq, getTableColumns, isNull } from 'drizzle-orm';
import { authoritySchema, type AuthorityDatabase, type DOCUMENT_KINDS, type DOCUMENT_SECTIONS } from '@wales-lac/db';
import { groupBy } from './grouping.ts';
import { anyId, byIds } from './id-list.ts';
import { nextRecordId, type Transaction } from './writes.ts';

const { documents, documentContents } = authoritySchema;
export type DocumentRow = typeof documents.$inferSelect;
export type DocumentSection = (typeof DOCUMENT_SECTIONS)[number];
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

const columns = getTableColumns(documents);

/** Each child's documents kept on the record itself (education and well-being), newest first. */
export async function documentsOfLearners(db: AuthorityDatabase, learnerIds: readonly string[]): Promise<Map<string, DocumentRow[]>> {
  const rows = await byIds(db, learnerIds, 'documents_by_learner_id', (d, i) =>
    d
      .select(columns)
      .from(documents)
      .where(and(anyId(documents.learnerId, i), isNull(documents.pepId)))
      .orderBy(desc(documents.createdAt), desc(documents.id)),
  );
  return groupBy(rows, (r) => r.learnerId);
}

/** Each plan's attached documents, newest first. */
export async function documentsOfPeps(db: AuthorityDatabase, pepIds: readonly string[]): Promise<Map<string, DocumentRow[]>> {
  const rows = await byIds(db, pepIds, 'documents_by_pep_id', (d, i) =>
    d.select(columns).from(documents).where(anyId(documents.pepId, i)).orderBy(desc(documents.createdAt), desc(documents.id)),
  );
  return groupBy(rows, (r) => r.pepId ?? '');
}

export async function documentsByIds(db: AuthorityDatabase, ids: readonly string[]): Promise<Map<string, DocumentRow>> {
  const rows = await byIds(db, ids, 'documents_by_id', (d, i) => d.select(columns).from(documents).where(anyId(documents.id, i)));
  return new Map(rows.map((r) => [r.id, r]));
}

/** One document's bytes; null when it has none (it does not exist). */
export async function contentOfDocument(db: AuthorityDatabase, id: string): Promise<Buffer | null> {
  const [row] = await db.select({ content: documentContents.content }).from(documentContents).where(eq(documentContents.documentId, id));
  return row?.content ?? null;
}

export interface NewDocument {
  readonly learnerId: string;
  readonly section: DocumentSection;
  readonly pepId: string | null;
  readonly kind: DocumentKind;
  readonly title: string;
  readonly fileName: string;
  readonly contentType: string;
  readonly sha256: string;
  readonly uploadedBySubject: string;
  readonly uploadedByRole: string;
}

/** Keeps a document and its bytes; returns its id. */
export async function insertDocument(tx: Transaction, authorityCode: string, document: NewDocument, content: Buffer): Promise<string> {
  const id = await nextRecordId(tx, 'documents', authorityCode, 'D');
  await tx.insert(documents).values({ ...document, id, byteSize: content.length });
  await tx.insert(documentContents).values({ documentId: id, content });
  return id;
}
