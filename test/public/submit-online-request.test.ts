import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it, expect, vi, afterEach } from 'vitest';
import { freshDb } from '../helpers/build-test-app.js';
import { intakeInput } from '../helpers/factories.js';
import { submitOnlineRequest, WEB_ACTOR, type OnlineRequestInput } from '../../src/public/submit-online-request.js';
import { AcceptedSubmissionLimit } from '../../src/public/submission-limit.js';
import { listAudit } from '../../src/audit/audit.repo.js';
import { AppError } from '../../src/shared/errors.js';
import type { Db } from '../../src/db/client.js';

const zone = 'Asia/Jakarta';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

afterEach(() => vi.useRealTimers());

function form(): OnlineRequestInput {
  const { receivedOn: _r, channel: _c, ...rest } = intakeInput();
  return rest;
}

/** A file as multer leaves it in the upload folder's tmp/. */
function incoming(uploadDir: string, name: string, content: Buffer) {
  const tmp = path.join(uploadDir, 'tmp');
  fs.mkdirSync(tmp, { recursive: true });
  const tempPath = path.join(tmp, `upload-${Math.random().toString(36).slice(2)}`);
  fs.writeFileSync(tempPath, content);
  return { tempPath, originalName: name, size: content.length };
}

const counts = (db: Db) => db.$client.prepare('select (select count(*) from requests) as requests, (select count(*) from attachments) as attachments').get();

describe('submitOnlineRequest (the online form as a use case)', () => {
  it('when a requester sends the form with a letter, then the request (website, new, received today) and its file are written and audited together', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2024-05-20T03:00:00Z'));
    const db = freshDb();
    const uploadDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ppid-online-'));
    const row = await submitOnlineRequest({
      db, actor: WEB_ACTOR, zone, uploadDir, input: form(),
      uploads: [{ kind: 'request_letter', file: incoming(uploadDir, 'surat.pdf', PDF) }],
    });
    expect(row).toMatchObject({ channel: 'website', source: 'web', receivedOn: '2024-05-20', openedAt: null, registrationNumber: '001/PPID/V/2024' });
    const attachments = db.$client.prepare('select * from attachments').all() as { request_id: number; stored_name: string; uploaded_by_public: number; kind: string }[];
    expect(attachments).toHaveLength(1);
    expect(attachments[0]).toMatchObject({ request_id: row.id, uploaded_by_public: 1, kind: 'request_letter' });
    expect(fs.existsSync(path.join(uploadDir, attachments[0].stored_name))).toBe(true);
    const actions = listAudit(db, {}, 1, 10).rows.map((a) => [a.action, a.actorLabel]);
    expect(actions).toEqual(expect.arrayContaining([['request.create', 'web'], ['attachment.upload', 'web']]));
  });

  it('when a file is refused, then nothing is written and the place is not used; when the address used its places, then it is refused', async () => {
    const db = freshDb();
    const uploadDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ppid-online-'));
    const limit = new AcceptedSubmissionLimit(1);
    const send = (content: Buffer) => submitOnlineRequest({
      db, actor: WEB_ACTOR, zone, uploadDir, input: form(), limit, address: '10.0.0.7',
      uploads: [{ kind: 'request_letter', file: incoming(uploadDir, 'surat.pdf', content) }],
    });

    await expect(send(Buffer.from('MZ not a pdf at all'))).rejects.toMatchObject({ code: 'validation' });
    expect(counts(db)).toEqual({ requests: 0, attachments: 0 });

    await send(PDF);
    const refused = await send(PDF).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).code).toBe('rate_limited');
    expect(counts(db)).toEqual({ requests: 1, attachments: 1 });
  });
});
