import { describe, expect, it } from 'vitest';
import { freshDb } from '../helpers/build-test-app.js';
import { makeRequest, testActor } from '../helpers/factories.js';
import { fileObjection } from '../../src/objections/objections.service.js';
import { decideRequest } from '../../src/requests/requests.service.js';

/** A database with one user, one decided request, one objection and one attachment. */
function world() {
  const db = freshDb();
  db.$client.prepare(`insert into users (username, display_name, role, password_hash, created_at) values ('siti', 'Siti', 'officer', 'x', '2022-01-01T00:00:00Z')`).run();
  const r = makeRequest(db);
  decideRequest({
    db, actor: testActor, zone: 'Asia/Jakarta', id: r.id,
    input: { decidedOn: '2022-03-08', provideOn: '2022-03-08', givenForm: "softcopy" as const, redactedParts: "NIK dihitamkan", heldBy: "Dinas Sosial", outcome: 'rejected', reasons: ['exempt'], exemptionArticles: ['h'], exemptionWhileProtected: true, exemptionBasis: 'UU 14/2008 Pasal 17', consequenceTest: 'Memuat NIK', reasonNote: '', noticeNote: '', feeRupiah: 0, correctionNote: '' },
  });
  const o = fileObjection({ db, actor: testActor, zone: 'Asia/Jakarta', requestId: r.id, input: { filedOn: '2022-03-20', grounds: ['a'], statement: 'Keberatan', filedBy: 'requester', proxyName: '', lateNote: '' } });
  db.$client.prepare(`insert into attachments (request_id, kind, original_name, stored_name, size_bytes, media_type, sha256, uploaded_at) values (?, 'request_letter', 'a.pdf', 'a1.pdf', 1, 'application/pdf', 'ff', '2022-03-01T00:00:00Z')`).run(r.id);
  return { db, requestId: r.id, objectionId: o.id };
}

describe('closed vocabularies in the database', () => {
  const cases: [table: string, column: string, bad: string][] = [
    ['users', 'role', 'superadmin'],
    ['holidays', 'kind', 'libur'],
    ['requests', 'channel', 'telegram'],
    ['requests', 'requester_type', 'robot'],
    ['requests', 'requester_category', 'partai'],
    ['requests', 'obtain_method', 'fotokopi'],
    ['requests', 'delivery_method', 'drone'],
    ['requests', 'outcome', 'granted'],
    ['requests', 'void_reason', 'bosan'],
    ['requests', 'source', 'fax'],
    ['objections', 'filed_by', 'tetangga'],
    ['objections', 'result', 'accepted'],
    ['objections', 'dispute_result', 'won'],
    ['attachments', 'kind', 'selfie'],
    ['attachments', 'target', 'user'],
  ];
  it.each(cases)('when %s.%s is set to "%s", then the database refuses it and keeps the value', (table, column, bad) => {
    const { db } = world();
    const before = db.$client.prepare(`select ${column} as v from ${table} limit 1`).get();
    expect(() => db.$client.prepare(`update ${table} set ${column} = ?`).run(bad)).toThrow(new RegExp(`CHECK constraint failed: ${table}_${column}_check`));
    expect(db.$client.prepare(`select ${column} as v from ${table} limit 1`).get()).toEqual(before);
  });

  it('when a nullable vocabulary column is left empty, then it is accepted', () => {
    const { db, requestId, objectionId } = world();
    expect(db.$client.prepare(`update requests set void_reason = null where id = ?`).run(requestId).changes).toBe(1);
    expect(db.$client.prepare(`update objections set result = null, dispute_result = null where id = ?`).run(objectionId).changes).toBe(1);
  });
});
