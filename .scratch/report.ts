import { openDb } from '../src/db/client.js';
import { buildServiceReport } from '../src/reports/service/service-report.service.js';
import { SECTIONS } from '../src/reports/service/sections.js';
import { loadDeskData } from '../src/reports/service/desk-data.js';
import { getSettings } from '../src/settings/settings.repo.js';
const db = openDb('/tmp/t.db');
const t = (f: () => unknown, n = 5) => { f(); const xs: number[] = []; for (let i = 0; i < n; i++) { const t0 = performance.now(); f(); xs.push(performance.now() - t0); } xs.sort((a, b) => a - b); return xs[Math.floor(n / 2)]; };
console.log('whole', t(() => buildServiceReport(db, 'Asia/Jakarta', 2017, 12)).toFixed(1));
console.log('deskdata load (counts only)', t(() => loadDeskData(db, 'Asia/Jakarta', 2017, 12)).toFixed(1));
console.log('deskdata month rows', t(() => loadDeskData(db, 'Asia/Jakarta', 2017, 12).of(2017, 12)).toFixed(1));
for (const s of SECTIONS) {
  console.log(s.key, t(() => { let desk: any; const ctx: any = { db, zone: 'Asia/Jakarta', year: 2017, month: 12, officeName: 'x', label: 'x', desk: () => (desk ??= loadDeskData(db, 'Asia/Jakarta', 2017, 12)), units: [], labels: { channel: new Map(), category: new Map(), topic: new Map() } }; ctx.desk(); ctx.desk().of(2017,12); const t0 = performance.now(); s.data(ctx); return performance.now() - t0; }).toFixed(1));
}
