// How large a document may be. One figure for the gateway (which refuses a larger upload while it streams in)
// and the authority (which checks again what it is asked to keep).

/** 8 MiB: a scanned report or an assessment; larger files are refused and nothing is stored. */
export const MAX_DOCUMENT_BYTES = 8 * 1024 * 1024;

/** Longest title and file name kept. */
export const MAX_DOCUMENT_TITLE = 200;
export const MAX_FILE_NAME = 200;

/** The bytes of base64 text that carry `bytes` bytes. */
export function base64Length(bytes: number): number {
  return 4 * Math.ceil(bytes / 3);
}
