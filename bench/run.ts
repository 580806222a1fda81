/**
 * `npm run bench [-- --requests 1000000 --consultations 1000000]`: generates a register and the
 * consultation desk's history into a fresh database file and measures on it, each HTTP figure
 * beside a bare Express + better-sqlite3 route doing the same work (bench/bare-server.ts) in the
 * same run, as a ratio with its target. A script, not a test: it prints one table and writes
 * bench/results.json.
 */
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { execSync, spawn, type ChildProcess } from 'node:child_process';
import { generateRegister } from './generate.js';
import { runLoad, type LoadResult } from './load.js';
import { buildRecap, buildRecapTable } from '../src/recap/recap.service.js';
import { createToken, createUser } from '../src/auth/auth.service.js';
import { apiIntakeBody } from '../test/helpers/factories.js';
import { freePort, START_ARGS, startServer } from '../test/helpers/server-process.js';
import { todayIn } from '../src/shared/dates.js';
import { benchImportExport } from './import-export.js';
import { generateDesk } from './generate-desk.js';
import { buildServiceReport } from '../src/reports/service/service-report.service.js';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const { values } = parseArgs({
  options: {
    requests: { type: 'string', default: '100000' },
    consultations: { type: 'string', default: '100000' },
    seconds: { type: 'string', default: '5' },
    concurrency: { type: 'string', default: '10' },
    'import-rows': { type: 'string', default: '100000' },
    warmup: { type: 'string', default: '2' },
  },
});
const N = Number(values.requests);
const CONSULTATIONS = Number(values.consultations);
const ZONE = 'Asia/Jakarta';
const SECONDS = Number(values.seconds);
const CONCURRENCY = Number(values.concurrency);
const IMPORT_ROWS = Number(values['import-rows']);
const WARMUP = Number(values.warmup);
const today = todayIn('Asia/Jakarta');
const lastYear = Number(today.slice(0, 4));

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}
/** Median times of `a` and `b`, run alternately so that drift on a busy machine hits both alike. */
function timeBoth(a: () => unknown, b: () => unknown, runs: number): [number, number] {
  a();
  b();
  const ta: number[] = [];
  const tb: number[] = [];
  for (let i = 0; i < runs; i++) {
    let t0 = performance.now();
    a();
    ta.push(performance.now() - t0);
    t0 = performance.now();
    b();
    tb.push(performance.now() - t0);
  }
  return [median(ta), median(tb)];
}
const ms = (x: number) => `${x.toFixed(x < 10 ? 2 : 1)} ms`;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ppid-bench-'));
const rows: [string, string, string, string][] = [];
const machine = {
  cpuModel: os.cpus()[0]?.model ?? 'unknown', cores: os.availableParallelism(), memoryGb: Math.round(os.totalmem() / 2 ** 30 * 10) / 10,
  node: process.version, platform: `${os.type()} ${os.release()}`,
};
const results: Record<string, unknown> = { at: new Date().toISOString(), requests: N, consultations: CONSULTATIONS, machine, options: { seconds: SECONDS, concurrency: CONCURRENCY, warmupSeconds: WARMUP } };
let server: ChildProcess | undefined;
let bareServer: ChildProcess | undefined;
// The load generator (this process) on core 0, the servers on the others, where there are others.
const pinning = os.availableParallelism() >= 2 && hasTaskset() ? { bench: '0', servers: `1-${os.availableParallelism() - 1}` } : null;
if (pinning) pin(process.pid, pinning.bench);
results.pinning = pinning ?? 'none (fewer than 2 cores or no taskset)';
if (N < 1_000_000 || CONSULTATIONS < 1_000_000) results.note = 'small run: a development check, not the full 1,000,000-row benchmark';
try {
  // 1. Generate.
  const t0 = performance.now();
  const g = generateRegister({ file: path.join(dir, 'ppid.db'), requests: N, lastYear, years: 10, until: today });
  const genSeconds = (performance.now() - t0) / 1000;
  rows.push(['generate', `${g.requests} requests, ${g.objections} objections`, `${genSeconds.toFixed(1)} s`, '']);
  results.generate = { requests: g.requests, objections: g.objections, seconds: genSeconds };
  const { db } = g;
  const verdict = (met: boolean, target: string) => `${target} — ${met ? 'met' : 'MISSED'}`;

  // 2. The recap through the app's service beside a bare GROUP BY on the same rows.
  const year = g.busiestYear;
  const bare = db.$client.prepare(`
    with r as (
      select cast(substr(received_on, 6, 2) as integer) as m, count(*) as requests,
        sum(outcome = 'full') as full, sum(outcome = 'partial') as partial, sum(outcome = 'rejected') as rejected,
        sum(outcome = 'not_provided') as not_provided, sum(outcome is null) as in_process,
        sum(reason_exempt) as exempt, sum(reason_not_held) as not_held, sum(reason_other) as other,
        sum(case when outcome is not null then service_days end) as days, sum(outcome is not null and service_days is not null) as timed
      from requests where received_on between ? and ? and voided_on is null group by 1),
    o as (select cast(substr(filed_on, 6, 2) as integer) as m, count(*) as n from objections where filed_on between ? and ? group by 1)
    select r.*, coalesce(o.n, 0) as objections from r left join o on o.m = r.m order by r.m`);
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  type BareRow = { m: number; requests: number; full: number; partial: number; rejected: number; not_provided: number; in_process: number; exempt: number; not_held: number; other: number; days: number; timed: number; objections: number };
  const bareRows = bare.all(from, to, from, to) as BareRow[];
  const recap = buildRecapTable(db, year);
  for (const b of bareRows) {
    const m = recap.months[b.m - 1];
    const expected = [b.requests, b.full, b.partial, b.rejected, b.not_provided, b.in_process, b.exempt, b.not_held, b.other, b.objections, b.timed ? Math.round((b.days / b.timed) * 100) / 100 : null];
    const got = [m.requests, m.grantedFull, m.grantedPartial, m.rejected, m.notProvided, m.inProcess, m.reasonExempt, m.reasonNotHeld, m.reasonOther, m.objections, m.avgServiceDays];
    if (JSON.stringify(expected) !== JSON.stringify(got)) throw new Error(`recap and bare SQL disagree for month ${b.m}: ${JSON.stringify(got)} vs ${JSON.stringify(expected)}`);
  }
  const [recapMs, bareMs] = timeBoth(() => buildRecapTable(db, year), () => bare.all(from, to, from, to), 51);
  const [fullMs] = timeBoth(() => buildRecap(db, year, { today }), () => undefined, 21);
  const ratio = recapMs / bareMs;
  rows.push([`recap table ${year} (service vs bare SQL)`, `${ms(recapMs)} vs ${ms(bareMs)}`, `${ratio.toFixed(2)}×`, ratio <= 1.2 ? 'target ≤ 1.2× met' : 'target ≤ 1.2× MISSED']);
  rows.push([`recap page data ${year} (table + analytics)`, ms(fullMs), '', '']);
  results.recap = { year, serviceMs: recapMs, bareSqlMs: bareMs, ratio, sameNumbers: true, withAnalyticsMs: fullMs };

  // 2b. The consultation desk's history in the same file, and the monthly service report's data.
  const t1 = performance.now();
  const desk = generateDesk(db, { count: CONSULTATIONS, lastYear, years: 10, until: today, zone: ZONE });
  const deskSeconds = (performance.now() - t1) / 1000;
  db.$client.pragma('wal_checkpoint(TRUNCATE)');
  rows.push(['generate consultations', `${desk.consultations} tickets`, `${deskSeconds.toFixed(1)} s`, '']);
  const { year: by, month: bm, tickets } = desk.busiest;
  const [reportMs] = timeBoth(() => buildServiceReport(db, ZONE, by, bm), () => undefined, 5);
  rows.push([`service report data, busiest month ${by}-${String(bm).padStart(2, '0')} (${tickets} tickets)`, ms(reportMs), '', verdict(reportMs <= 300, '≤ 300 ms')]);
  results.desk = { generate: { consultations: desk.consultations, seconds: deskSeconds, busiest: desk.busiest }, serviceReportMs: reportMs };

  // 3. HTTP: the server as its own process on the same file.
  await createUser(db, { userId: null, label: 'bench' }, { username: 'bench', displayName: 'Bench', role: 'officer', password: 'bench-password-1' });
  const { token } = createToken(db, { userId: null, label: 'bench' }, 'bench', 'bench');
  db.$client.close();
  const port = await freePort();
  // The server as `npm start` runs it: the compiled build.
  execSync('npx tsc -p tsconfig.build.json', { cwd: fileURLToPath(new URL('..', import.meta.url)), stdio: 'inherit' });
  server = await startServer(dir, port, {}, true);
  if (pinning) pin(server.pid!, pinning.servers);
  const barePort = await freePort();
  bareServer = await startBare(path.join(dir, 'ppid.db'), barePort);
  if (pinning) pin(bareServer.pid!, pinning.servers);
  const cookie = await login(port);
  const api = { Authorization: `Bearer ${token}` };
  const page = { cookie };
  const name = encodeURIComponent(g.sampleName);
  const http: Record<string, LoadResult> = {};
  // Every load, the bare server's and the app's alike, first runs WARMUP seconds unmeasured: a
  // server's first seconds on a route (JIT, its page cache) are not what it does all day.
  const load = async (key: string, p: number, target: Parameters<typeof runLoad>[1]) => {
    if (WARMUP > 0) await runLoad(p, target, CONCURRENCY, WARMUP);
    return (http[key] = await runLoad(p, target, CONCURRENCY, SECONDS));
  };
  const fig = (r: LoadResult) => `${r.perSecond.toFixed(0)} req/s · p95 ${ms(r.p95)}${r.errors ? ` · ${r.errors} errors` : ''}`;
  const filter = `year=${year}&status=full`;

  // Baselines: the bare route serving the same 25 rows, without a count and with each count.
  const base = await load('bare list, no count', barePort, { path: `/list?${filter}` });
  const baseCapped = await load('bare list + count up to 10,000', barePort, { path: `/list-capped?${filter}` });
  const baseCounts = await load('bare list + exact total (request_counts)', barePort, { path: `/list-counts?${filter}` });
  rows.push([`bare route: 25 rows of year ${year} + full, JSON, no count`, fig(base), 'baseline', '']);
  rows.push(['bare route + the old count (up to 10,000 matches)', fig(baseCapped), `${(baseCapped.perSecond / base.perSecond).toFixed(2)}× throughput`, '']);
  rows.push(['bare route + exact total from request_counts', fig(baseCounts), `${(baseCounts.perSecond / base.perSecond).toFixed(2)}× throughput`, '']);
  const againstBase = (label: string, r: LoadResult, withTarget: boolean) => {
    const tp = r.perSecond / base.perSecond;
    const p95 = r.p95 / base.p95;
    const met = tp >= 0.5 && p95 <= 2 && r.errors === 0;
    rows.push([label, fig(r), `${tp.toFixed(2)}× throughput · ${p95.toFixed(2)}× p95`, withTarget ? verdict(met, '≥ 0.5× · ≤ 2× p95') : '']);
    return { throughputRatio: tp, p95Ratio: p95, met: withTarget ? met : undefined };
  };
  const ratios: Record<string, unknown> = {};
  // page_size=25: the same 25 rows the bare route and the register page serve (the API's default page is 50).
  ratios.jsonList = againstBase(`app JSON list, year ${year} + full (exact total)`, await load('app JSON list, year + status', port, { path: `/api/v1/requests?${filter}&page_size=25`, headers: api }), true);
  ratios.htmlPage = againstBase(`app register page (HTML), year ${year} + full (exact total)`, await load('app register page, year + status', port, { path: `/requests?${filter}`, headers: page }), true);
  ratios.jsonSearch = againstBase('app JSON list, free-text search (capped count)', await load('app JSON list, free-text search', port, { path: `/api/v1/requests?q=${name}&page_size=25`, headers: api }), false);
  ratios.htmlSearch = againstBase('app register page, free-text search (capped count)', await load('app register page, free-text search', port, { path: `/requests?q=${name}`, headers: page }), false);

  // Intake beside the bare insert (same durability: synchronous=FULL, request + audit row in one transaction).
  const intakeBody = () => JSON.stringify(apiIntakeBody({ received_on: today }));
  const json = { 'content-type': 'application/json' };
  const bareInsert = await load('bare insert', barePort, { method: 'POST', path: '/requests', headers: json, body: intakeBody, ok: [201] });
  rows.push(['bare insert: request + audit row, synchronous=FULL', fig(bareInsert), 'baseline', '']);
  const intake = await load('app intake POST /api/v1/requests', port, { method: 'POST', path: '/api/v1/requests', headers: { ...api, ...json }, body: intakeBody, ok: [201] });
  const intakeRatio = intake.perSecond / bareInsert.perSecond;
  rows.push(['app intake POST /api/v1/requests (synchronous=FULL)', fig(intake), `${intakeRatio.toFixed(2)}× throughput · ${(intake.p95 / bareInsert.p95).toFixed(2)}× p95`, verdict(intakeRatio >= 0.6 && intake.errors === 0, '≥ 0.6×')]);
  ratios.intake = { throughputRatio: intakeRatio, p95Ratio: intake.p95 / bareInsert.p95, met: intakeRatio >= 0.6 && intake.errors === 0 };

  // The desk: ticket intake through the API and the agent queue page.
  const ticketBody = () => JSON.stringify({
    received_at: new Date().toISOString().replace(/\.\d+Z$/, 'Z'), channel: 'whatsapp',
    user: { name: 'Pengguna Bench', type: 'local_government', region_code: '32' }, category: 'question', topic: 'village_fund',
    question: 'Bagaimana cara melihat realisasi Dana Desa per kabupaten?',
  });
  const ticket = await load('desk intake POST /api/v1/consultations', port, { method: 'POST', path: '/api/v1/consultations', headers: { ...api, ...json }, body: ticketBody, ok: [201] });
  rows.push(['desk intake POST /api/v1/consultations', fig(ticket), `${(ticket.perSecond / bareInsert.perSecond).toFixed(2)}× the bare request insert`, '']);
  const queue = await load('desk queue page /desk', port, { path: '/desk', headers: page });
  rows.push(['desk agent queue page /desk', fig(queue), `p50 ${ms(queue.p50)} · p99 ${ms(queue.p99)}`, '']);
  results.http = http;
  results.ratios = ratios;

  // Peak memory of the app server over all of the loads above.
  const peakMb = peakRss(server.pid!);
  rows.push(['app server peak RSS under the loads', `${peakMb.toFixed(0)} MB`, `bare server ${peakRss(bareServer.pid!).toFixed(0)} MB`, verdict(peakMb <= 200, '≤ 200 MB')]);
  results.serverPeakRssMb = peakMb;
  results.bareServerPeakRssMb = peakRss(bareServer.pid!);

  // The same intake with PPID_SYNCHRONOUS=normal (survives a killed process, not a power cut).
  server.kill('SIGTERM');
  await new Promise((r) => server!.once('exit', r));
  server = await startServer(dir, port, { PPID_SYNCHRONOUS: 'normal' }, true);
  if (pinning) pin(server.pid!, pinning.servers);
  const intakeNormal = await load('app intake, synchronous=NORMAL', port, { method: 'POST', path: '/api/v1/requests', headers: { ...api, ...json }, body: intakeBody, ok: [201] });
  rows.push(['app intake with PPID_SYNCHRONOUS=normal', fig(intakeNormal), `${(intakeNormal.perSecond / bareInsert.perSecond).toFixed(2)}× the bare FULL insert`, '']);

  // 4. Import and export (in this process, on a fresh database and on the bench one).
  const io = await benchImportExport({ dir, rows: IMPORT_ROWS, year, dbFile: path.join(dir, 'ppid.db') });
  rows.push([`import ${IMPORT_ROWS} rows (CSV)`, `${io.importSeconds.toFixed(1)} s`, '', io.importSeconds <= 10 ? 'target ≤ 10 s met' : 'target ≤ 10 s MISSED']);
  rows.push([`export ${year} to XLSX`, `${io.exportRows} rows`, `${io.exportSeconds.toFixed(1)} s`, '']);
  results.importExport = io;

  rows.push(['bench process peak RSS (import/export)', `${(io.peakRssMb).toFixed(0)} MB`, '', '']);
} finally {
  server?.kill('SIGTERM');
  bareServer?.kill('SIGTERM');
  fs.rmSync(dir, { recursive: true, force: true });
}

