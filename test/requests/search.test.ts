import { describe, it, expect } from 'vitest';
import { freshDb } from '../helpers/build-test-app.js';
import { intakeInput, makeRequest, testActor } from '../helpers/factories.js';
import { listRequests } from '../../src/requests/requests.repo.js';
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
