// A document's bytes through the gateway's own endpoints (docs/documents.md): POST /documents with the form,
// GET /documents/{id} for the file, each with the bearer token in the Authorization header (never in an
// address, where it would be logged and kept in history). Answers and refusals are in the page's language.
import type { DocumentListingFragment } from '@wales-lac/client';
import { h } from './dom.ts';
import { SignInNeeded } from './graph.ts';
import { storedToken } from './session.ts';
import type { Language } from './text.ts';

export const DOCUMENTS_PATH = '/documents';

/** A coded refusal as the gateway answers it (docs/errors.md): its message is in the page's language. */
export interface Refusal {
  readonly code: string;
  readonly message: string;
  readonly field: string | null;
}

export type UploadOutcome =
  | { readonly kind: 'kept'; readonly document: DocumentListingFragment; readonly applied: boolean }
  /** Refused for what was sent (4xx): sending the same again is refused again. */
  | { readonly kind: 'refused'; readonly refusal: Refusal }
  /** No answer, or the platform could not answer now (5xx): the same submission may be sent again with its key. */
  | { readonly kind: 'unanswered'; readonly refusal: Refusal };

interface ErrorBody {
  readonly errors?: readonly { readonly message?: string; readonly extensions?: { readonly code?: string; readonly field?: string } }[];
}

function headers(language: Language): Record<string, string> {
  const token = storedToken();
  if (!token) throw new SignInNeeded('no token');
  return { authorization: `Bearer ${token}`, 'accept-language': language };
}

async function refusalOf(response: Response): Promise<Refusal> {
  const body = (await response.json().catch(() => ({}))) as ErrorBody;
  const error = body.errors?.[0];
  return { code: error?.extensions?.code ?? `HTTP_${response.status}`, message: error?.message ?? '', field: error?.extensions?.field ?? null };
}

/** Sends one upload form (its fields in the order docs/documents.md gives, the file last). */
export async function sendDocument(form: FormData, language: Language): Promise<UploadOutcome> {
  let response: Response;
  try {
    response = await fetch(DOCUMENTS_PATH, { method: 'POST', headers: headers(language), body: form });
  } catch (error) {
    return { kind: 'unanswered', refusal: { code: 'NETWORK_ERROR', message: (error as Error).message, field: null } };
  }
  if (response.status === 401) throw new SignInNeeded('unauthenticated');
  if (response.ok) {
    const body = (await response.json()) as { document: DocumentListingFragment; applied: boolean };
    return { kind: 'kept', document: body.document, applied: body.applied };
  }
  const refusal = await refusalOf(response);
  return response.status >= 500 ? { kind: 'unanswered', refusal } : { kind: 'refused', refusal };
}

export class DownloadFailure extends Error {
  constructor(readonly refusal: Refusal) {
    super(refusal.message || refusal.code);
  }
}

/** Fetches a document with the token and saves it under its own name (a blob: link, clicked and let go). */
export async function saveDocument(downloadPath: string, fileName: string, language: Language): Promise<void> {
  const response = await fetch(downloadPath, { headers: headers(language) });
  if (response.status === 401) throw new SignInNeeded('unauthenticated');
  if (!response.ok) throw new DownloadFailure(await refusalOf(response));
  const url = URL.createObjectURL(await response.blob());
  const link = h('a', { href: url, download: fileName, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  // Let go of the bytes once the browser has taken the download.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A fresh idempotency key: one per submission, kept while that submission is sent again (decision 0031). */
export function uploadKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `dashboard-document-${[...bytes].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
}
