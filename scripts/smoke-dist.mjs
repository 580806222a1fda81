// CI's check that the build in dist/ is what runs: the CLI and the server as `npm run ppid` and
// `npm start` run them (plain node, no tsx, no TypeScript), on a temporary data folder and a
// free port. Creates an admin with the CLI (so /login is the login page, not /setup), starts
// `node dist/server.js`, waits for /login to answer 200 (views, migrations and the holiday
// calendar were found from dist/), fetches a static file (public/), stops the server with
// SIGTERM and prints how long the start took. Exit code 0 only when all of that worked.
//
// Run it with `npm run smoke` after `npm install` (which builds dist/ through `prepare`).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const START_DEADLINE_MS = 30_000;
// What `npm start` runs (package.json's start script without its `node`), so the smoke starts exactly that.
const START_ARGS = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).scripts.start.split(' ').slice(1);

function fail(message) {
  console.error(`smoke: ${message}`);
  process.exitCode = 1;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/** Runs `node dist/cli.js …args` with `stdin`, resolves with its exit code and output. */
function cli(args, env, stdin = '') {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['dist/cli.js', ...args], { cwd: ROOT, env, stdio: ['pipe', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('close', (code) => resolve({ code, output }));
    child.stdin.end(stdin);
  });
}

/** Resolves with the status of GET url, or null when nothing answers yet. */
async function statusOf(url) {
  try {
    const res = await fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(2000) });
    await res.arrayBuffer();
    return res.status;
  } catch {
    return null;
  }
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ppid-smoke-'));
const env = { ...process.env, PPID_DATA_DIR: dataDir, LOG_LEVEL: 'warn', NODE_ENV: 'production' };
delete env.PPID_TEST_TODAY;
let server;
try {
  for (const file of ['dist/server.js', 'dist/cli.js', 'dist/calendar/official-holidays.json']) {
    if (!fs.existsSync(path.join(ROOT, file))) throw new Error(`${file} is missing: run \`npm run build\` (or \`npm install\`) first`);
  }
  const add = await cli(['user', 'add', 'smoke', '--role', 'admin', '--name', 'Smoke Test'], env, 'smoke-password-123\n');
  if (add.code !== 0) throw new Error(`\`node dist/cli.js user add\` exited ${add.code}:\n${add.output}`);
  const holidays = await cli(['holidays', 'list', '--year', '2024'], env);
  if (holidays.code !== 0 || !holidays.output.includes('2024-')) throw new Error(`\`node dist/cli.js holidays list\` did not list the 2024 calendar:\n${holidays.output}`);

  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const started = performance.now();
  server = spawn(process.execPath, START_ARGS, { cwd: ROOT, env: { ...env, PORT: String(port) }, stdio: ['ignore', 'inherit', 'inherit'] });
  const exited = new Promise((resolve) => server.once('exit', (code, signal) => resolve({ code, signal })));
  let status = null;
  while (status !== 200) {
    if (server.exitCode !== null || server.signalCode !== null) throw new Error(`dist/server.js exited (${server.exitCode ?? server.signalCode}) before answering`);
    if (performance.now() - started > START_DEADLINE_MS) throw new Error(`dist/server.js did not answer /login with 200 within ${START_DEADLINE_MS / 1000} s (last: ${status})`);
    status = await statusOf(`${base}/login`);
    if (status !== null && status !== 200) throw new Error(`GET /login answered ${status}, not 200`);
    if (status === null) await new Promise((r) => setTimeout(r, 50));
  }
  const readyMs = performance.now() - started;
  const css = await statusOf(`${base}/public/app.css`);
  if (css !== 200) throw new Error(`GET /public/app.css answered ${css}, not 200`);
  server.kill('SIGTERM');
  const { code, signal } = await exited;
  server = undefined;
  if (code !== 0) throw new Error(`dist/server.js stopped with ${code ?? signal} after SIGTERM, not 0`);
  console.log(`smoke: node dist/cli.js worked; node dist/server.js answered /login 200 after ${Math.round(readyMs)} ms and stopped cleanly`);
} catch (err) {
  fail(err.message);
} finally {
  if (server) server.kill('SIGKILL');
  fs.rmSync(dataDir, { recursive: true, force: true });
}
