// Documents on a child's record and PEP through the real gateway (issue 15, decision 0034): a Cardiff child
// placed and at school across the border. Files are uploaded at the gateway's POST /documents (multipart,
// streamed, size-limited, allow-listed and checked by their first bytes), forwarded with the gateway's
// assertion to Cardiff, kept in its PostgreSQL, listed under the class of their section, downloaded by those
// who may read that class and refused (and audited) to the others. A refused upload keeps nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_DOCUMENT_BYTES, sampleDocx, samplePdf, samplePng } from '@wales-lac/documents';
import { authorityDb } from './support/fixtures.ts';
import { startTestPlatform, type TestPlatform } from './support/platform.ts';

const CARDIFF = 'W06000015';
const PDF = 'application/pdf';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

interface Child {
  readonly learnerId: string;
  readonly host: string;
  readonly school: string;
  readonly socialWorker: string;
  readonly pepId: string;
  readonly otherSocialWorker: string;
}

let platform: TestPlatform;
let child: Child;
const tokens: Record<'lead' | 'teacher' | 'socialWorker' | 'otherSocialWorker' | 'hostLead' | 'thirdLead' | 'analyst' | 'child', string> = {
  lead: '',
  teacher: '',
  socialWorker: '',
  otherSocialWorker: '',
  hostLead: '',
  thirdLead: '',
  analyst: '',
  child: '',
};

const CURRENT = (alias: string) => `${alias}.started_on <= current_date and (${alias}.ended_on is null or ${alias}.ended_on >= current_date)`;

/** A Cardiff child placed out of county, on a school roll there, with a social worker and a plan in force. */
async function childAcrossTheBorder(): Promise<Child> {
  const [row] = await authorityDb(platform, CARDIFF).unsafe<
    { learner_id: string; host: string; school_id: string; social_worker: string; pep_id: string; other_social_worker: string }[]
  >(
    `select l.id as learner_id, p.authority_code as host, e.school_id, a.staff_subject as social_worker, pep.id as pep_id,
            (select o.staff_subject from staff_allocations o where o.staff_role = 'social-worker' and o.staff_subject <> a.staff_subject
               and not exists (select 1 from staff_allocations s where s.learner_id = l.id and s.staff_subject = o.staff_subject)
             order by o.staff_subject limit 1) as other_social_worker
       from learners l
       join placements p on p.learner_id = l.id and ${CURRENT('p')} and p.authority_code <> $1
       join enrolments e on e.learner_id = l.id and ${CURRENT('e')} and e.ended_on is null and e.school_authority_code = p.authority_code
       join staff_allocations a on a.learner_id = l.id and a.staff_role = 'social-worker' and ${CURRENT('a')}
       join peps pep on pep.learner_id = l.id and pep.status <> 'superseded'
      order by l.id, pep.version desc limit 1`,
    [CARDIFF],
  );
  if (!row) throw new Error('Cardiff has no child placed out of county with a plan in the test data');
  return {
    learnerId: row.learner_id,
    host: row.host,
    school: row.school_id,
    socialWorker: row.social_worker,
    pepId: row.pep_id,
    otherSocialWorker: row.other_social_worker,
  };
}

beforeAll(async () => {
  platform = await startTestPlatform({ env: { SEED_SCALE: '0.1' } });
  child = await childAcrossTheBorder();
  const third = ['W06000001', 'W06000002', 'W06000003'].find((code) => code !== child.host) ?? 'W06000001';
  tokens.lead = await platform.token({ sub: 'vsh-cardiff-documents', role: 'virtual-school-head', authority: CARDIFF });
  tokens.teacher = await platform.token({ sub: `dt-${child.school}`, role: 'designated-teacher', authority: child.host, school: child.school });
  tokens.socialWorker = await platform.token({ sub: child.socialWorker, role: 'social-worker', authority: CARDIFF });
  tokens.otherSocialWorker = await platform.token({ sub: child.otherSocialWorker, role: 'social-worker', authority: CARDIFF });
  tokens.hostLead = await platform.token({ sub: 'vsh-host-documents', role: 'virtual-school-head', authority: child.host });
  tokens.thirdLead = await platform.token({ sub: 'vsh-third-documents', role: 'virtual-school-head', authority: third });
  tokens.analyst = await platform.token({ sub: 'analyst-documents', role: 'national-analyst' });
  tokens.child = await platform.token({ sub: 'child-documents', role: 'learner', learner: child.learnerId });
});
afterAll(async () => platform?.stop());

