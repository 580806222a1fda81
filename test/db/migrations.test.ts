import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDb, type Db } from '../../src/db/client.js';
import { migrateDb, MIGRATIONS_DIR } from '../../src/db/migrate.js';
import { countRequests } from '../../src/requests/requests.repo.js';
import { freshDb } from '../helpers/build-test-app.js';
import { makeRequest } from '../helpers/factories.js';

/** The migrations folder as it stood up to (and including) migration `lastTag`. */
function migrationsUpTo(lastTag: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ppid-migrations-'));
  fs.mkdirSync(path.join(dir, 'meta'));
  const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS_DIR, 'meta', '_journal.json'), 'utf8')) as { entries: { tag: string }[] };
  const last = journal.entries.findIndex((e) => e.tag === lastTag);
  expect(last).toBeGreaterThan(0);
  journal.entries = journal.entries.slice(0, last + 1);
  fs.writeFileSync(path.join(dir, 'meta', '_journal.json'), JSON.stringify(journal));
  for (const e of journal.entries) fs.copyFileSync(path.join(MIGRATIONS_DIR, `${e.tag}.sql`), path.join(dir, `${e.tag}.sql`));
  return dir;
}

const today = '2026-11-30';
const search = (db: Db, q: string) => countRequests(db, { q, today, dueSoonUntil: today });
// The search index's triggers (the counts table's own triggers come with a later migration).
const triggers = (db: Db) =>
  (db.$client.prepare(`select name from sqlite_schema where type = 'trigger' and tbl_name = 'requests' and name like 'requests_search_%' order by name`).all() as { name: string }[]).map((r) => r.name);
const indexes = (db: Db, table: string) =>
  (db.$client.prepare(`select name from sqlite_schema where type = 'index' and tbl_name = ? and name not like 'sqlite_%' order by name`).all(table) as { name: string }[]).map((r) => r.name);

/** A database at the state before the closed vocabularies, with a little of everything in it. */
function databaseBeforeClosedVocabularies(): Db {
  const db = openDb(':memory:');
  migrateDb(db, migrationsUpTo('0009_submissions'));
  db.$client.exec(`
    insert into users (id, username, display_name, role, password_hash, created_at) values (1, 'siti', 'Siti', 'officer', 'x', '2022-01-01T00:00:00Z');
    insert into api_tokens (user_id, name, token_hash, created_at) values (1, 'sistem', 'h1', '2022-01-01T00:00:00Z');
    insert into holidays (date, kind, name) values ('2022-03-03', 'holiday', 'Isra Mikraj');
    insert into requests (id, registration_number, registration_year, registration_seq, access_code, received_on, channel, requester_name,
      requester_type, requester_category, information_requested, obtain_method, delivery_method, original_due_on, due_on, created_by, created_at, updated_at)
      values (7, '007/PPID/III/2022', 2022, 7, 'ABCD-EFGH', '2022-03-01', 'email', 'Dewi Lestari Nugroho', 'individual', 'academic',
      'Data realisasi anggaran jembatan', 'softcopy', 'email', '2022-03-16', '2022-03-16', 1, '2022-03-01T00:00:00Z', '2022-03-01T00:00:00Z');
    insert into objections (id, request_id, registration_number, registration_year, registration_seq, filed_on, grounds, statement, filed_by,
      filing_deadline, response_due_on, created_by, created_at, updated_at)
      values (3, 7, '001/KEB/PPID/2022', 2022, 1, '2022-03-20', 'c', 'Tidak ditanggapi', 'requester', '2022-04-28', '2022-05-02', 1, '2022-03-20T00:00:00Z', '2022-03-20T00:00:00Z');
    insert into attachments (request_id, target, objection_id, kind, original_name, stored_name, size_bytes, media_type, sha256, uploaded_by, uploaded_at)
      values (7, 'objection', 3, 'objection_letter', 'surat.pdf', 'abc.pdf', 10, 'application/pdf', 'ff', 1, '2022-03-20T00:00:00Z');
  `);
  return db;
}

describe('migrating a database that holds data to the closed vocabularies (table rebuilds)', () => {
  it('when migrated, then every row, foreign key, index and search trigger is kept and search finds old and new requests', () => {
    const db = databaseBeforeClosedVocabularies();
    const triggersBefore = triggers(db);
    const indexesBefore = indexes(db, 'requests');
    expect(triggersBefore).toHaveLength(3);
    expect(search(db, 'lestari')).toBe(1);

    migrateDb(db);

    const count = (table: string) => (db.$client.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
    expect(['users', 'api_tokens', 'holidays', 'requests', 'objections', 'attachments'].map(count)).toEqual([1, 1, 1, 1, 1, 1]);
    expect(db.$client.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.$client.pragma('foreign_key_check')).toEqual([]);
    expect(triggers(db)).toEqual(triggersBefore);
    // Every index is still there (later migrations may add more).
    expect(indexes(db, 'requests')).toEqual(expect.arrayContaining(indexesBefore));
    // The old row is still found, and rows written after the rebuild reach the index.
    expect(search(db, 'lestari nug')).toBe(1);
    const added = makeRequest(db, { requesterName: 'Bagus Wicaksono', receivedOn: '2022-03-02' });
    expect(added.registrationNumber).toBe('008/PPID/III/2022');
    expect(search(db, 'wicaksono')).toBe(1);
    db.$client.prepare(`update requests set requester_name = 'Rina Amelia' where id = 7`).run();
    expect(search(db, 'lestari')).toBe(0);
    expect(search(db, 'amelia')).toBe(1);
    // A foreign key is enforced again.
    expect(() => db.$client.prepare(`delete from requests where id = 7`).run()).toThrow(/FOREIGN KEY/);
  });

  it('when a fresh database is migrated, then it has the same search triggers as a migrated old one', () => {
    expect(triggers(freshDb())).toEqual(['requests_search_delete', 'requests_search_insert', 'requests_search_update']);
  });

  it('when an old database holds a value outside a vocabulary, then the migration stops and leaves the database as it was', () => {
    const db = databaseBeforeClosedVocabularies();
    db.$client.exec(`update requests set channel = 'telegram' where id = 7`);
    let error: unknown;
    try {
      migrateDb(db);
    } catch (e) {
      error = e;
    }
    expect(String((error as { cause?: unknown } | undefined)?.cause)).toMatch(/CHECK constraint failed: requests_channel_check/);
    expect(db.$client.prepare(`select channel from requests where id = 7`).get()).toEqual({ channel: 'telegram' });
    expect(triggers(db)).toHaveLength(3);
    expect(db.$client.pragma('foreign_keys', { simple: true })).toBe(1);
  });
});
