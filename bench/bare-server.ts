/**
 * The bench's baseline (issue 20): bare Express 5 + better-sqlite3 on the same database file,
 * doing the same work as the app's routes with nothing else (no session, CSRF, templates,
 * validation, presenters). Started by run.ts as its own process: `PORT=… DB=… node --import tsx
 * bench/bare-server.ts`. Every route answers the year + status page the bench loads.
 *
 * - GET /list?year=&status=        the register's 25-row page, newest first, as JSON, no count
 * - GET /list-capped?year=&status= the same + the old "count up to 10,000 matches"
 * - GET /list-counts?year=&status= the same + the exact total from request_counts (the app's count)
 * - POST /requests                 one request + its audit row in one transaction, synchronous=FULL
 */
import crypto from 'node:crypto';
import express from 'express';
import Database from 'better-sqlite3';

const db = new Database(process.env.DB!);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
db.pragma('busy_timeout = 5000');
db.pragma('foreign_keys = ON');

// The WHERE of the app's register query for a year and an outcome (voided entries left out).
const WHERE = 'received_on >= ? and received_on <= ? and outcome = ? and voided_on is null';
const page = db.prepare(`select * from requests where ${WHERE} order by received_on desc, id desc limit 25 offset ?`);
const capped = db.prepare(`select count(*) as n from (select 1 from requests where ${WHERE} limit 10001)`);
const summed = db.prepare("select coalesce(sum(n), 0) as n from request_counts where voided = 0 and outcome = ? and year = ?");

const nextSeq = db.prepare('select coalesce(max(registration_seq), 0) + 1 as seq from requests where registration_year = ?');
const insert = db.prepare(`insert into requests (
    registration_number, registration_year, registration_seq, access_code, received_on, channel,
    requester_name, requester_id_number, requester_address, requester_phone, requester_email, requester_occupation,
    requester_type, requester_category, information_requested, purpose, obtain_method, delivery_method,
    original_due_on, due_on, source, created_at, updated_at
  ) values (@number, @year, @seq, @code, @receivedOn, @channel, @name, @idNumber, @address, @phone, @email, @occupation,
    @type, @category, @info, @purpose, @obtain, @delivery, @dueOn, @dueOn, 'api', @now, @now)`);
const lastHash = db.prepare('select hash from audit_log order by id desc limit 1');
const audit = db.prepare(`insert into audit_log (at, actor_user_id, actor_label, action, entity_type, entity_id, summary, before, after, prev_hash, hash)
  values (?, null, 'bare', 'request.create', 'request', ?, ?, null, ?, ?, ?)`);

const params = (q: Record<string, unknown>) => {
  const year = Number(q.year);
  return { year, from: `${year}-01-01`, to: `${year}-12-31`, status: String(q.status) };
};
const rowsOf = (q: Record<string, unknown>) => {
  const p = params(q);
  return { p, rows: page.all(p.from, p.to, p.status, 0) };
};

const app = express();
app.use(express.json());
app.get('/list', (req, res) => {
  res.json({ items: rowsOf(req.query).rows });
});
app.get('/list-capped', (req, res) => {
  const { p, rows } = rowsOf(req.query);
  const n = (capped.get(p.from, p.to, p.status) as { n: number }).n;
  res.json({ total: Math.min(n, 10000), total_more: n > 10000, items: rows });
});
app.get('/list-counts', (req, res) => {
  const { p, rows } = rowsOf(req.query);
  res.json({ total: (summed.get(p.status, p.year) as { n: number }).n, items: rows });
});
interface IntakeBody {
  received_on: string;
  channel: string;
  requester?: Record<string, string>;
  information_requested: string;
  purpose: string;
  obtain_method: string;
  delivery_method: string;
}
const create = db.transaction((b: IntakeBody) => {
  const receivedOn = String(b.received_on);
  const year = Number(receivedOn.slice(0, 4));
  const seq = (nextSeq.get(year) as { seq: number }).seq;
  const now = new Date().toISOString();
  const r = b.requester ?? {};
  const row = {
    number: `${String(seq).padStart(3, '0')}/PPID/${receivedOn.slice(5, 7)}/${year}`, year, seq, code: crypto.randomBytes(4).toString('hex'),
    receivedOn, channel: b.channel, name: r.name, idNumber: r.id_number, address: r.address, phone: r.phone, email: r.email,
    occupation: r.occupation, type: r.type, category: r.category, info: b.information_requested, purpose: b.purpose,
    obtain: b.obtain_method, delivery: b.delivery_method, dueOn: receivedOn, now,
  };
  const id = insert.run(row).lastInsertRowid;
  const prev = (lastHash.get() as { hash: string } | undefined)?.hash ?? '';
  const after = JSON.stringify(row);
  const hash = crypto.createHmac('sha256', 'bare').update(JSON.stringify([now, id, after, prev])).digest('hex');
  audit.run(now, String(id), `Permohonan ${row.number} dicatat`, after, prev, hash);
  return { id, ...row };
});
app.post('/requests', (req, res) => {
  // BEGIN IMMEDIATE: a deferred transaction that reads first gets SQLITE_BUSY at once (no busy
  // wait) when the app server on the same file commits in between.
  res.status(201).json(create.immediate(req.body as IntakeBody));
});
app.get('/status', (_req, res) => {
  res.json({ ok: true });
});
app.listen(Number(process.env.PORT), '127.0.0.1');
