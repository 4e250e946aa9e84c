// The kinds of file a child's record or PEP may hold, and how each is recognised from its first bytes.
// A declared content type is believed only when the bytes agree: a renamed executable or script is not a PDF.

export interface AllowedFileType {
  /** The content type as declared by the uploader and served back on download. */
  readonly contentType: string;
  /** What a person calls it, for messages, in English and Welsh. */
  readonly name: { readonly en: string; readonly cy: string };
  /** True when the first bytes are this type's. */
  readonly matches: (head: Uint8Array) => boolean;
}

function startsWith(head: Uint8Array, signature: readonly number[], at = 0): boolean {
  return signature.every((byte, i) => head[at + i] === byte);
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];

/**
 * Office Open XML is a zip whose first entry, by the standard's packaging convention, is `[Content_Types].xml`;
 * an arbitrary zip (or a jar) is not accepted as a Word document.
 */
function isOfficeOpenXml(head: Uint8Array): boolean {
  if (!startsWith(head, ZIP)) return false;
  const nameLength = (head[26] ?? 0) | ((head[27] ?? 0) << 8);
  const name = new TextDecoder('latin1').decode(head.subarray(30, 30 + nameLength));
  return name === '[Content_Types].xml' || name.startsWith('word/') || name.startsWith('docProps/') || name === '_rels/.rels';
}

/** The allow-list: documents people send about a child's education (reports, assessments, plans, letters, photos of work). */
export const ALLOWED_FILE_TYPES: readonly AllowedFileType[] = [
  { contentType: 'application/pdf', name: { en: 'PDF', cy: 'PDF' }, matches: (h) => startsWith(h, [0x25, 0x50, 0x44, 0x46, 0x2d]) },
  {
    contentType: 'image/png',
    name: { en: 'PNG image', cy: 'delwedd PNG' },

    matches: (h) => startsWith(h, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  },
  {
    contentType: 'image/jpeg',
    name: { en: 'JPEG image', cy: 'delwedd JPEG' },

    matches: (h) => startsWith(h, [0xff, 0xd8, 0xff]),
  },
  {
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    name: { en: 'Word document', cy: 'dogfen Word' },

    matches: isOfficeOpenXml,
  },
];

/** How many leading bytes recognition needs (a zip entry's header and a short name). */
export const HEAD_BYTES = 64;

/** The allowed type with this content type (parameters such as `; charset` ignored), or null. */
export function allowedFileType(contentType: string): AllowedFileType | null {
  const bare = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  return ALLOWED_FILE_TYPES.find((t) => t.contentType === bare) ?? null;
}

export type FileTypeProblem =
  | { readonly kind: 'not-allowed'; readonly contentType: string }
  | { readonly kind: 'content-mismatch'; readonly declared: AllowedFileType; readonly found: AllowedFileType | null }
  | { readonly kind: 'empty' };

/** Why this file may not be kept, or null when its declared type is allowed and its bytes agree. */
export function fileTypeProblem(contentType: string, head: Uint8Array): FileTypeProblem | null {
  const declared = allowedFileType(contentType);
  if (!declared) return { kind: 'not-allowed', contentType };
  if (head.length === 0) return { kind: 'empty' };
  if (declared.matches(head)) return null;
  return { kind: 'content-mismatch', declared, found: ALLOWED_FILE_TYPES.find((t) => t.matches(head)) ?? null };
}

/** The content types allowed, for messages and docs. */
export const ALLOWED_CONTENT_TYPES: readonly string[] = ALLOWED_FILE_TYPES.map((t) => t.contentType);
