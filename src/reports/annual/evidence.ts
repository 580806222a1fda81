/**
 * The evidence a Komisi Informasi monitoring-and-evaluation (monev) questionnaire asks offices to
 * attach for request services, as one ZIP: the register of requests (XLSX) and of objections
 * (HTML), the recap (XLSX), the annual report (HTML, PDF-ready, and XLSX), the DIK register as it
 * stood at the end of the year (HTML, src/dik) and the service standard (HTML). Stored uncompressed (src/import/zip.ts): the XLSX files inside are compressed already.
 */
import path from 'node:path';
import { PassThrough } from 'node:stream';
import ejs from 'ejs';
import type { Db } from '../../db/client.js';
import { recordEvent, type Actor } from '../../audit/audit.repo.js';
import * as dates from '../../shared/dates.js';
import { getSettings } from '../../settings/settings.repo.js';
import { storedZip } from '../../import/zip.js';
import { startRegisterExport, writeXlsx } from '../../exports/exports.service.js';
import { buildRecap } from '../../recap/recap.service.js';
import { recapXlsx } from '../../recap/recap.export.js';
import { browseObjections } from '../../objections/objections.service.js';
import { OBJECTION_RESULTS } from '../../objections/vocabulary.js';
import { loadCalendar } from '../../calendar/holidays.service.js';
import { getAnnualReport, serviceStandard } from './annual-report.service.js';
import { formatCell, presentStatus, reportSections, type ReportTable } from './annual-report.presenter.js';
import { annualReportXlsx } from './annual-report.xlsx.js';
import { dikEntries } from '../../dik/dik.service.js';

export const evidenceFileName = (year: number) => `bukti-monev-layanan-informasi-${year}.zip`;

async function collect(write: (out: PassThrough) => Promise<void>): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  await write(out);
  out.end();
  return Buffer.concat(chunks);
}

export async function buildEvidenceZip({ db, actor, zone, today, year, viewsDir }: { db: Db; actor: Actor; zone: string; today: string; year: number; viewsDir: string }): Promise<Buffer> {
  const settings = getSettings(db);
  const dir = path.join(viewsDir, 'reports', 'annual');
  const doc = async (title: string, view: string, locals: Record<string, unknown>) => {
    const body = await ejs.renderFile(path.join(dir, view), { settings, dates, formatCell, ...locals });
    return Buffer.from(await ejs.renderFile(path.join(dir, 'document.ejs'), { title, body }), 'utf8');
  };

  const register = await collect((out) => writeXlsx(out, startRegisterExport({ db, actor, zone, filter: { year }, format: 'xlsx' })));

  const cal = loadCalendar(db);
  const objections: ReportTable = {
    sheet: 'Keberatan', title: `Register keberatan tahun ${year}`,
    head: ['Nomor', 'Diajukan', 'Nomor permohonan', 'Pemohon / pengaju', 'Alasan (Pasal 35 ayat 1)', 'Tanggapan atasan PPID', 'Ditanggapi', 'Sengketa didaftarkan'],
    rows: browseObjections(db, zone, { year }, cal).map((r) => [
      r.objection.registrationNumber, r.objection.filedOn, r.requestNumber ?? '', r.requesterName, r.objection.grounds.split(',').join(', '),
      r.objection.result ? OBJECTION_RESULTS[r.objection.result] : 'Belum ditanggapi', r.objection.respondedOn, r.objection.disputeRegisteredOn,
    ]).reverse(),
    numeric: [],
  };

  const report = getAnnualReport(db, { year, today });
  const status = presentStatus(report);
  const { sections, annex } = reportSections(report.narrative, report.figures);
  const signedOn = report.row?.submittedOn ?? today;

  const dik: ReportTable = {
    sheet: 'DIK', title: `Daftar Informasi yang Dikecualikan per 31 Desember ${year}`,
    head: ['Informasi', 'Pasal 17 huruf', 'Dasar hukum', 'Uji konsekuensi', 'Jangka waktu', 'Putusan', 'Tanggal', 'Permohonan'],
    rows: dikEntries(db).filter((e) => e.decidedOn <= `${year}-12-31`).map((e) => [
      e.information, e.articles.map((a) => a.letter).join(', '), e.legalBasis, e.consequenceTest, e.period,
      e.decisionNumber, e.decidedOn, e.requests.filter((r) => !r.voided).map((r) => r.number).join(', '),
    ]),
    numeric: [],
  };
  const standard = serviceStandard(db);

  const entries = [
    { name: `01-register-permohonan-${year}.xlsx`, data: register },
    { name: `02-register-keberatan-${year}.html`, data: await doc(objections.title, 'evidence-list.ejs', { heading: objections.title, t: objections }) },
    { name: `03-rekapitulasi-${year}.xlsx`, data: await recapXlsx(buildRecap(db, year, { today }), settings.office_name) },
    { name: `04-laporan-tahunan-${year}-v${report.version}.html`, data: await doc(`Laporan Layanan Informasi Publik Tahun ${year}`, '_report.ejs', { year, report: status, sections, annex, signedOn }) },
    { name: `04-laporan-tahunan-${year}-v${report.version}.xlsx`, data: await annualReportXlsx({ officeName: settings.office_name, year, version: report.version, sections, annex }) },
    {
      name: `05-daftar-informasi-dikecualikan-${year}.html`,
      data: await doc(dik.title, 'evidence-list.ejs', { heading: 'Daftar Informasi yang Dikecualikan', intro: 'Daftar Informasi yang Dikecualikan (Pasal 17 UU 14/2008) yang ditetapkan sampai akhir tahun, dengan permohonan yang memakainya.', t: dik }),
    },
    { name: '06-standar-layanan.html', data: await doc('Standar layanan informasi publik', 'evidence-list.ejs', { heading: 'Standar Layanan Informasi Publik', text: standard?.text ?? '' }) },
  ];
  db.transaction((tx) => {
    recordEvent(tx, actor, {
      action: 'annual_report.evidence', entityType: 'annual_report', entityId: report.row?.id ?? null,
      summary: `Berkas bukti monev tahun ${year} diunduh (${entries.length} berkas)`, after: { year, files: entries.map((e) => e.name) },
    });
  });
  return storedZip(entries);
}
