/**
 * Group commit (src/db/group-commit.ts, issue 20): writes queued together share one COMMIT, and
 * each caller hears back only once that COMMIT is done; a failing write takes only itself down,
 * a failing COMMIT takes the whole group down and keeps nothing.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it, expect, afterEach } from 'vitest';
import { openDb, type Db } from '../../src/db/client.js';
import { commitWithOthers } from '../../src/db/group-commit.js';

const dirs: string[] = [];
const opened: Db[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.$client.close();
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

/** Two connections to one file: the app's and an outsider's (a CLI, a backup). */
function twoConnections(): { app: Db; outside: Db } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ppid-group-'));
  dirs.push(dir);
  const file = path.join(dir, 'x.db');
  const app = openDb(file, { auditKey: 'k' });
  app.$client.exec('create table parent (id integer primary key); create table child (id integer primary key, parent_id integer references parent(id))');
  const outside = openDb(file, { auditKey: 'k' });
  opened.push(app, outside);
  return { app, outside };
}

const insert = (db: Db, id: number) => () => {
  db.$client.prepare('insert into parent (id) values (?)').run(id);
  return id;
};
const idsIn = (db: Db) => (db.$client.prepare('select id from parent order by id').all() as { id: number }[]).map((r) => r.id);

describe('commitWithOthers', () => {
  it('runs writes queued together in one transaction, visible to others only once all are committed', async () => {
    const { app, outside } = twoConnections();
    const seenOutside: number[][] = [];
    const seenInside: number[][] = [];
    const results = Promise.all([
      commitWithOthers(app, insert(app, 1)),
      commitWithOthers(app, () => {
        seenInside.push(idsIn(app));
        seenOutside.push(idsIn(outside));
        return insert(app, 2)();
      }),
      commitWithOthers(app, insert(app, 3)),
    ]);
    // Nothing has run yet: the group waits for the end of this turn of the event loop.
    expect(idsIn(app)).toEqual([]);
    expect(await results).toEqual([1, 2, 3]);
    expect(seenInside).toEqual([[1]]);
    expect(seenOutside).toEqual([[]]);
    expect(idsIn(outside)).toEqual([1, 2, 3]);
    expect(app.$client.inTransaction).toBe(false);
  });

  it('rolls back only the write that fails; the others of its group are kept', async () => {
    const { app, outside } = twoConnections();
    const failing = commitWithOthers(app, () => {
      insert(app, 2)();
      throw new Error('refused');
    });
    const [one, three] = await Promise.all([commitWithOthers(app, insert(app, 1)), commitWithOthers(app, insert(app, 3)), failing.catch(() => 'caught')]);
    expect([one, three]).toEqual([1, 3]);
    await expect(failing).rejects.toThrow('refused');
    expect(idsIn(outside)).toEqual([1, 3]);
  });

  it('fails every write of the group when the COMMIT fails, and keeps none of them', async () => {
    const { app, outside } = twoConnections();
    app.$client.pragma('foreign_keys = ON');
    // A deferred foreign key is checked at COMMIT: the group's COMMIT is refused.
    const dangling = () => {
      app.$client.pragma('defer_foreign_keys = ON');
      app.$client.prepare('insert into child (id, parent_id) values (1, 99)').run();
    };
    const all = [commitWithOthers(app, insert(app, 1)), commitWithOthers(app, dangling), commitWithOthers(app, insert(app, 2))];
    const settled = await Promise.allSettled(all);
    expect(settled.map((s) => s.status)).toEqual(['rejected', 'rejected', 'rejected']);
    expect(idsIn(outside)).toEqual([]);
    expect(app.$client.inTransaction).toBe(false);
    // The connection is usable again.
    expect(await commitWithOthers(app, insert(app, 5))).toBe(5);
    expect(idsIn(outside)).toEqual([5]);
  });

  it('runs the earlier writes again when SQLite drops the whole transaction under a later one', async () => {
    const { app, outside } = twoConnections();
    let runsOfFirst = 0;
    const first = commitWithOthers(app, () => {
      runsOfFirst++;
      return insert(app, 1)();
    });
    // What a full disk or an I/O error does: SQLite rolls the whole transaction back.
    const dropping = commitWithOthers(app, () => {
      app.$client.exec('ROLLBACK');
      throw new Error('disk full');
    });
    const last = commitWithOthers(app, insert(app, 3));
    await expect(dropping).rejects.toThrow('disk full');
    expect(await first).toBe(1);
    expect(await last).toBe(3);
    expect(runsOfFirst).toBe(2);
    expect(idsIn(outside)).toEqual([1, 3]);
  });

  it('keeps its savepoint journals in memory during the group only, so large sorts elsewhere may still spill to disk', async () => {
    const { app } = twoConnections();
    const tempStore = () => app.$client.pragma('temp_store', { simple: true });
    const during = await commitWithOthers(app, tempStore);
    expect(during).toBe(2); // MEMORY
    expect(tempStore()).toBe(0); // DEFAULT
    await commitWithOthers(app, () => {
      throw new Error('refused');
    }).catch(() => undefined);
    expect(tempStore()).toBe(0);
  });

  it('never drops a temporary table: with one open, its journals stay where SQLite puts them', async () => {
    const { app, outside } = twoConnections();
    app.$client.exec('create temp table watched (id integer)');
    app.$client.exec('insert into watched values (7)');
    const during = await commitWithOthers(app, () => {
      insert(app, 1)();
      return app.$client.pragma('temp_store', { simple: true });
    });
    expect(during).toBe(0);
    expect(app.$client.prepare('select id from temp.watched').all()).toEqual([{ id: 7 }]);
    expect(idsIn(outside)).toEqual([1]);
  });

  it('starts a new group for writes queued after the last one ran', async () => {
    const { app, outside } = twoConnections();
    await commitWithOthers(app, insert(app, 1));
    expect(idsIn(outside)).toEqual([1]);
    await commitWithOthers(app, insert(app, 2));
    expect(idsIn(outside)).toEqual([1, 2]);
  });
});
