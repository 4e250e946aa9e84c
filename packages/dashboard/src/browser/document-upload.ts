// The form that keeps a document on the child's record or current PEP: section (only those the caller may
// write), type, title and file, sent to POST /documents. Each submission has its own idempotency key; a
// submission that got no answer, or one the platform could not answer now (5xx), keeps its key when sent
// again, so it is never kept twice. Changing the form makes it a new submission. A refusal shows the
// platform's coded message in the page's language, and a kept document is announced and listed.
import { h } from './dom.ts';
import { sendDocument, uploadKey, type Refusal } from './document-transfer.ts';
import { SignInNeeded } from './graph.ts';
import { documentKindName, documentSectionName, documentText, type Language } from './text.ts';
import { DOCUMENT_KIND_LABELS } from '../document-texts.ts';

export interface UploadContext {
  readonly language: Language;
  readonly learner: string;
  /** The sections the caller may keep a document in (EDUCATION, WELLBEING, PEP). */
  readonly sections: readonly string[];
  /** The plan a PEP document is attached to: the current one. */
  readonly pep: string | null;
  readonly status: HTMLElement;
  readonly onKept: (title: string) => Promise<void>;
  readonly signInNeeded: () => void;
}

function field(id: string, label: string, control: HTMLElement, hint?: string): HTMLElement {
  return h(
    'div',
    { class: 'govuk-form-group' },
    h('label', { class: 'govuk-label', for: id }, label),
    hint ? h('div', { class: 'govuk-hint', id: `${id}-hint` }, hint) : null,
    control,
  );
}

function refusalSummary(language: Language): { element: HTMLElement; show(refusal: Refusal, title: string): void; hide(): void } {
  const message = h('p', { class: 'govuk-body', 'data-refusal-message': true });
  const code = h('code', {});
  const element = h(
    'div',
    { class: 'govuk-error-summary', role: 'alert', tabindex: '-1', 'data-upload': 'refused', hidden: true },
    h('h3', { class: 'govuk-error-summary__title' }, documentText('uploadRefused', language)),
    h('div', { class: 'govuk-error-summary__body' }, message, h('p', { class: 'govuk-body' }, `${documentText('errorCode', language)} `, code)),
  );
  return {
    element,
    show(refusal, title) {
      message.textContent = title;
      code.textContent = refusal.code;
      element.setAttribute('data-code', refusal.code);
      element.hidden = false;
      element.focus();
    },
    hide() {
      element.hidden = true;
    },
  };
}

export function uploadForm(context: UploadContext): HTMLElement {
  const { language } = context;
  if (context.sections.length === 0) {
    return h('p', { class: 'govuk-inset-text', 'data-upload': 'not-allowed' }, documentText('uploadNotAllowed', language));
  }
  const select = (id: string, options: readonly [string, string][]) =>
    h('select', { class: 'govuk-select', id, name: id }, ...options.map(([value, shown]) => h('option', { value }, shown)));
  const section = select(
    'upload-section',
    context.sections.map((s) => [s, documentSectionName(s, language)]),
  );
  const kind = select(
    'upload-kind',
    Object.keys(DOCUMENT_KIND_LABELS).map((k) => [k, documentKindName(k, language)]),
  );
  const title = h('input', { class: 'govuk-input', id: 'upload-title', name: 'upload-title', type: 'text', maxlength: '200', autocomplete: 'off' });
  const file = h('input', {
    class: 'govuk-file-upload',
    id: 'upload-file',
    name: 'upload-file',
    type: 'file',
    accept: '.pdf,.png,.jpg,.jpeg,.docx,application/pdf,image/png,image/jpeg,application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    'aria-describedby': 'upload-file-hint',
  });
  const button = h('button', { type: 'submit', class: 'govuk-button' }, documentText('uploadButton', language));
  const summary = refusalSummary(language);
  const form = h(
    'form',
    { class: 'document-upload', 'aria-labelledby': 'upload-heading', novalidate: true },
    h('h2', { class: 'govuk-heading-m', id: 'upload-heading' }, documentText('uploadTitle', language)),
    summary.element,
    field('upload-section', documentText('uploadSection', language), section),
    field('upload-kind', documentText('docKind', language), kind),
    field('upload-title', documentText('docTitle', language), title),
    field('upload-file', documentText('uploadFile', language), file, documentText('uploadFileHint', language)),
    button,
  );

  // The key of the submission being sent; null once it has been answered for good, or the form has changed.
  let key: string | null = null;
  form.addEventListener('input', () => (key = null));
  form.addEventListener('change', () => (key = null));

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    key ??= uploadKey();
    const body = new FormData();
    body.append('learner', context.learner);
    body.append('section', section.value);
    if (section.value === 'PEP' && context.pep) body.append('pep', context.pep);
    body.append('kind', kind.value);
    body.append('title', title.value.trim());
    body.append('idempotencyKey', key);
    const chosen = file.files?.[0];
    if (chosen) body.append('file', chosen, chosen.name);
    button.disabled = true;
    summary.hide();
    context.status.textContent = documentText('uploading', language);
    sendDocument(body, language)
      .then(async (outcome) => {
        if (outcome.kind === 'kept') {
          key = null;
          form.reset();
          await context.onKept(outcome.document.title);
          return;
        }
        // A refusal is final for what was sent; an unanswered submission may be sent again as it is, with its key.
        if (outcome.kind === 'refused') key = null;
        context.status.textContent = '';
        summary.show(outcome.refusal, outcome.kind === 'refused' ? outcome.refusal.message : documentText('uploadUnanswered', language));
      })
      .catch((error: unknown) => {
        if (error instanceof SignInNeeded) return context.signInNeeded();
        context.status.textContent = '';
        summary.show({ code: 'INTERNAL_SERVER_ERROR', message: (error as Error).message, field: null }, documentText('uploadUnanswered', language));
      })
      .finally(() => {
        button.disabled = false;
      });
  });
  return form;
}