let key = 0;
const nextKey = () => `documents-${Date.now()}-${++key}`;
const gatewayUrl = (path: string) => new URL(path, platform.url).toString();

interface Upload {
  readonly fields: Record<string, string>;
  readonly file?: { readonly bytes: Buffer; readonly type: string; readonly name: string };
}

const education = (overrides: Record<string, string> = {}): Record<string, string> => ({
  learner: child.learnerId,
  section: 'EDUCATION',
  kind: 'REPORT',
  title: 'Autumn term report',
  idempotencyKey: nextKey(),
  ...overrides,
});

async function upload(token: string | null, { fields, file }: Upload, headers: Record<string, string> = {}) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  if (file) form.append('file', new Blob([file.bytes], { type: file.type }), file.name);
  const response = await fetch(gatewayUrl('/documents'), {
    method: 'POST',
    body: form,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
  });
  return { status: response.status, location: response.headers.get('location'), body: (await response.json()) as Record<string, any> };
}

async function download(token: string, path: string) {
  const response = await fetch(gatewayUrl(path), { headers: { authorization: `Bearer ${token}` } });
  const bytes = Buffer.from(await response.arrayBuffer());
  return { status: response.status, headers: response.headers, bytes, json: () => JSON.parse(bytes.toString('utf8')) as Record<string, any> };
}

const pdf = (name = 'report.pdf') => ({ bytes: samplePdf('Synthetic autumn report'), type: PDF, name });

/** What documents take in Cardiff's database, counted, to show that a refused upload keeps nothing. */
async function footprint(): Promise<{ documents: number; contents: number; bytes: number }> {
  const [row] = await authorityDb(platform, CARDIFF)<{ documents: number; contents: number; bytes: number }[]>`
    select (select count(*)::int from documents) as documents, (select count(*)::int from document_contents) as contents,
           (select coalesce(sum(octet_length(content)), 0)::int from document_contents) as bytes`;
  return { ...row! };
}

async function auditRows(
  subject: string,
): Promise<{ decision: string; action: string; field_classes: string[]; fields: string[]; operation_name: string | null }[]> {
  return authorityDb(platform, CARDIFF)`
    select decision, action, field_classes, fields, operation_name from audit_log
     where actor_subject = ${subject} and learner_id = ${child.learnerId} order by chain_position`;
}

const LIST = `query($id: ID!) { learner(id: $id) { educationDocuments { id section kind title fileName contentType byteSize sha256 uploadedByRole downloadPath }
  wellbeingDocuments { id title } currentPep { id documents { id title kind } } } }`;

