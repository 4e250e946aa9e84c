// Documents on a child's record or PEP (decision 0034). The gateway's POST /documents streams the upload,
// refuses what is too large or not an allowed type, and forwards the file here as `uploadDocument`; this
// authority checks it again (it trusts nothing it can check), keeps it under the class of its section, and
// answers `documentContent` for the gateway's GET /documents/{id} only to a caller who may read that class.
import { createHash } from 'node:crypto';
import { WORDS, message, platformError } from '@wales-lac/errors';
import { classesWritten, type FieldClass } from '@wales-lac/policy';
import { MAX_DOCUMENT_BYTES, MAX_DOCUMENT_TITLE, MAX_FILE_NAME, fileRefusal, fileTypeProblem, type FileProblem } from '@wales-lac/documents';
import type { AuthorityContext } from './context.ts';
import { badInput, checkText, learnerToChange, ownRecordId, runChange, type Change } from './change.ts';
import { contentOfDocument, insertDocument, type DocumentKind, type DocumentRow, type DocumentSection, type LearnerRow, type PepRow } from './data/index.ts';

/** The class a document is read and written under: its section's. */
export const SECTION_CLASS: Readonly<Record<DocumentSection, FieldClass>> = { education: 'education', wellbeing: 'wellbeing', pep: 'pep' };

/** The field a section's documents are listed in (for the audit log). */
const SECTION_FIELD: Readonly<Record<DocumentSection, string>> = {
  education: 'Learner.educationDocuments',
  wellbeing: 'Learner.wellbeingDocuments',
  pep: 'PersonalEducationPlan.documents',
};

export interface UploadDocumentInput {
  readonly learner: string;
  /** GraphQL has already mapped the DocumentSection and DocumentKind enums to their stored values (resolvers). */
  readonly section: DocumentSection;
  readonly pep?: string | null;
  readonly kind: DocumentKind;
  readonly title: string;
  readonly fileName: string;
  readonly contentType: string;
  readonly contentBase64: string;
  readonly idempotencyKey: string;
}

/** The file's error, as the gateway would have answered it. */
function refuseFile(problem: FileProblem, contentType: string): never {
  const refusal = fileRefusal(problem, contentType);
  throw platformError(refusal.text, { ...refusal.extensions });
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** The file's bytes, checked as the gateway checked them: base64, not empty, not too large, of an allowed type whose bytes agree. */
function checkedContent(input: UploadDocumentInput): Buffer {
  if (input.contentBase64.length % 4 !== 0 || !BASE64.test(input.contentBase64)) badInput('contentBase64', 'notBase64', {});
  const content = Buffer.from(input.contentBase64, 'base64');
  if (content.length > MAX_DOCUMENT_BYTES) refuseFile({ kind: 'too-large', max: MAX_DOCUMENT_BYTES }, input.contentType);
  const problem = fileTypeProblem(input.contentType, content);
  if (problem) refuseFile(problem, input.contentType);
  return content;
}

/** A file name as kept: its last path part, without control characters. */
function checkFileName(value: string): string {
  const name = (value.split(/[\\/]/).pop() ?? '').replace(/[\u0000-\u001f\u007f]/g, '');
  return checkText('fileName', name, MAX_FILE_NAME);
}

interface CheckedUpload {
  readonly title: string;
  readonly fileName: string;
  readonly content: Buffer;
  readonly sha256: string;
}

const sha256Of = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');

const UPLOAD: Change<
  UploadDocumentInput,
  LearnerRow,
  CheckedUpload,
  PepRow | null,
  { documentId: string },
  { document: DocumentRow | null; applied: boolean }
> = {
  operation: 'uploadDocument',
  subject: (input, ctx) => learnerToChange(ctx, input.learner),
  learnersOf: ({ subject }) => [subject.id],
  retry: 'first',
  // The fingerprint holds the file's hash, not its base64 (a retry sends the same bytes).
  asked: (input) => ({ ...input, contentBase64: sha256Of(input.contentBase64) }),
  checkInput: ({ ctx, input }) => {
    const title = checkText('title', input.title, MAX_DOCUMENT_TITLE);
    const fileName = checkFileName(input.fileName);
    if ((input.section === 'pep') !== (input.pep != null)) badInput('pep', 'pepForPepSection', {});
    if (input.pep != null) ownRecordId(ctx, input.pep, 'pep', WORDS.pep);
    const content = checkedContent(input);
    return { title, fileName, content, sha256: sha256Of(content) };
  },
  classes: (input) => classesWritten('uploadDocument', SECTION_CLASS[input.section]),
  fields: (input) => [SECTION_FIELD[input.section]],
  checkRecord: async ({ ctx, input, subject: learner }) => {
    if (input.pep == null) return null;
    const pep = await ctx.loaders.pep.load(input.pep);
    if (!pep || pep.learnerId !== learner.id) badInput('pep', 'pepOfAnotherChild', { id: input.pep, learner: learner.id });
    if (pep.status === 'superseded') throw platformError(message('CONFLICT', 'documentPepSuperseded', { id: pep.id }), { field: 'pep' });
    return pep;
  },
  apply: async (tx, { ctx, input, subject: learner, checked }) => ({
    documentId: await insertDocument(
      tx,
      ctx.authorityCode,
      {
        learnerId: learner.id,
        section: input.section,
        pepId: input.pep ?? null,
        kind: input.kind,
        title: checked.title,
        fileName: checked.fileName,
        contentType: input.contentType.split(';')[0]?.trim().toLowerCase() ?? input.contentType,
        sha256: checked.sha256,
        uploadedBySubject: ctx.caller.subject,
        uploadedByRole: ctx.caller.role,
      },
      checked.content,
    ),
  }),
  payload: async ({ ctx, subject: learner }, outcome) => {
    ctx.loaders.documents.clear(learner.id);
    return { document: await ctx.loaders.document.load(outcome.result.documentId), applied: outcome.applied };
  },
};

export const uploadDocument = (input: UploadDocumentInput, ctx: AuthorityContext) => runChange(UPLOAD, input, ctx);

/**
 * One document with its bytes, when the caller may read its section's class (the read audited). One the
 * caller may not read gets the same NOT_FOUND as an id that is nobody's (the attempt audited as denied), so
 * ids cannot be tried to learn what documents a child has.
 */
export async function documentContent(id: string, ctx: AuthorityContext): Promise<{ document: DocumentRow; contentBase64: string }> {
  ownRecordId(ctx, id, 'id', WORDS.document);
  const notFound = () => platformError(message('NOT_FOUND', 'noDocument', { id, authority: ctx.authorityCode }), { field: 'id' });
  const document = await ctx.loaders.document.load(id);
  if (!document) throw notFound();
  const fieldClass = SECTION_CLASS[document.section as DocumentSection];
  const access = await ctx.access.load(document.learnerId);
  if (!access.read.has(fieldClass)) {
    ctx.audit.note(document.learnerId, 'read', 'denied', fieldClass, 'Document.content');
    throw notFound();
  }
  const content = await contentOfDocument(ctx.db, id);
  if (!content) throw notFound();
  ctx.audit.note(document.learnerId, 'read', 'allowed', fieldClass, 'Document.content');
  return { document, contentBase64: content.toString('base64') };
}
