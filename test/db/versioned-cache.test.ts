/**
 * The register's cached totals (src/db/versioned-cache.ts, issue 20) must never be older than
 * the last committed change: made through the app, by another connection to the same file (the
 * CLI's import runs in its own process), or rolled back.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it, expect, afterEach } from 'vitest';
import { openDb, type Db } from '../../src/db/client.js';
import { migrateDb } from '../../src/db/migrate.js';
import { seedDatabase } from '../../src/setup/seed.js';
import { freshDb } from '../helpers/build-test-app.js';
import { makeRequest, testActor } from '../helpers/factories.js';
import { registerPage } from '../../src/requests/register.query.js';
import { decideRequest } from '../../src/requests/requests.service.js';
import { decisionInput } from '../helpers/factories.js';
import { cachedUntilChanged } from '../../src/db/versioned-cache.js';
import { getSettings, setSetting } from '../../src/settings/settings.repo.js';
import { loadCalendar } from '../../src/calendar/holidays.service.js';
import { insertHoliday } from '../../src/calendar/holidays.repo.js';
import { isWorkingDay } from '../../src/calendar/working-days.js';
import { activeOptions, listItems, requireActiveCode, updateListItem } from '../../src/desk/desk-config.js';
import type { DeskListItemRow } from '../../src/db/schema.js';

const zone = 'Asia/Jakarta';
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function fileDb(): { file: string; db: Db } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ppid-versioned-'));
  dirs.push(dir);
  const file = path.join(dir, 'ppid.db');
  const db = openDb(file);
  migrateDb(db);
  seedDatabase(db);
  return { file, db };
}

const totals = (db: Db, filter: Parameters<typeof registerPage>[0]['filter']) => {
  const p = registerPage({ db, zone, filter, page: 1 });
  return { total: p.total, open: p.workload.open, years: p.years };
};

describe('cached register totals', () => {
  it('when another connection adds and decides requests, then the next page shows the new totals, tiles and years', () => {
    const { file, db } = fileDb();
    makeRequest(db, { receivedOn: '2022-03-01' });
    expect(totals(db, { year: 2022 })).toEqual({ total: 1, open: 1, years: [2022] });
    expect(totals(db, { year: 2022 })).toEqual({ total: 1, open: 1, years: [2022] });

    const other = openDb(file);
    const added = makeRequest(other, { receivedOn: '2023-05-02' });
    makeRequest(other, { receivedOn: '2022-03-03' });
    expect(totals(db, { year: 2022 })).toEqual({ total: 2, open: 3, years: [2023, 2022] });
    expect(totals(db, { year: 2023, status: 'open' })).toEqual({ total: 1, open: 3, years: [2023, 2022] });

    decideRequest({ db: other, actor: testActor, zone, id: added.id, input: decisionInput({ decidedOn: '2023-05-10' }) });
    expect(totals(db, { year: 2023, status: 'open' })).toEqual({ total: 0, open: 2, years: [2023, 2022] });
    other.$client.close();
    db.$client.close();
  });

  it('when a transaction that changed requests rolls back, then nothing it saw is kept', () => {
    const db = freshDb();
    makeRequest(db, { receivedOn: '2022-03-01' });
    expect(totals(db, { year: 2022 }).total).toBe(1);
    expect(() =>
      db.transaction((tx) => {
        makeRequest(tx as unknown as Db, { receivedOn: '2022-03-02' });
        expect(totals(tx as unknown as Db, { year: 2022 }).total).toBe(2);
        throw new Error('rolled back');
      }),
    ).toThrow('rolled back');
    expect(totals(db, { year: 2022 }).total).toBe(1);
    makeRequest(db, { receivedOn: '2022-03-04' });
    expect(totals(db, { year: 2022 }).total).toBe(2);
  });

  it('when a setting is changed by another connection or inside a transaction that rolls back, then getSettings follows the committed value', () => {
    const { file, db } = fileDb();
    expect(getSettings(db).office_name).not.toBe('Dinas Uji');
    const other = openDb(file);
    setSetting(other, 'office_name', 'Dinas Uji');
    expect(getSettings(db).office_name).toBe('Dinas Uji');
    expect(() =>
      db.transaction((tx) => {
        setSetting(tx, 'office_name', 'Dinas Batal');
        expect(getSettings(tx).office_name).toBe('Dinas Batal');
        throw new Error('rolled back');
      }),
    ).toThrow('rolled back');
    expect(getSettings(db).office_name).toBe('Dinas Uji');
    expect(getSettings(other).office_name).toBe('Dinas Uji');
    other.$client.close();
    db.$client.close();
  });

  it('when nothing changed, then the value computed first is given again without computing', () => {
    const db = freshDb();
    let computed = 0;
    const value = () => cachedUntilChanged(db, 'requests', 'test', () => ++computed);
    expect([value(), value(), value()]).toEqual([1, 1, 1]);
    makeRequest(db, {});
    expect([value(), value()]).toEqual([2, 2]);
  });

});

describe('cached calendar and desk configuration', () => {
  it('when another connection adds a holiday or turns cuti bersama into working days, then the next deadline counts with it', () => {
    const { file, db } = fileDb();
    const monday = '2031-03-03'; // outside the official calendar's years: a plain working day
    expect(isWorkingDay(monday, loadCalendar(db))).toBe(true);
    const other = openDb(file);
    insertHoliday(other, { date: monday, kind: 'collective_leave', name: 'Cuti bersama uji' });
    expect(isWorkingDay(monday, loadCalendar(db))).toBe(false);
    setSetting(other, 'collective_leave_is_working_day', '1');
    expect(isWorkingDay(monday, loadCalendar(db))).toBe(true);
    other.$client.close();
    db.$client.close();
  });

  it('when a holiday change rolls back, then the calendar is the one before it', () => {
    const db = freshDb();
    const monday = '2031-03-03';
    expect(() =>
      db.transaction((tx) => {
        insertHoliday(tx, { date: monday, kind: 'holiday', name: 'Batal' });
        expect(isWorkingDay(monday, loadCalendar(tx))).toBe(false);
        throw new Error('rolled back');
      }),
    ).toThrow('rolled back');
    expect(isWorkingDay(monday, loadCalendar(db))).toBe(true);
  });

  it('when another connection deactivates a desk channel, then intake refuses it at once; the kept lists cannot be changed in place', () => {
    const { file, db } = fileDb();
    const phone = listItems(db, 'channel').find((i) => i.code === 'phone')!;
    expect(activeOptions(db, 'channel')).toHaveProperty('phone');
    const other = openDb(file);
    updateListItem({ db: other, actor: testActor, id: phone.id, label: phone.label, active: false });
    expect(activeOptions(db, 'channel')).not.toHaveProperty('phone');
    expect(() => requireActiveCode(db, 'channel', 'phone')).toThrow(expect.objectContaining({ fields: { channel: expect.stringMatching(/tidak aktif/) } }));
    expect(() => {
      (listItems(db, 'channel') as DeskListItemRow[]).pop();
    }).toThrow(TypeError);
    other.$client.close();
    db.$client.close();
  });
});

