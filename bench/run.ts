/**
 * `npm run bench [-- --requests 1000000]`: generates a register into a fresh database file and
 * measures on it. A script, not a test: it prints one table and writes bench/results.json.
 */
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { execSync, type ChildProcess } from 'node:child_process';
import { generateRegister } from './generate.js';
import { runLoad, type LoadResult } from './load.js';
import { buildRecap, buildRecapTable } from '../src/recap/recap.service.js';
import { createToken, createUser } from '../src/auth/auth.service.js';
import { apiIntakeBody } from '../test/helpers/factories.js';
import { freePort, startServer } from '../test/helpers/server-process.js';
import { todayIn } from '../src/shared/dates.js';
import { benchImportExport } from './import-export.js';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const { values } = parseArgs({
  options: {
    requests: { type: 'string', default: '100000' },
    seconds: { type: 'string', default: '5' },
    concurrency: { type: 'string', default: '10' },
    'import-rows': { type: 'string', default: '100000' },
  },
});
const N = Number(values.requests);
const SECONDS = Number(values.seconds);
const CONCURRENCY = Number(values.concurrency);
const IMPORT_ROWS = Number(values['import-rows']);
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
const results: Record<string, unknown> = { requests: N, machine: { cpus: os.cpus().length, node: process.version } };
let server: ChildProcess | undefined;
try {
  // 1. Generate.
  const t0 = performance.now();
  const g = generateRegister({ file: path.join(dir, 'ppid.db'), requests: N, lastYear, years: 10, until: today });
  const genSeconds = (performance.now() - t0) / 1000;
  rows.push(['generate', `${g.requests} requests, ${g.objections} objections`, `${genSeconds.toFixed(1)} s`, '']);
  results.generate = { requests: g.requests, objections: g.objections, seconds: genSeconds };
  const { db } = g;

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

  // 3. HTTP: the server as its own process on the same file.
  await createUser(db, { userId: null, label: 'bench' }, { username: 'bench', displayName: 'Bench', role: 'officer', password: 'bench-password-1' });
  const { token } = createToken(db, { userId: null, label: 'bench' }, 'bench', 'bench');
  db.$client.close();
  const port = await freePort();
  // The server as `npm start` runs it: the compiled build.
  execSync('npx tsc -p tsconfig.build.json', { cwd: fileURLToPath(new URL('..', import.meta.url)), stdio: 'inherit' });
  server = await startServer(dir, port, {}, true);
  const cookie = await login(port);
  const api = { Authorization: `Bearer ${token}` };
  const page = { cookie };
  const name = encodeURIComponent(g.sampleName);
  const targets: [string, Parameters<typeof runLoad>[1]][] = [
    [`register page, year ${year} + status full`, { path: `/requests?year=${year}&status=full`, headers: page }],
    ['register page, free-text search', { path: `/requests?q=${name}`, headers: page }],
    [`JSON list, year ${year} + status full`, { path: `/api/v1/requests?year=${year}&status=full`, headers: api }],
    ['JSON list, free-text search', { path: `/api/v1/requests?q=${name}`, headers: api }],
  ];
  const http: Record<string, LoadResult> = {};
  for (const [label, target] of targets) {
    const r = await runLoad(port, target, CONCURRENCY, SECONDS);
    http[label] = r;
    rows.push([label, `${r.perSecond.toFixed(0)} req/s, ${r.errors} errors`, `p50 ${ms(r.p50)} · p95 ${ms(r.p95)} · p99 ${ms(r.p99)}`, r.p95 <= 20 ? 'p95 ≤ 20 ms' : 'p95 > 20 ms']);
  }
  const intake = await runLoad(port, {
    method: 'POST', path: '/api/v1/requests', headers: { ...api, 'content-type': 'application/json' },
    body: () => JSON.stringify(apiIntakeBody({ received_on: today })), ok: [201],
  }, CONCURRENCY, SECONDS);
  http.intake = intake;
  rows.push(['intake POST /api/v1/requests (synchronous=FULL)', `${intake.perSecond.toFixed(0)} req/s, ${intake.errors} errors`, `p50 ${ms(intake.p50)} · p95 ${ms(intake.p95)}`, intake.perSecond >= 500 && intake.errors === 0 ? 'target ≥ 500/s met' : 'target ≥ 500/s MISSED']);
  results.http = http;
  // The same intake with PPID_SYNCHRONOUS=normal (survives a killed process, not a power cut).
  const peakFull = peakRss(server.pid!);
  server.kill('SIGTERM');
  await new Promise((r) => server!.once('exit', r));
  server = await startServer(dir, port, { PPID_SYNCHRONOUS: 'normal' }, true);
  const intakeNormal = await runLoad(port, {
    method: 'POST', path: '/api/v1/requests', headers: { ...api, 'content-type': 'application/json' },
    body: () => JSON.stringify(apiIntakeBody({ received_on: today })), ok: [201],
  }, CONCURRENCY, SECONDS);
  http.intakeSynchronousNormal = intakeNormal;
  rows.push(['intake POST /api/v1/requests (synchronous=NORMAL)', `${intakeNormal.perSecond.toFixed(0)} req/s, ${intakeNormal.errors} errors`, `p50 ${ms(intakeNormal.p50)} · p95 ${ms(intakeNormal.p95)}`, intakeNormal.perSecond >= 500 && intakeNormal.errors === 0 ? 'target ≥ 500/s met' : 'target ≥ 500/s MISSED']);

  // 4. Import and export (in this process, on a fresh database and on the bench one).
  const io = await benchImportExport({ dir, rows: IMPORT_ROWS, year, dbFile: path.join(dir, 'ppid.db') });
  rows.push([`import ${IMPORT_ROWS} rows (CSV)`, `${io.importSeconds.toFixed(1)} s`, '', io.importSeconds <= 10 ? 'target ≤ 10 s met' : 'target ≤ 10 s MISSED']);
  rows.push([`export ${year} to XLSX`, `${io.exportRows} rows`, `${io.exportSeconds.toFixed(1)} s`, '']);
  results.importExport = io;

  // 5. Peak memory of the server (the run with the page and list loads).
  const peakMb = peakFull;
  rows.push(['server peak RSS', `${peakMb.toFixed(0)} MB`, '', peakMb <= 200 ? 'target ≤ 200 MB met' : 'target ≤ 200 MB MISSED']);
  rows.push(['bench process peak RSS (import/export)', `${(io.peakRssMb).toFixed(0)} MB`, '', '']);
  results.serverPeakRssMb = peakMb;
} finally {
  server?.kill('SIGTERM');
  fs.rmSync(dir, { recursive: true, force: true });
}

const widths = [0, 1, 2, 3].map((i) => Math.max(...rows.map((r) => r[i].length)));
console.log(`\nPPID tracker benchmark — ${N} requests, ${os.cpus().length} CPUs, Node ${process.version}\n`);
for (const r of rows) console.log(r.map((c, i) => c.padEnd(widths[i])).join('  │  '));
fs.writeFileSync(path.join(HERE, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
console.log('\nwritten: bench/results.json');

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
