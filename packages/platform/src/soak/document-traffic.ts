// The soak's document traffic (decision 0034) and its burst past the gateway's bound on fan-out requests. Normal: a
// small PDF kept on a Cardiff child's record and read back byte for byte. Hostile: a file over the size
// limit and a PNG sent as a PDF, each refused with its code and nothing kept; and a burst of requests asking
// every authority, more than the gateway runs and queues at once: some refused with GATEWAY_BUSY, none failing.
import { randomUUID } from 'node:crypto';
import { MAX_DOCUMENT_BYTES, samplePdf, samplePng } from '@wales-lac/documents';
import { outcomeOf, type Outcome, type SoakRequest, type SoakTokens } from './traffic.ts';

const PDF = samplePdf('Synthetic soak report');
// Built once: the soak must not make 9 MiB of garbage per request itself.
const OVERSIZED = Buffer.concat([PDF, Buffer.alloc(MAX_DOCUMENT_BYTES)]);

async function upload(url: string, token: string, learner: string, file: { bytes: Buffer; type: string }): Promise<{ outcome: Outcome; path: string | null }> {
  const form = new FormData();
  for (const [name, value] of Object.entries({ learner, section: 'EDUCATION', kind: 'REPORT', title: 'Soak report', idempotencyKey: `soak-${randomUUID()}` }))
    form.append(name, value);
  form.append('file', new Blob([file.bytes], { type: file.type }), 'report.pdf');
  try {
    const response = await fetch(new URL('/documents', url), { method: 'POST', body: form, headers: { authorization: `Bearer ${token}` } });
    const body = (await response.json()) as { errors?: { extensions?: { code?: unknown } }[]; document?: { downloadPath?: string } };
    return {
      outcome: outcomeOf({ status: response.status === 201 ? 200 : response.status, errors: body.errors as never }),
      path: body.document?.downloadPath ?? null,
    };
  } catch {
    return { outcome: 'error', path: null };
  }
}

/** A document kept and read back: `ok` only when the bytes come back as sent. */
async function keepAndRead(url: string, token: string, learner: string): Promise<Outcome> {
  const kept = await upload(url, token, learner, { bytes: PDF, type: 'application/pdf' });
  if (kept.outcome !== 'ok' || !kept.path) return kept.outcome;
  try {
    const response = await fetch(new URL(kept.path, url), { headers: { authorization: `Bearer ${token}` } });
    const bytes = Buffer.from(await response.arrayBuffer());
    return response.status === 200 && bytes.equals(PDF) ? 'ok' : 'error';
  } catch {
    return 'error';
  }
}

export function normalDocumentTraffic(url: string, tokens: SoakTokens, children: readonly string[]): SoakRequest[] {
  const child = children[0] ?? '';
  return [{ kind: 'document kept and read back', hostile: false, expected: ['ok'], send: () => keepAndRead(url, tokens.virtualSchoolHead, child) }];
}

/** `requests` cheap reads at once: GATEWAY_BUSY if any was refused so, the first other failure if any, else ok. */
async function burst(url: string, token: string, requests: number): Promise<Outcome> {
  const one = async (): Promise<Outcome> => {
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: '{ learners(first: 20) { totalCount } }' }),
      });
      return outcomeOf({ status: response.status, ...((await response.json()) as { errors?: never }) });
    } catch {
      return 'error';
    }
  };
  const outcomes = await Promise.all(Array.from({ length: requests }, one));
  return outcomes.find((o) => o !== 'ok' && o !== 'GATEWAY_BUSY') ?? (outcomes.includes('GATEWAY_BUSY') ? 'GATEWAY_BUSY' : 'ok');
}

/**
 * `fanOut`: the gateway's bound on requests asking every authority, and how many may wait for a turn. The
 * burst is four more than both together, and stays under the in-flight bound, which would refuse everyone's.
 */
export function hostileDocumentTraffic(
  url: string,
  tokens: SoakTokens,
  children: readonly string[],
  fanOut: { readonly maxFanOutInFlight: number; readonly maxFanOutWaiting: number },
): SoakRequest[] {
  const burstSize = fanOut.maxFanOutInFlight + fanOut.maxFanOutWaiting + 4;
  const child = children[0] ?? '';
  const refused = (kind: string, code: string, file: { bytes: Buffer; type: string }): SoakRequest => ({
    kind,
    hostile: true,
    expected: [code],
    send: async () => (await upload(url, tokens.virtualSchoolHead, child, file)).outcome,
  });
  return [
    refused('document over the size limit', 'FILE_TOO_LARGE', { bytes: OVERSIZED, type: 'application/pdf' }),
    refused('a PNG sent as a PDF', 'FILE_TYPE_REFUSED', { bytes: samplePng(), type: 'application/pdf' }),
    {
      kind: `burst of ${burstSize} past the fan-out limit`,
      hostile: true,
      // Whether the burst overlaps enough to pass the limit depends on the machine: either is right, an error is not.
      expected: ['GATEWAY_BUSY', 'ok'],
      send: () => burst(url, tokens.virtualSchoolHead, burstSize),
    },
  ];
}
