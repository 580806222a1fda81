import { describe, it, expect } from 'vitest';
import { freshDb } from '../helpers/build-test-app.js';
import { intakeInput, makeRequest, testActor } from '../helpers/factories.js';
import { COUNT_CAP, listRequests } from '../../src/requests/requests.repo.js';
import { correctIntake } from '../../src/requests/requests.service.js';

const find = (db: ReturnType<typeof freshDb>, q: string) =>
  listRequests(db, { q, today: '2026-11-23', dueSoonUntil: '2026-11-25' }, 1, 50).rows.map((r) => r.requesterName);

describe('register free-text search', () => {
  it('finds words by their beginning in the name, the number or the information requested, in any case, and follows corrections', () => {
    const db = freshDb();
    makeRequest(db, { requesterName: 'Dewi Lestari', informationRequested: 'Realisasi DAK fisik 2021' });
    const r = makeRequest(db, { requesterName: 'Budi Santoso', informationRequested: 'APBD Kabupaten Bogor' });
    expect(find(db, 'lestar')).toEqual(['Dewi Lestari']);
    expect(find(db, 'kabupaten bog')).toEqual(['Budi Santoso']);
    expect(find(db, '002/PPID')).toEqual(['Budi Santoso']);
    expect(find(db, 'Bu')).toEqual(['Budi Santoso']);
    expect(find(db, 'DEWI  les')).toEqual(['Dewi Lestari']); // every word, any case and spacing
    expect(find(db, 'dew lestari')).toEqual([]); // only the last word may be cut short
    expect(find(db, 'dewi santoso')).toEqual([]);
    expect(find(db, '///')).toEqual([]);
    expect(find(db, '"; drop table requests; --')).toEqual([]);
    correctIntake({ db, actor: testActor, zone: 'Asia/Jakarta', id: r.id, input: intakeInput({ requesterName: 'Budi Hartono', informationRequested: 'APBD Kabupaten Bogor' }) });
    expect(find(db, 'hartono')).toEqual(['Budi Hartono']);
    expect(find(db, 'santoso')).toEqual([]);
  });
});

describe('register counts', () => {
  it('counts the register\'s own filters exactly past the cap (request_counts), free text up to the cap, then says there are more', () => {
    const db = freshDb();
    makeRequest(db);
    const columns = (db.$client.prepare('pragma table_info(requests)').all() as { name: string }[]).map((c) => c.name).filter((n) => n !== 'id');
    const copy = columns.map((c) => (c === 'registration_number' ? "registration_number || '-' || n" : c === 'registration_seq' ? 'null' : c)).join(', ');
    db.$client.prepare(`with recursive k(n) as (select 1 union all select n + 1 from k where n < ${COUNT_CAP + 5}) insert into requests (${columns.join(', ')}) select ${copy} from requests, k where requests.id = 1`).run();
    const page = listRequests(db, { today: '2026-11-23', dueSoonUntil: '2026-11-25' }, 1, 25);
    expect(page).toMatchObject({ total: COUNT_CAP + 6, totalCapped: false });
    expect(page.rows).toHaveLength(25);
    const words = listRequests(db, { q: 'Dewi', today: '2026-11-23', dueSoonUntil: '2026-11-25' }, 1, 25);
    expect(words).toMatchObject({ total: COUNT_CAP, totalCapped: true });
    expect(listRequests(db, { q: 'nothing-like-this', today: '2026-11-23', dueSoonUntil: '2026-11-25' }, 1, 25)).toMatchObject({ total: 0, totalCapped: false });
  });
});
