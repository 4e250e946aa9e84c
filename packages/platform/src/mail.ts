// Email for alerts (decision 0029): SMTP through nodemailer when SMTP_URL is set; in the development profile
// without it, a local capture server (smtp-server) that keeps every mail in memory, shown by the gateway at
// /dev/mail (never in the production profile).
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createTransport } from 'nodemailer';
import { SMTPServer } from 'smtp-server';
import { simpleParser } from 'mailparser';
import type { AlertMail } from '@wales-lac/authority-subgraph';

/** Sends one mail; throws when the server refuses it or cannot be reached. */
export type SendMail = (mail: AlertMail) => Promise<void>;

export function smtpSender(smtpUrl: string, from: string): SendMail {
  // One connection per message, no pooling: a dispatcher run is small, and a failure is the row's, not the pool's.
  const transport = createTransport(smtpUrl, { from });
  return async (mail) => {
    await transport.sendMail({ to: mail.to, subject: mail.subject, text: mail.text });
  };
}

/** A mail as the capture server received it. */
export interface CapturedMail {
  readonly to: string;
  readonly from: string;
  readonly subject: string;
  readonly text: string;
  readonly receivedAt: string;
}

export interface MailCapture {
  /** smtp://127.0.0.1:<port> */
  readonly smtpUrl: string;
  readonly port: number;
  readonly mails: readonly CapturedMail[];
  /** Stops listening (a test's SMTP outage); the mails kept stay. */
  close(): Promise<void>;
  /** Listens again on the same port. */
  reopen(): Promise<void>;
}

function newServer(keep: (mail: CapturedMail) => void): SMTPServer {
  return new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          const to = Array.isArray(parsed.to) ? parsed.to.map((a) => a.text).join(', ') : (parsed.to?.text ?? '');
          keep({ to, from: parsed.from?.text ?? '', subject: parsed.subject ?? '', text: parsed.text ?? '', receivedAt: new Date().toISOString() });
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
}

const listenOn = (server: SMTPServer, port: number, host: string) =>
  new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve((server as unknown as { server: { address(): AddressInfo } }).server.address().port));
  });

const closeServer = (server: SMTPServer) => new Promise<void>((resolve) => server.close(() => resolve()));

/** The development capture server on 127.0.0.1 (port 0: one the OS picks). */
export async function startMailCapture(port = 0, host = '127.0.0.1'): Promise<MailCapture> {
  const mails: CapturedMail[] = [];
  const keep = (mail: CapturedMail) => void mails.push(mail);
  let server: SMTPServer | null = newServer(keep);
  const bound = await listenOn(server, port, host);
  return {
    smtpUrl: `smtp://${host}:${bound}`,
    port: bound,
    mails,
    async close() {
      if (server) await closeServer(server);
      server = null;
    },
    async reopen() {
      if (server) return;
      server = newServer(keep);
      await listenOn(server, bound, host);
    },
  };
}

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** GET /dev/mail (a page) and /dev/mail.json: the captured mails, newest first. Development only. */
export function devMailPages(capture: MailCapture) {
  return async (_req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> => {
    if (url.pathname !== '/dev/mail' && url.pathname !== '/dev/mail.json') return false;
    const mails = [...capture.mails].reverse();
    if (url.pathname.endsWith('.json')) {
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
      res.end(JSON.stringify({ mails }));
      return true;
    }
    const items = mails
      .map((m) => `<article><h2>${escape(m.subject)}</h2><p>To: ${escape(m.to)} · ${escape(m.receivedAt)}</p><pre>${escape(m.text)}</pre></article>`)
      .join('\n');
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Captured mail (development)</title></head><body><h1>Captured mail / Post a ddaliwyd (development only)</h1><p>${mails.length} mail(s), kept in memory by the local SMTP capture server.</p>${items}</body></html>`,
    );
    return true;
  };
}
