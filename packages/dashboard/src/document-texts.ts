// The words of the documents page (a child's documents: list, download, keep) and of the notifications page's
// "Show older", in Welsh and English. Both languages are required by the type. The labels of DocumentKind and
// DocumentSection are the vocabulary's (ENUM_LABELS).
import { ENUM_LABELS, type Bilingual } from '@wales-lac/vocabulary';

/** The labels of the API's enums, from the vocabulary like every other label. */
export const DOCUMENT_KIND_LABELS = ENUM_LABELS.DocumentKind;
export const DOCUMENT_SECTION_LABELS = ENUM_LABELS.DocumentSection;

export const DOCUMENT_TEXTS = {
  documentsTitle: { en: "A child's documents", cy: 'Dogfennau plentyn' },
  documentsLink: { en: 'Documents', cy: 'Dogfennau' },
  backToCaseload: { en: 'Back to the caseload', cy: "Yn ôl i'r llwyth achosion" },
  documentsOf: { en: 'Documents kept for', cy: 'Dogfennau a gadwyd ar gyfer' },
  pepVersion: { en: 'version', cy: 'fersiwn' },
  docTitle: { en: 'Title', cy: 'Teitl' },
  docKind: { en: 'Type of document', cy: 'Math o ddogfen' },
  docFile: { en: 'File', cy: 'Ffeil' },
  docSize: { en: 'Size', cy: 'Maint' },
  docKeptOn: { en: 'Kept on', cy: 'Cadwyd ar' },
  docKeptBy: { en: 'Kept by', cy: 'Cadwyd gan' },
  docAction: { en: 'Action', cy: 'Gweithred' },
  download: { en: 'Download', cy: 'Lawrlwytho' },
  downloaded: { en: 'Downloaded:', cy: 'Wedi lawrlwytho:' },
  downloadFailed: { en: 'The file could not be downloaded. Error code:', cy: "Nid oedd modd lawrlwytho'r ffeil. Cod y gwall:" },
  notAvailable: {
    en: 'Not available to you: your role may not read this part of the record.',
    cy: "Ddim ar gael i chi: ni chaiff eich rôl ddarllen y rhan hon o'r cofnod.",
  },
  noDocuments: { en: 'No documents are kept here yet.', cy: "Nid oes dogfennau wedi'u cadw yma eto." },
  noCurrentPep: { en: 'The child has no current PEP.', cy: 'Nid oes gan y plentyn CAP cyfredol.' },
  sectionFailed: { en: 'This part could not be shown. Error code:', cy: 'Nid oedd modd dangos y rhan hon. Cod y gwall:' },
  learnerNeeded: {
    en: 'Open a child from the caseload to see their documents.',
    cy: "Agorwch blentyn o'r llwyth achosion i weld eu dogfennau.",
  },
  learnerNotAvailable: {
    en: "This child's record is not available to you, or there is no such child.",
    cy: "Nid yw cofnod y plentyn hwn ar gael i chi, neu nid oes plentyn o'r fath.",
  },
  uploadTitle: { en: 'Keep a document', cy: 'Cadw dogfen' },
  uploadSection: { en: 'Where to keep it', cy: "Ble i'w chadw" },
  uploadFile: { en: 'File', cy: 'Ffeil' },
  uploadFileHint: { en: 'A PDF, PNG, JPEG or Word document, up to 8 MiB.', cy: 'Dogfen PDF, PNG, JPEG neu Word, hyd at 8 MiB.' },
  uploadButton: { en: 'Keep this document', cy: "Cadw'r ddogfen hon" },
  uploading: { en: 'Sending the document…', cy: "Wrthi'n anfon y ddogfen…" },
  uploaded: { en: 'Kept:', cy: "Wedi'i chadw:" },
  uploadRefused: { en: 'The document was not kept', cy: 'Ni chadwyd y ddogfen' },
  uploadUnanswered: {
    en: 'The document could not be sent. Send it again: it will not be kept twice.',
    cy: 'Nid oedd modd anfon y ddogfen. Anfonwch hi eto: ni chaiff ei chadw ddwywaith.',
  },
  uploadNotAllowed: { en: 'Your role may not keep documents for this child.', cy: 'Ni chaiff eich rôl gadw dogfennau ar gyfer y plentyn hwn.' },
  errorCode: { en: 'Error code:', cy: 'Cod y gwall:' },
  kilobytes: { en: 'KB', cy: 'KB' },
  bytes: { en: 'bytes', cy: 'beit' },
  // The notifications page
  showOlder: { en: 'Show older notifications', cy: 'Dangos hysbysiadau hŷn' },
  olderFailed: { en: 'Older notifications could not be shown. Error code:', cy: 'Nid oedd modd dangos hysbysiadau hŷn. Cod y gwall:' },
} as const satisfies Record<string, Bilingual>;

export type DocumentText = keyof typeof DOCUMENT_TEXTS;
