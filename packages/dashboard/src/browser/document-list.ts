// One section of a child's documents as a table (title, type, file, size, date kept, who kept it, and a
// download button), or what the section is instead: not available to the caller (the API refused it with
// FORBIDDEN and null, which is not the same as empty), empty, no current PEP, or an error with its code.
import type { DocumentListingFragment } from '@wales-lac/client';
import { h } from './dom.ts';
import { DownloadFailure, saveDocument } from './document-transfer.ts';
import { SignInNeeded } from './graph.ts';
import { documentKindName, documentSectionName, documentText, enumLabel, formatNumber, type Language } from './text.ts';

export type SectionState =
  | { readonly kind: 'listed'; readonly documents: readonly DocumentListingFragment[] }
  | { readonly kind: 'forbidden' }
  | { readonly kind: 'no-pep' }
  | { readonly kind: 'failed'; readonly code: string };

export interface ListContext {
  readonly language: Language;
  /** Where the outcome of a download is announced. */
  readonly status: HTMLElement;
  /** Called when the token is refused mid-page: the page shows the sign-in message. */
  readonly signInNeeded: () => void;
}

/** A size as people read it: bytes under a kilobyte, else kilobytes to one place. */
export function sizeOf(byteSize: number, language: Language): string {
  if (byteSize < 1024) return `${formatNumber(byteSize)} ${documentText('bytes', language)}`;
  return `${formatNumber(byteSize / 1024, 1)} ${documentText('kilobytes', language)}`;
}

/** The role of whoever kept it, in the page's language (the API gives the token's role, e.g. virtual-school-head). */
const roleName = (role: string, language: Language) => enumLabel('Role', role.toUpperCase().replace(/-/g, '_'), language);

function downloadButton(document: DocumentListingFragment, context: ListContext): HTMLButtonElement {
  const { language } = context;
  const button = h(
    'button',
    { type: 'button', class: 'govuk-button govuk-button--secondary govuk-!-margin-bottom-0', 'data-download': document.id },
    documentText('download', language),
    h('span', { class: 'govuk-visually-hidden' }, `: ${document.title}`),
  );
  button.addEventListener('click', () => {
    button.disabled = true;
    saveDocument(document.downloadPath, document.fileName, language)
      .then(() => {
        context.status.textContent = `${documentText('downloaded', language)} ${document.fileName}`;
      })
      .catch((error: unknown) => {
        if (error instanceof SignInNeeded) return context.signInNeeded();
        const code = error instanceof DownloadFailure ? error.refusal.code : 'NETWORK_ERROR';
        context.status.textContent = `${documentText('downloadFailed', language)} ${code}`;
      })
      .finally(() => {
        button.disabled = false;
      });
  });
  return button;
}

function documentsTable(caption: string, documents: readonly DocumentListingFragment[], context: ListContext): HTMLTableElement {
  const { language } = context;
  const head = (['docTitle', 'docKind', 'docFile', 'docSize', 'docKeptOn', 'docKeptBy', 'docAction'] as const).map((key) => documentText(key, language));
  const cell = (content: string | Node, name: string) => h('td', { class: 'govuk-table__cell', 'data-cell': name }, content);
  return h(
    'table',
    { class: 'govuk-table documents-table' },
    h('caption', { class: 'govuk-table__caption govuk-visually-hidden' }, caption),
    h(
      'thead',
      { class: 'govuk-table__head' },
      h('tr', { class: 'govuk-table__row' }, ...head.map((name) => h('th', { scope: 'col', class: 'govuk-table__header' }, name))),
    ),
    h(
      'tbody',
      { class: 'govuk-table__body' },
      ...documents.map((document) =>
        h(
          'tr',
          { class: 'govuk-table__row', 'data-document': document.id },
          h('th', { scope: 'row', class: 'govuk-table__header', 'data-cell': 'title' }, document.title),
          cell(documentKindName(document.kind, language), 'kind'),
          cell(document.fileName, 'file'),
          cell(sizeOf(document.byteSize, language), 'size'),
          cell(document.uploadedAt.slice(0, 10), 'kept-on'),
          cell(roleName(document.uploadedByRole, language), 'kept-by'),
          cell(downloadButton(document, context), 'action'),
        ),
      ),
    ),
  );
}

/** One section under its heading, with its state in data-section-state for tests and styles. */
export function documentSection(section: string, heading: string, state: SectionState, context: ListContext): HTMLElement {
  const { language } = context;
  const id = `documents-${section.toLowerCase()}`;
  const note = (key: Parameters<typeof documentText>[0], extra = '') =>
    h('p', { class: 'govuk-inset-text', 'data-note': state.kind }, `${documentText(key, language)}${extra}`);
  const body =
    state.kind === 'forbidden'
      ? note('notAvailable')
      : state.kind === 'no-pep'
        ? note('noCurrentPep')
        : state.kind === 'failed'
          ? note('sectionFailed', ` ${state.code}`)
          : state.documents.length === 0
            ? note('noDocuments')
            : documentsTable(heading, state.documents, context);
  return h(
    'section',
    {
      class: 'documents-section',
      'aria-labelledby': id,
      'data-section': section,
      'data-section-state': state.kind === 'listed' && state.documents.length === 0 ? 'empty' : state.kind,
    },
    h('h2', { class: 'govuk-heading-m', id }, heading || documentSectionName(section, language)),
    body,
  );
}
