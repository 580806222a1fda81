/** A real SMTP server and a stand-in WhatsApp gateway, on 127.0.0.1 and random ports. */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import pino from 'pino';
import { DateTime } from 'luxon';
import type { Db } from '../../src/db/client.js';
import type { AppConfig } from '../../src/config.js';
import { createOutboxWorker } from '../../src/messages/messaging.js';

export interface ReceivedMail {
  from: string;
  to: string[];
  raw: string;
}

export async function startSmtp(): Promise<{ url: string; mails: ReceivedMail[]; arrived: (n: number) => Promise<void>; close: () => Promise<void> }> {
  const mails: ReceivedMail[] = [];
  const waiting: { n: number; resolve: () => void }[] = [];
  const arrived = (n: number) => new Promise<void>((resolve) => (mails.length >= n ? resolve() : waiting.push({ n, resolve })));
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        mails.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
        for (const w of waiting.filter((x) => mails.length >= x.n)) w.resolve();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return { url: `smtp://127.0.0.1:${port}`, mails, arrived, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

export interface GatewayCall {
  auth: string | undefined;
  body: { to: string; template: string; language: string; parameters: Record<string, string>; text: string; reference: string };
}

/** Answers 500 to the first `failures` calls, then 200. */
export async function startGateway(failures: number): Promise<{ url: string; calls: GatewayCall[]; close: () => Promise<void> }> {
  const calls: GatewayCall[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      calls.push({ auth: req.headers.authorization, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) });
      if (calls.length <= failures) {
        res.writeHead(500, { 'content-type': 'text/plain' }).end('gateway sibuk');
      } else {
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"accepted"}');
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/send`, calls, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** A worker on the database with a clock the test moves. */
export function testWorker(db: Db, config: AppConfig, start: DateTime = DateTime.utc()) {
  let now = start;
  const worker = createOutboxWorker({ db, config, logger: pino({ level: 'silent' }), now: () => now });
  return { worker, advance: (ms: number) => (now = now.plus({ milliseconds: ms })), setNow: (t: DateTime) => (now = t) };
}

export function outboxRows(db: Db) {
  return db.$client.prepare('SELECT * FROM outbox ORDER BY id').all() as Record<string, unknown>[];
}

/** The text of a MIME message: soft line breaks joined, quoted-printable and base64 parts decoded. */
export function decodedMail(raw: string): string {
  const qp = raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
  const base64Parts = [...raw.matchAll(/Content-Transfer-Encoding: base64\r?\n(?:[^\r\n]+\r?\n)*\r?\n([A-Za-z0-9+/=\r\n]+)/g)]
    .map((m) => Buffer.from(m[1].replace(/\s+/g, ''), 'base64').toString('utf8'));
  return Buffer.from(qp, 'latin1').toString('utf8') + '\n' + base64Parts.join('\n');
}
