/**
 * The keyed, anchored audit chain: an edit with hashes recomputed without the key fails; cutting
 * the newest entries off fails against the anchors; rewriting after an anchor fails too.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it, expect } from 'vitest';
import { runCli } from '../../src/cli.js';
import type { CliIo } from '../../src/context.js';
import { cliContext } from '../helpers/cli.js';
import { freshDb, buildTestApp } from '../helpers/build-test-app.js';
import { loginAs } from '../helpers/login-as.js';
import { makeRequest } from '../helpers/factories.js';
import { GENESIS_HASH, listAudit, recordEvent, rekeyLegacyChain, verifyChain } from '../../src/audit/audit.repo.js';
import { anchorChain, anchorFile, readAnchors } from '../../src/audit/anchors.js';
import { openDb, type Db } from '../../src/db/client.js';
import { migrateDb } from '../../src/db/migrate.js';

const actor = { userId: null, label: 'test' };
const note = (db: Db, summary: string) => recordEvent(db, actor, { action: 'settings.update', entityType: 'note', summary });

function fakeIo() {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (l) => out.push(l), err: (l) => err.push(l), readStdin: async () => '' };
  return { io, out, err };
}

/** A data folder of its own for the CLI (anchors live there). */
function useDataDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'ppid-anchor-'));
}

type Row = { id: number; at: string; actor_user_id: number | null; actor_label: string; action: string; entity_type: string; entity_id: string | null; summary: string; before: string | null; after: string | null; prev_hash: string; hash: string };

/** What someone with write access to the database but without the key would do: recompute with plain SHA-256. */
function rewriteWithSha256(db: Db, fromId: number) {
  const rows = db.$client.prepare('select * from audit_log where id >= ? order by id').all(fromId) as Row[];
  let prev = (db.$client.prepare('select hash from audit_log where id < ? order by id desc limit 1').get(fromId) as { hash: string } | undefined)?.hash ?? GENESIS_HASH;
  for (const r of rows) {
    const hash = crypto.createHash('sha256').update(JSON.stringify([r.at, r.actor_user_id, r.actor_label, r.action, r.entity_type, r.entity_id, r.summary, r.before, r.after, prev])).digest('hex');
    db.$client.prepare('update audit_log set prev_hash = ?, hash = ? where id = ?').run(prev, hash, r.id);
    prev = hash;
  }
}

