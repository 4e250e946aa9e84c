// What a refused file is told, the same at the gateway (which refuses it while it streams in) and at the
// owning authority (which checks again): a coded message naming the form's `file` field.
import { message, type Text } from '@wales-lac/errors';
import { ALLOWED_CONTENT_TYPES, type FileTypeProblem } from './file-types.ts';

/** The form field that carries the file. */
export const FILE_FIELD = 'file';

export type FileProblem = FileTypeProblem | { readonly kind: 'too-large'; readonly max: number };

export interface FileRefusal {
  readonly text: Text;
  /** `field`, and for the size limit `limit` and `max`, as every limit error carries them. */
  readonly extensions: Readonly<Record<string, unknown>>;
}

export function fileRefusal(problem: FileProblem, contentType: string): FileRefusal {
  const field = FILE_FIELD;
  switch (problem.kind) {
    case 'too-large':
      return { text: message('FILE_TOO_LARGE', 'fileBytes', { field, max: problem.max }), extensions: { field, limit: 'file-bytes', max: problem.max } };
    case 'empty':
      return { text: message('BAD_USER_INPUT', 'emptyFile', { field }), extensions: { field } };
    case 'not-allowed':
      return { text: message('FILE_TYPE_REFUSED', 'notAllowed', { field, contentType, allowed: ALLOWED_CONTENT_TYPES.join(', ') }), extensions: { field } };
    case 'content-mismatch':
      return {
        text: problem.found
          ? message('FILE_TYPE_REFUSED', 'anotherType', { field, declared: contentType, found: problem.found.name, foundType: problem.found.contentType })
          : message('FILE_TYPE_REFUSED', 'notWhatItSays', { field, declared: contentType, name: problem.declared.name }),
        extensions: { field },
      };
  }
}