const widths = [0, 1, 2, 3].map((i) => Math.max(...rows.map((r) => r[i].length)));
console.log(`\nPPID tracker benchmark — ${N} requests, ${CONSULTATIONS} consultations · ${machine.cpuModel}, ${machine.cores} cores, ${machine.memoryGb} GB, Node ${machine.node}`);
console.log(`${CONCURRENCY} connections, ${SECONDS} s per load after ${WARMUP} s unmeasured; ${pinning ? `load generator on CPU ${pinning.bench}, servers on CPU ${pinning.servers}` : 'no CPU pinning'}\n`);
for (const r of rows) console.log(r.map((c, i) => c.padEnd(widths[i])).join('  │  '));
fs.writeFileSync(path.join(HERE, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
console.log('\nwritten: bench/results.json');

function hasTaskset(): boolean {
  try {
    execSync('taskset -V', { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
/** Pins every thread of a process to the given CPU list (`taskset -a -p -c`). */
function pin(pid: number, cpus: string): void {
  execSync(`taskset -a -p -c ${cpus} ${pid}`, { stdio: 'ignore' });
}

/** Starts bench/bare-server.ts on the database file and waits until it answers. */
async function startBare(dbFile: string, port: number): Promise<ChildProcess> {
  // The V8 flags of `npm start` (the last argument is its dist/server.js).
  const child = spawn(process.execPath, [...START_ARGS.slice(0, -1), '--import', 'tsx', path.join(HERE, 'bare-server.ts')], {
    env: { ...process.env, DB: dbFile, PORT: String(port) }, stdio: ['ignore', 'ignore', 'inherit'],
  });
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`bare server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/status`)).ok) return child;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new Error('bare server did not start within 20 s');
}

/** Peak resident memory of a process, in MB. */
function peakRss(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024;
}

/** Logs the bench user in through the login form and returns its session cookie. */
async function login(port: number): Promise<string> {
  const base = `http://127.0.0.1:${port}`;
  const page = await fetch(`${base}/login`);
  const cookies = page.headers.getSetCookie().map((c) => c.split(';')[0]);
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await page.text())![1];
  const res = await fetch(`${base}/login`, {
    method: 'POST', redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookies.join('; ') },
    body: new URLSearchParams({ _csrf: csrf, username: 'bench', password: 'bench-password-1', next: '/' }).toString(),
  });
  const session = res.headers.getSetCookie().map((c) => c.split(';')[0]);
  if (res.status !== 302 || session.length === 0) throw new Error(`bench login failed: ${res.status}`);
  return [...cookies.filter((c) => !c.startsWith('ppid.sid')), ...session].join('; ');
}
