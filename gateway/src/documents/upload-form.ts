// Reads the upload form of POST /documents as it streams in: its text fields, and one file held only up to
// the size limit. A file that is too large, of a type not allowed, or whose first bytes are not what its
// type says is refused as soon as that is known; the rest of the body is read and thrown away (so the client
// gets the answer, not a reset) up to a bound, past which the connection is cut.
import type { IncomingMessage } from 'node:http';
import busboy from 'busboy';
import { message, type Text } from '@wales-lac/errors';
import { FILE_FIELD, HEAD_BYTES, fileRefusal, fileTypeProblem, type FileRefusal } from '@wales-lac/documents';

/** The form's text fields: those required first, then `pep` (for the PEP section only). */
export const REQUIRED_FIELDS = ['learner', 'section', 'kind', 'title', 'idempotencyKey'] as const;
const FIELDS: readonly string[] = [...REQUIRED_FIELDS, 'pep'];
const MAX_FIELD_CHARS = 1_000;

export type UploadFields = Record<(typeof REQUIRED_FIELDS)[number], string> & { readonly pep?: string };

export interface UploadForm {
  readonly fields: UploadFields;
  readonly fileName: string;
  readonly contentType: string;
  readonly content: Buffer;
}

export type FormOutcome =
  { readonly kind: 'read'; readonly form: UploadForm } | { readonly kind: 'refused'; readonly refusal: FileRefusal; readonly cut: boolean };

const inputRefusal = (text: Text, field?: string): FileRefusal => ({ text, extensions: field ? { field } : {} });
const fieldList = () => `${REQUIRED_FIELDS.join(', ')} (pep for the PEP section)`;

export function notAForm(): FileRefusal {
  return inputRefusal(message('BAD_REQUEST', 'notAForm', { fields: fieldList(), field: FILE_FIELD }));
}

/**
 * Reads the form. `maxBytes`: the largest file kept; `discardBytes`: how much of the body is read past a
 * refusal before the connection is cut (`cut`: the caller must close it).
 */
export function readUploadForm(req: IncomingMessage, maxBytes: number, discardBytes: number): Promise<FormOutcome> {
  return new Promise((resolve) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: req.headers,
        limits: {
          files: 2,
          // Room for one part too many, so that it is named (formFieldUnknown, formFieldTwice) before the backstop.
          fields: FIELDS.length + 2,
          fieldSize: MAX_FIELD_CHARS,
          fileSize: maxBytes,
          parts: FIELDS.length + 4,
        },
      });
    } catch {
      // Not multipart/form-data (busboy says so by throwing): nothing of the body is read.
      return resolve({ kind: 'refused', refusal: notAForm(), cut: true });
    }
    const fields: Record<string, string> = {};
    const chunks: Buffer[] = [];
    let file: { name: string; contentType: string } | null = null;
    let refusal: FileRefusal | null = null;
    let received = 0;
    let settled = false;
    const refuse = (r: FileRefusal) => {
      refusal ??= r;
      chunks.length = 0;
    };
    const settle = (outcome: FormOutcome) => {
      if (settled) return;
      settled = true;
      req.unpipe(parser);
      resolve(outcome);
    };

    req.on('data', (chunk: Buffer) => {
      received += chunk.length;
      // Past the bound, stop reading: the connection is closed with the answer.
      if (refusal && received > discardBytes) settle({ kind: 'refused', refusal, cut: true });
    });
    parser.on('field', (name, value, info) => {
      if (!FIELDS.includes(name))
        return refuse(inputRefusal(message('BAD_USER_INPUT', 'formFieldUnknown', { field: name.slice(0, 50), fields: fieldList() }), name.slice(0, 50)));
      if (name in fields) return refuse(inputRefusal(message('BAD_USER_INPUT', 'formFieldTwice', { field: name }), name));
      if (info.valueTruncated) return refuse(inputRefusal(message('BAD_USER_INPUT', 'formFieldTooLong', { field: name, max: MAX_FIELD_CHARS }), name));
      fields[name] = value;
    });
    parser.on('file', (name, stream, info) => {
      if (name !== FILE_FIELD)
        refuse(
          inputRefusal(message('BAD_USER_INPUT', 'formFieldUnknown', { field: name.slice(0, 50), fields: `${fieldList()}, ${FILE_FIELD}` }), name.slice(0, 50)),
        );
      else if (file) refuse(inputRefusal(message('BAD_USER_INPUT', 'formFieldTwice', { field: FILE_FIELD }), FILE_FIELD));
      else file = { name: info.filename ?? '', contentType: info.mimeType };
      let head = true;
      let held = 0;
      stream.on('data', (chunk: Buffer) => {
        if (refusal) return;
        chunks.push(chunk);
        held += chunk.length;
        // Recognised as soon as the first bytes are in: a disguised file is not held any further.
        if (head && held >= HEAD_BYTES && file) {
          head = false;
          const problem = fileTypeProblem(file.contentType, Buffer.concat(chunks));
          if (problem) refuse(fileRefusal(problem, file.contentType));
        }
      });
      stream.on('limit', () => refuse(fileRefusal({ kind: 'too-large', max: maxBytes }, info.mimeType)));
    });
    for (const limit of ['partsLimit', 'filesLimit', 'fieldsLimit'] as const)
      parser.on(limit, () => refuse(inputRefusal(message('BAD_REQUEST', 'notAForm', { fields: fieldList(), field: FILE_FIELD }))));
    parser.on('error', () => settle({ kind: 'refused', refusal: refusal ?? notAForm(), cut: true }));
    parser.on('close', () => settle(finish()));
    req.pipe(parser);

    function finish(): FormOutcome {
      if (refusal) return { kind: 'refused', refusal, cut: false };
      const missing = REQUIRED_FIELDS.find((f) => !(f in fields));
      if (missing)
        return {
          kind: 'refused',
          refusal: inputRefusal(message('BAD_USER_INPUT', 'formFieldMissing', { field: missing, fields: fieldList() }), missing),
          cut: false,
        };
      if (!file)
        return {
          kind: 'refused',
          refusal: inputRefusal(message('BAD_USER_INPUT', 'formFieldMissing', { field: FILE_FIELD, fields: `${fieldList()}, ${FILE_FIELD}` }), FILE_FIELD),
          cut: false,
        };
      const content = Buffer.concat(chunks);
      const problem = fileTypeProblem(file.contentType, content);
      if (problem) return { kind: 'refused', refusal: fileRefusal(problem, file.contentType), cut: false };
      return { kind: 'read', form: { fields: fields as UploadFields, fileName: file.name, contentType: file.contentType, content } };
    }
  });
}
