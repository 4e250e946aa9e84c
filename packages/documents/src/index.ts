// Documents kept on a child's record or PEP: which files are allowed, how they are recognised, how large they may be.
export { ALLOWED_CONTENT_TYPES, ALLOWED_FILE_TYPES, HEAD_BYTES, allowedFileType, fileTypeProblem } from './file-types.ts';
export type { AllowedFileType, FileTypeProblem } from './file-types.ts';
export { MAX_DOCUMENT_BYTES, MAX_DOCUMENT_TITLE, MAX_FILE_NAME, base64Length } from './limits.ts';
export { FILE_FIELD, fileRefusal } from './refusals.ts';
export type { FileProblem, FileRefusal } from './refusals.ts';
export { samplePdf, samplePng, sampleDocx } from './samples.ts';