describe('keyed audit chain', () => {
  it('when nothing was touched, then the chain verifies with its key and reports what is not yet anchored', async () => {
    const dir = useDataDir();
    const db = freshDb();
    for (let i = 0; i < 5; i++) note(db, `n${i}`);
    const total = listAudit(db, {}, 1, 1).total;

    const anchor = await runCli(['audit', 'anchor'], cliContext(db, { dataDir: dir }), fakeIo().io);
    note(db, 'after the anchor');
    note(db, 'and another');
    const { io, out } = fakeIo();

    expect(anchor).toBe(0);
    expect(await runCli(['audit', 'verify'], cliContext(db, { dataDir: dir }), io)).toBe(0);
    expect(out[0]).toBe(`OK: ${total + 2} entri. 1 jangkar cocok (terakhir #${total}); 2 entri belum dijangkarkan.`);
    expect(verifyChain(db, readAnchors(anchorFile(dir)))).toMatchObject({ ok: true, anchors: 1, lastAnchoredSeq: total, unanchored: 2 });
  });

  it('when `audit anchor` runs, then it appends one line (time, sequence, hash) to the anchor file, mode 0600, and not twice for the same head', async () => {
    const dir = useDataDir();
    const db = freshDb();
    const last = note(db, 'x');
    const { io, out } = fakeIo();

    expect(await runCli(['audit', 'anchor'], cliContext(db, { dataDir: dir }), io)).toBe(0);
    expect(await runCli(['audit', 'anchor'], cliContext(db, { dataDir: dir }), fakeIo().io)).toBe(0);

    const lines = fs.readFileSync(anchorFile(dir), 'utf8').trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^\\d{4}-\\d\\d-\\d\\dT[^\\t]+\\t${last.id}\\t${last.hash}\\tcli$`));
    expect(out[0]).toContain(`#${last.id} · ${last.hash.slice(0, 12)}`);
    expect(fs.statSync(anchorFile(dir)).mode & 0o777).toBe(0o600);
  });

  it('when the newest entries are deleted after an anchor, then verify fails: the chain is shorter than the anchor', async () => {
    const dir = useDataDir();
    const db = freshDb();
    for (let i = 0; i < 4; i++) note(db, `n${i}`);
    const anchored = note(db, 'anchored');
    expect(await runCli(['audit', 'anchor'], cliContext(db, { dataDir: dir }), fakeIo().io)).toBe(0);

    db.$client.prepare('delete from audit_log where id >= ?').run(anchored.id - 1);
    const { io, err } = fakeIo();

    expect(await runCli(['audit', 'verify'], cliContext(db, { dataDir: dir }), io)).toBe(1);
    expect(err[0]).toContain(`RUSAK: entri #${anchored.id}: Rantai lebih pendek dari jangkar`);
    expect(verifyChain(db, readAnchors(anchorFile(dir))).firstBroken?.kind).toBe('truncated');
    // Without the anchor the cut would not show: that is what the anchor is for.
    expect(verifyChain(db).ok).toBe(true);
  });

  it('when a row is edited and every later hash recomputed with plain SHA-256 (no key), then verify fails at that row', () => {
    const db = freshDb();
    note(db, 'a');
    const edited = note(db, 'b');
    note(db, 'c');
    db.$client.prepare("update audit_log set summary = 'diubah' where id = ?").run(edited.id);
    rewriteWithSha256(db, edited.id);

    const report = verifyChain(db);

    expect(report.ok).toBe(false);
    expect(report.firstBroken).toMatchObject({ id: edited.id, kind: 'content' });
  });

  it('when the log is rewritten after an anchor even with the right key, then the anchor catches it', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ppid-anchor-'));
    const db = freshDb();
    note(db, 'a');
    const edited = note(db, 'b');
    anchorChain(db, anchorFile(dir), 'test');
    // Rewrite entry and chain with the connection's own key: recordEvent's hashes, through the API.
    db.$client.prepare('delete from audit_log where id >= ?').run(edited.id);
    db.$client.prepare("delete from sqlite_sequence where name = 'audit_log'").run();
    note(db, 'b, but different');

    const report = verifyChain(db, readAnchors(anchorFile(dir)));

    expect(report.firstBroken).toMatchObject({ id: edited.id, kind: 'anchor' });
  });

  it('when a v0.1.0 chain (unkeyed SHA-256) is opened, then it is re-keyed once with an audited entry; not when anchors exist', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ppid-legacy-'));
    const db = openDb(path.join(dir, 'ppid.db'));
    migrateDb(db);
    note(db, 'old 1');
    note(db, 'old 2');
    rewriteWithSha256(db, 1);
    expect(verifyChain(db).ok).toBe(false);
    expect(rekeyLegacyChain(db, true)).toBe(0);

    expect(rekeyLegacyChain(db, false)).toBe(2);

    expect(verifyChain(db)).toMatchObject({ ok: true, checked: 3 });
    expect(listAudit(db, { action: 'audit.rekey' }, 1, 5).rows[0]).toMatchObject({ actorLabel: 'system' });
    expect(rekeyLegacyChain(db, false)).toBe(0);
    // A broken old chain is left for `audit verify` to report.
    const broken = openDb(path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ppid-legacy-')), 'ppid.db'));
    migrateDb(broken);
    note(broken, 'a');
    note(broken, 'b');
    rewriteWithSha256(broken, 1);
    broken.$client.prepare("update audit_log set summary = 'x' where id = 2").run();
    expect(rekeyLegacyChain(broken, false)).toBe(0);
    db.$client.close();
    broken.$client.close();
  });
});

describe('anchors on the recap and the verify page', () => {
  it('when the recap is downloaded or viewed for printing, then the head is anchored and the page footer shows it', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ppid-anchor-'));
    const { app, db } = buildTestApp({ dataDir });
    makeRequest(db);
    const { agent } = await loginAs(app, db, 'auditor');

    await agent.get('/recap/2022.csv').expect(200);
    const afterCsv = readAnchors(anchorFile(dataDir));
    const page = await agent.get('/recap?year=2022').expect(200);
    await agent.get('/recap/2022.xlsx').expect(200);

    expect(afterCsv).toHaveLength(1);
    const anchors = readAnchors(anchorFile(dataDir));
    const last = anchors.at(-1)!;
    expect(page.text).toContain(`Jangkar log audit: #${last.seq} · ${last.hash.slice(0, 12)}`);
    const verify = await agent.get('/audit/verify').expect(200);
    expect(verify.text).toContain('jangkar cocok');
    expect(verify.text).toContain('entri belum dijangkarkan');
  });

  it('when the newest entries were cut after an anchor, then the page Log audit → Verifikasi says the chain is broken', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ppid-anchor-'));
    const { app, db } = buildTestApp({ dataDir });
    const { agent } = await loginAs(app, db, 'auditor');
    const head = note(db, 'x');
    anchorChain(db, anchorFile(dataDir), 'test');
    db.$client.prepare('delete from audit_log where id = ?').run(head.id);

    const res = await agent.get('/audit/verify').expect(200);

    expect(res.text).toContain('Rantai log rusak');
    expect(res.text).toContain('Rantai lebih pendek dari jangkar');
  });
});