describe('a document kept on the record', () => {
  let kept: { id: string; downloadPath: string; sha256: string; byteSize: number };
  const bytes = samplePdf('Synthetic autumn report');

  it('is uploaded by the home education lead, forwarded to Cardiff and kept once per key', async () => {
    const before = await footprint();
    const fields = education();
    const first = await upload(tokens.lead, { fields, file: pdf() });
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body['applied']).toBe(true);
    kept = first.body['document'];
    expect(kept).toMatchObject({
      section: 'EDUCATION',
      kind: 'REPORT',
      title: 'Autumn term report',
      fileName: 'report.pdf',
      contentType: PDF,
      byteSize: bytes.length,
    });
    expect(kept.id.startsWith(`${CARDIFF}:D`)).toBe(true);
    expect(first.location).toBe(kept.downloadPath);

    const retry = await upload(tokens.lead, { fields, file: pdf() });
    expect(retry.status).toBe(200);
    expect(retry.body).toMatchObject({ applied: false, document: { id: kept.id } });
    expect(await footprint()).toEqual({ documents: before.documents + 1, contents: before.contents + 1, bytes: before.bytes + bytes.length });
  });

  it('is listed in the education section to those who read education, and not to a third authority', async () => {
    for (const token of [tokens.lead, tokens.teacher, tokens.hostLead, tokens.socialWorker]) {
      const { body } = await platform.graphql(token, LIST, { id: child.learnerId });
      const listed = (body.data?.learner?.educationDocuments ?? []).map((d: { id: string }) => d.id);
      expect(listed).toContain(kept.id);
    }
    const third = await platform.graphql(tokens.thirdLead, LIST, { id: child.learnerId });
    expect(third.body.data?.learner ?? null).toBeNull();
  });

  it('is downloaded, byte for byte, as a download a browser will not run', async () => {
    for (const token of [tokens.lead, tokens.teacher, tokens.hostLead]) {
      const got = await download(token, kept.downloadPath);
      expect(got.status).toBe(200);
      expect(got.bytes.equals(bytes)).toBe(true);
      expect(got.headers.get('content-type')).toBe(PDF);
      expect(got.headers.get('content-disposition')).toBe("attachment; filename*=UTF-8''report.pdf");
      expect(got.headers.get('x-content-type-options')).toBe('nosniff');
      expect(got.headers.get('cache-control')).toBe('no-store');
      expect(got.headers.get('etag')).toBe(`"${kept.sha256}"`);
    }
    const reads = await auditRows('vsh-cardiff-documents');
    expect(reads).toContainEqual(expect.objectContaining({ action: 'read', decision: 'allowed', field_classes: ['education'], fields: ['Document.content'] }));
  });

  it('is refused, the refusal audited, to a social worker of the authority for whom the child is not on their caseload', async () => {
    const got = await download(tokens.otherSocialWorker, kept.downloadPath);
    expect(got.status).toBe(404);
    expect(got.json().errors[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
    // The same answer as an id that is nobody's: ids cannot be tried to learn what a child has.
    const nobodys = await download(tokens.otherSocialWorker, `/documents/${CARDIFF}:D999999`);
    expect(nobodys.status).toBe(404);
    expect(nobodys.json().errors[0].message).toBe(got.json().errors[0].message.replace(kept.id, `${CARDIFF}:D999999`));
    expect(await auditRows(child.otherSocialWorker)).toContainEqual(
      expect.objectContaining({ action: 'read', decision: 'denied', field_classes: ['education'], fields: ['Document.content'] }),
    );
  });

  it('is refused at the gateway to an analyst, and the owner still audits the refusal', async () => {
    const got = await download(tokens.analyst, kept.downloadPath);
    expect(got.status).toBe(403);
    expect(got.json().errors[0].extensions.code).toBe('FORBIDDEN');
    expect(await auditRows('analyst-documents')).toContainEqual(
      expect.objectContaining({ action: 'read', decision: 'denied', fields: ['Document.content'], operation_name: 'refused at the gateway' }),
    );
  });
});

describe('documents under other classes', () => {
  it('a well-being document is read only by those who read well-being', async () => {
    const result = await upload(tokens.socialWorker, {
      fields: education({ section: 'WELLBEING', kind: 'ASSESSMENT', title: 'Well-being assessment' }),
      file: { bytes: samplePng(), type: 'image/png', name: 'assessment.png' },
    });
    expect(result.status, JSON.stringify(result.body)).toBe(201);
    const path = result.body['document'].downloadPath as string;
    expect((await download(tokens.teacher, path)).status).toBe(200);
    // The host authority's lead reads education but not well-being.
    const host = await platform.graphql(tokens.hostLead, LIST, { id: child.learnerId });
    expect(host.body.data?.learner?.wellbeingDocuments).toBeNull();
    expect(host.body.errors?.find((e) => e.path?.includes('wellbeingDocuments'))?.extensions?.code).toBe('FORBIDDEN');
    expect((await download(tokens.hostLead, path)).status).toBe(404);
    expect(await auditRows('vsh-host-documents')).toContainEqual(
      expect.objectContaining({ decision: 'denied', field_classes: ['wellbeing'], fields: ['Document.content'] }),
    );
  });

  it('a designated teacher attaches a Word document to the plan in force; it is listed on the plan', async () => {
    const result = await upload(tokens.teacher, {
      fields: education({ section: 'PEP', pep: child.pepId, kind: 'PLAN', title: 'Transition plan' }),
      file: { bytes: sampleDocx(), type: DOCX, name: 'C:\\Users\\teacher\\transition plan.docx' },
    });
    expect(result.status, JSON.stringify(result.body)).toBe(201);
    // Only the file's own name is kept, never the uploader's folders.
    expect(result.body['document']).toMatchObject({ section: 'PEP', fileName: 'transition plan.docx', uploadedByRole: 'designated-teacher' });
    const { body } = await platform.graphql(tokens.lead, LIST, { id: child.learnerId });
    const pep = body.data?.learner?.currentPep;
    if (pep?.id === child.pepId) expect(pep.documents.map((d: { title: string }) => d.title)).toContain('Transition plan');
    const plan = await platform.graphql(tokens.lead, `query($id: ID!) { learner(id: $id) { peps { id documents { id title } } } }`, { id: child.learnerId });
    const attached = plan.body.data?.learner?.peps.find((p: { id: string }) => p.id === child.pepId);
    expect(attached.documents.map((d: { title: string }) => d.title)).toContain('Transition plan');
  });
});

describe('an upload that is refused keeps nothing', () => {
  const cases: [string, () => Promise<{ token: string | null; upload: Upload; headers?: Record<string, string> }>, number, Record<string, unknown>][] = [
    [
      'a file over the size limit',
      async () => ({
        token: tokens.lead,
        upload: { fields: education(), file: { bytes: Buffer.concat([samplePdf(), Buffer.alloc(MAX_DOCUMENT_BYTES)]), type: PDF, name: 'big.pdf' } },
      }),
      413,
      { code: 'FILE_TOO_LARGE', field: 'file', limit: 'file-bytes', max: MAX_DOCUMENT_BYTES },
    ],
    [
      'a PNG sent as a PDF',
      async () => ({ token: tokens.lead, upload: { fields: education(), file: { bytes: samplePng(), type: PDF, name: 'report.pdf' } } }),
      415,
      { code: 'FILE_TYPE_REFUSED', field: 'file' },
    ],
    [
      'an executable sent as a PDF',
      async () => ({
        token: tokens.lead,
        upload: {
          fields: education(),
          file: { bytes: Buffer.concat([Buffer.from('MZ\x90\x00', 'latin1'), Buffer.alloc(200)]), type: PDF, name: 'report.pdf' },
        },
      }),
      415,
      { code: 'FILE_TYPE_REFUSED', field: 'file' },
    ],
    [
      'an HTML page',
      async () => ({
        token: tokens.lead,
        upload: { fields: education(), file: { bytes: Buffer.from('<script>alert(1)</script>'), type: 'text/html', name: 'report.html' } },
      }),
      415,
      { code: 'FILE_TYPE_REFUSED', field: 'file' },
    ],
    [
      'an empty file',
      async () => ({ token: tokens.lead, upload: { fields: education(), file: { bytes: Buffer.alloc(0), type: PDF, name: 'empty.pdf' } } }),
      400,
      { code: 'BAD_USER_INPUT', field: 'file' },
    ],
    [
      'no title',
      async () => {
        const fields = education();
        delete fields['title'];
        return { token: tokens.lead, upload: { fields, file: pdf() } };
      },
      400,
      { code: 'BAD_USER_INPUT', field: 'title' },
    ],
    [
      'a blank title',
      async () => ({ token: tokens.lead, upload: { fields: education({ title: '   ' }), file: pdf() } }),
      400,
      { code: 'BAD_USER_INPUT', field: 'title' },
    ],
    ['no file', async () => ({ token: tokens.lead, upload: { fields: education() } }), 400, { code: 'BAD_USER_INPUT', field: 'file' }],
    [
      'a field the form does not have',
      async () => ({ token: tokens.lead, upload: { fields: education({ colour: 'red' }), file: pdf() } }),
      400,
      { code: 'BAD_USER_INPUT', field: 'colour' },
    ],
    [
      'a section that does not exist',
      async () => ({ token: tokens.lead, upload: { fields: education({ section: 'CARE' }), file: pdf() } }),
      400,
      { code: 'BAD_USER_INPUT' },
    ],
    [
      'the PEP section without a plan',
      async () => ({ token: tokens.lead, upload: { fields: education({ section: 'PEP' }), file: pdf() } }),
      400,
      { code: 'BAD_USER_INPUT', field: 'pep' },
    ],
    [
      'a plan of another child',
      async () => ({ token: tokens.lead, upload: { fields: education({ section: 'PEP', pep: `${CARDIFF}:P999999` }), file: pdf() } }),
      400,
      { code: 'BAD_USER_INPUT', field: 'pep' },
    ],
    [
      'a learner id that is no record id',
      async () => ({ token: tokens.lead, upload: { fields: education({ learner: 'child-42' }), file: pdf() } }),
      400,
      { code: 'BAD_USER_INPUT', field: 'learner' },
    ],
    [
      'an empty idempotency key',
      async () => ({ token: tokens.lead, upload: { fields: education({ idempotencyKey: '' }), file: pdf() } }),
      400,
      { code: 'BAD_USER_INPUT', field: 'idempotencyKey' },
    ],
    ['no token', async () => ({ token: null, upload: { fields: education(), file: pdf() } }), 401, { code: 'UNAUTHENTICATED' }],
    ['the host lead, who may not write', async () => ({ token: tokens.hostLead, upload: { fields: education(), file: pdf() } }), 403, { code: 'FORBIDDEN' }],
    [
      'the child, whose role keeps no documents',
      async () => ({ token: tokens.child, upload: { fields: education(), file: pdf() } }),
      403,
      { code: 'FORBIDDEN' },
    ],
    ['a third authority', async () => ({ token: tokens.thirdLead, upload: { fields: education(), file: pdf() } }), 403, { code: 'FORBIDDEN' }],
  ];

  it.each(cases)('%s', async (_what, make, status, extensions) => {
    const before = await footprint();
    const { token, upload: sent, headers } = await make();
    const result = await upload(token, sent, headers);
    expect(result.status, JSON.stringify(result.body)).toBe(status);
    expect(result.body['errors'][0].extensions).toMatchObject(extensions);
    expect(await footprint()).toEqual(before);
  });

  it('a body that is not a form is refused with what the form needs', async () => {
    const response = await fetch(gatewayUrl('/documents'), {
      method: 'POST',
      headers: { authorization: `Bearer ${tokens.lead}`, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { errors: { message: string; extensions: { code: string } }[] };
    expect(body.errors[0]?.extensions.code).toBe('BAD_REQUEST');
    expect(body.errors[0]?.message).toContain('multipart/form-data');
  });

  it('says why in Welsh when the request asks for it', async () => {
    const result = await upload(tokens.lead, { fields: education(), file: { bytes: samplePng(), type: PDF, name: 'report.pdf' } }, { 'accept-language': 'cy' });
    expect(result.status).toBe(415);
    expect(result.body['errors'][0].message).toBe('file: anfonir y ffeil fel application/pdf ond delwedd PNG yw ei beitiau; anfonwch hi fel image/png');
  });

  it("the refused write of the host lead is in the owner's audit log", async () => {
    expect(await auditRows('vsh-host-documents')).toContainEqual(
      expect.objectContaining({ action: 'write', decision: 'denied', field_classes: ['education'] }),
    );
  });
});
