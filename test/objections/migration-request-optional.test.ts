/**
 * The migration that makes an objection's request optional (ground b needs none) rebuilds the
 * objections table (SQLite cannot drop NOT NULL in place). Run it on a database holding data:
 * rows, numbering, indexes and the attachments that point at objections survive.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it, expect } from 'vitest';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { openDb } from '../../src/db/client.js';
import { MIGRATIONS_DIR, migrateDb } from '../../src/db/migrate.js';
import { seedDatabase } from '../../src/setup/seed.js';
import { makeRequest, testActor } from '../helpers/factories.js';
import { decideRequest } from '../../src/requests/requests.service.js';
import { fileObjection, getObjection } from '../../src/objections/objections.service.js';

const zone = 'Asia/Jakarta';

/** A copy of the migrations folder holding only those before `tag`. */
function migrationsBefore(tag: string): string {
  const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS_DIR, 'meta/_journal.json'), 'utf8')) as { entries: { idx: number; tag: string }[] };
  const stop = journal.entries.find((e) => e.tag.endsWith(tag));
  if (!stop) throw new Error(`no migration ${tag}`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ppid-migrations-'));
  fs.mkdirSync(path.join(dir, 'meta'));
  const kept = journal.entries.filter((e) => e.idx < stop.idx);
  fs.writeFileSync(path.join(dir, 'meta/_journal.json'), JSON.stringify({ ...journal, entries: kept }));
  for (const e of kept) fs.copyFileSync(path.join(MIGRATIONS_DIR, `${e.tag}.sql`), path.join(dir, `${e.tag}.sql`));
  return dir;
}

describe('migration: objections without a request', () => {
  it('when a database with objections and their files is migrated, then rows, numbers, indexes and links survive', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ppid-mig-')), 'ppid.db');
    const old = openDb(file, { auditKey: 'k'.repeat(40) });
    migrate(old, { migrationsFolder: migrationsBefore('objection_request_optional') });
    const c = old.$client;
    c.prepare(`insert into requests (registration_number, registration_year, registration_seq, access_code, received_on, channel, requester_name,
      requester_type, requester_category, information_requested, obtain_method, delivery_method, original_due_on, due_on, created_at, updated_at, outcome, decided_on, reason_exempt)
      values ('001/PPID/III/2022', 2022, 1, 'ABCD-EFGH', '2022-03-01', 'email', 'Dewi', 'individual', 'academic', 'Data', 'softcopy', 'email', '2022-03-15', '2022-03-15', 'x', 'x', 'rejected', '2022-03-08', 1)`).run();
    const insertObjection = c.prepare(`insert into objections (request_id, registration_number, registration_year, registration_seq, filed_on, grounds, statement, filed_by,
      responded_on, result, reasoning, dispute_registered_on, dispute_case_number, dispute_result, filing_deadline, late, response_due_on, created_at, updated_at)
      values (1, ?, 2022, ?, '2022-03-20', 'a', 'Bukan rahasia', 'requester', ?, ?, ?, ?, ?, ?, '2022-04-22', 0, '2022-05-10', 'x', 'x')`);
    insertObjection.run('001/KEB/PPID/2022', 1, '2022-03-25', 'rejected', 'Tetap', '2022-04-05', '012/REG-PSI/IV/2022', 'pending');
    insertObjection.run('002/KEB/PPID/2022', 2, null, null, '', null, '', null);
    c.prepare(`insert into attachments (request_id, target, objection_id, kind, original_name, stored_name, size_bytes, media_type, sha256, uploaded_at)
      values (1, 'objection', 1, 'other', 'surat.pdf', 'abc.pdf', 10, 'application/pdf', 'ff', 'x')`).run();
    const before = c.prepare('select * from objections order by id').all();

    migrateDb(old);

    const after = c.prepare('select * from objections order by id').all() as Record<string, unknown>[];
    expect(after.map((r) => Object.fromEntries(Object.keys(before[0] as object).map((k) => [k, r[k]])))).toEqual(before);
    expect(after[0]).toMatchObject({ objector_name: '', requester_response: null, dispute_late: 0 });
    expect(c.pragma('foreign_key_check')).toEqual([]);
    expect(c.prepare("select objection_id from attachments").get()).toEqual({ objection_id: 1 });
    const indexes = (c.prepare("select name from sqlite_master where type = 'index' and tbl_name = 'objections'").all() as { name: string }[]).map((r) => r.name).sort();
    expect(indexes).toEqual(expect.arrayContaining(['objections_filed_idx', 'objections_open_idx', 'objections_registration_number_unique', 'objections_request_idx', 'objections_year_seq_idx']));
    // The open-objection count names its partial index: it must still be there and used.
    expect(c.prepare('select count(*) as n from objections indexed by objections_open_idx where responded_on is null').get()).toEqual({ n: 1 });
    expect(() => c.prepare("insert into objections (request_id, registration_number, registration_year, registration_seq, filed_on, grounds, statement, filed_by, filing_deadline, response_due_on, created_at, updated_at) values (1, '001/KEB/PPID/2022', 2022, 9, '2022-03-20', 'a', 'x', 'requester', 'x', 'x', 'x', 'x')").run()).toThrow(/UNIQUE/);

    // The app goes on numbering after the kept objections.
    seedDatabase(old);
    const r = makeRequest(old, { receivedOn: '2022-03-01' });
    decideRequest({ db: old, actor: testActor, zone, id: r.id, input: { decidedOn: '2022-03-08', provideOn: '2022-03-08', givenForm: "softcopy" as const, redactedParts: "NIK dihitamkan", heldBy: "Dinas Sosial", outcome: 'rejected', reasons: ['exempt'], exemptionArticles: ['h'], exemptionWhileProtected: true, exemptionBasis: 'UU 14/2008 Pasal 17', consequenceTest: 'x', reasonNote: '', noticeNote: '', feeRupiah: 0, correctionNote: '' } });
    const o = fileObjection({ db: old, actor: testActor, zone, requestId: r.id, input: { filedOn: '2022-03-20', grounds: ['a'], statement: 'x', filedBy: 'requester', proxyName: '', lateNote: '' } });
    expect(getObjection(old, o.id)).toMatchObject({ id: 3, registrationNumber: '003/KEB/PPID/2022' });
    old.$client.close();
  });
});
