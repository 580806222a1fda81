/**
 * Every action the audit log records, with how the log page and its CSV name it in Indonesian.
 * Persisted in audit_log.action: never rename one (old entries keep the old code). A new action
 * is added here first: recordEvent only takes a code from this table, and
 * test/audit/actions.test.ts fails when an action string written anywhere in src/ has no label.
 */
export const AUDIT_ACTIONS = {
  // Requests
  'request.create': 'Permohonan dicatat',
  'request.update': 'Data permohonan dikoreksi',
  'request.open': 'Permohonan ditandai sudah dibaca',
  'request.extend': 'Tenggat diperpanjang',
  'request.decide': 'Putusan dicatat',
  'request.deliver': 'Pemberian informasi dicatat',
  'request.decision_correct': 'Putusan dikoreksi',
  'request.withdraw': 'Pencabutan dicatat',
  'request.void': 'Entri dibatalkan',
  'request.unvoid': 'Pembatalan entri dipulihkan',
  'request.objection': 'Keberatan atas permohonan',
  'request.export': 'Register diekspor',
  // Objections
  'objection.create': 'Keberatan dicatat',
  'objection.respond': 'Keberatan ditanggapi',
  'objection.dispute': 'Sengketa informasi dicatat',
  'objection.dispute_stage': 'Tahap sengketa informasi dicatat',
  'objection.requester_response': 'Tanggapan pemohon atas jawaban keberatan dicatat',
  // Units and dispositions (src/units)
  'unit.create': 'Unit dibuat',
  'unit.update': 'Unit diubah',
  'unit.delete': 'Unit dihapus',
  'disposition.send': 'Disposisi dikirim ke unit',
  // Consultation desk (src/desk)
  'consultation.create': 'Konsultasi dicatat',
  'consultation.escalate': 'Konsultasi dieskalasi ke unit',
  'consultation.answer': 'Konsultasi dijawab',
  'consultation.close': 'Konsultasi ditutup',
  'service_report.note': 'Catatan laporan layanan informasi disimpan',
  'desk_list.create': 'Butir daftar layanan konsultasi ditambahkan',
  'desk_list.update': 'Butir daftar layanan konsultasi diubah',
  'desk_list.move': 'Urutan daftar layanan konsultasi diubah',
  'desk_hours.update': 'Jam layanan konsultasi diubah',
  'desk_levels.update': 'Tingkat layanan konsultasi diubah',
  'rating.submit': 'Penilaian kepuasan diterima',
  'rating.follow_up': 'Komentar penilaian ditindaklanjuti',
  'rating.send': 'Tautan penilaian dikirim',
  'rating.settings': 'Pengaturan penilaian diubah',
  'consultation.draft': 'Jawaban unit menunggu persetujuan kepala unit',
  'consultation.approve': 'Jawaban unit disetujui kepala unit',
  'consultation.return': 'Jawaban unit dikembalikan kepala unit',
  'consultation.convert': 'Konsultasi dijadikan permohonan informasi',
  'desk.unit_settings': 'Pengaturan persetujuan jawaban unit diubah',
  'knowledge.create': 'Entri basis pengetahuan dibuat',
  'knowledge.update': 'Entri basis pengetahuan diubah',
  'knowledge.flag': 'Entri basis pengetahuan ditandai untuk ditinjau',
  'knowledge.review': 'Entri basis pengetahuan ditinjau',
  // Visits, video conferences and the CRM import (src/visits, src/consultation-import)
  'visit.reserve': 'Reservasi kunjungan dicatat',
  'visit.check_in': 'Tamu kunjungan datang',
  'visit.meet': 'Tamu kunjungan ditemui konsultan',
  'visit.cancel': 'Reservasi kunjungan dibatalkan',
  'visit.no_show': 'Tamu kunjungan tidak datang',
  'video_conference.create': 'Konferensi video dicatat',
  'video_conference.hold': 'Konferensi video dilaksanakan',
  'video_conference.cancel': 'Konferensi video dibatalkan',
  'import.consultations': 'Riwayat konsultasi diimpor',
  'disposition.answer': 'Disposisi dijawab unit',
  'disposition.reassign': 'Disposisi dialihkan ke unit lain',
  'disposition.recall': 'Disposisi ditarik',
  'disposition.remind': 'Unit diingatkan atas disposisi',
  // Daftar Informasi yang Dikecualikan (src/dik)
  'dik.create': 'Entri DIK dibuat dari putusan',
  'dik.update': 'Entri DIK diubah oleh koreksi putusan',
  'dik.export': 'Daftar informasi yang dikecualikan diekspor',
  'request.forward': 'Penerusan ke badan publik lain dicatat',
  'request.disposition': 'Disposisi atas permohonan',
  // Attachments
  'attachment.upload': 'Berkas diunggah',
  'attachment.rollback': 'Unggahan dibatalkan',
  'attachment.download': 'Berkas diunduh',
  'attachment.delete': 'Berkas dihapus',
  'attachment.purge': 'Berkas dimusnahkan',
  'attachment.recover': 'Unggahan terputus dipulihkan saat mulai',
  'attachment.file_missing': 'Berkas hilang ditandai saat mulai',
  // Messages
  'message.resend': 'Pesan dikirim ulang',
  'template.update': 'Templat pesan diubah',
  'profile.messages': 'Pilihan pesan pengguna diubah',
  // Accounts and access
  'user.setup': 'Admin pertama dibuat',
  'user.create': 'Pengguna dibuat',
  'user.update': 'Pengguna diubah',
  login: 'Masuk',
  'login.failed': 'Gagal masuk',
  logout: 'Keluar',
  'token.create': 'Token API dibuat',
  'token.revoke': 'Token API dicabut',
  // Calendar, settings, data
  'holiday.seed': 'Kalender libur resmi dimuat',
  'holiday.create': 'Hari libur ditambahkan',
  'holiday.update': 'Hari libur diubah',
  'holiday.delete': 'Hari libur dihapus',
  'settings.update': 'Pengaturan diubah',
  'import.register': 'Register diimpor',
  'audit.export': 'Log audit diekspor',
  'audit.rekey': 'Rantai log audit dikunci ulang (HMAC)',
  'audit.restore': 'Cadangan dipulihkan',
  'bench.generate': 'Data uji kinerja dibuat',
  // Annual report (src/reports/annual)
  'annual_report.save': 'Laporan tahunan: narasi disimpan',
  'annual_report.submit': 'Laporan tahunan diserahkan',
  'annual_report.correct': 'Laporan tahunan: versi koreksi dibuat',
  'annual_report.evidence': 'Berkas bukti monev diunduh',
  'service_standard.update': 'Standar layanan diubah',
} as const;
export type AuditAction = keyof typeof AUDIT_ACTIONS;

export function isAuditAction(value: string): value is AuditAction {
  return Object.hasOwn(AUDIT_ACTIONS, value);
}

/** The Indonesian name of a stored action; an unknown code (from an older version) as stored. */
export function actionLabel(action: string): string {
  return isAuditAction(action) ? AUDIT_ACTIONS[action] : action;
}
