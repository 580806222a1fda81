/**
 * The messages the app sends, one per kind of event. Kind codes are persisted (outbox.kind,
 * message_templates.kind): never rename one. Each kind names the placeholders its template may
 * use; a template with any other {{name}} is refused when saved.
 */
export const MESSAGE_KINDS = {
  'request.receipt': {
    label: 'Tanda terima permohonan (ke pemohon)',
    audience: 'requester',
    placeholders: ['nama', 'nomor', 'kode_akses', 'tanggal_diterima', 'tenggat', 'instansi', 'informasi'],
    subject: 'Tanda terima permohonan informasi {{nomor}}',
    body:
      'Yth. {{nama}},\n\nPermohonan informasi Anda telah kami terima pada {{tanggal_diterima}}.\n\n' +
      'Nomor pendaftaran: {{nomor}}\nKode akses: {{kode_akses}}\n\nInformasi yang diminta: {{informasi}}\n\n' +
      'Kami akan memberikan pemberitahuan tertulis paling lambat {{tenggat}}. Status permohonan dapat dicek ' +
      'di halaman Cek status dengan nomor pendaftaran dan kode akses di atas.\n\nHormat kami,\n{{instansi}}',
  },
  'request.extension': {
    label: 'Pemberitahuan perpanjangan waktu (ke pemohon)',
    audience: 'requester',
    placeholders: ['nama', 'nomor', 'hari_perpanjangan', 'alasan', 'tenggat', 'instansi'],
    subject: 'Perpanjangan waktu permohonan {{nomor}}',
    body:
      'Yth. {{nama}},\n\nSesuai Pasal 22 ayat (8) UU 14/2008, jangka waktu untuk menjawab permohonan {{nomor}} ' +
      'kami perpanjang {{hari_perpanjangan}} hari kerja, sehingga paling lambat {{tenggat}}.\n\nAlasan: {{alasan}}\n\n' +
      'Hormat kami,\n{{instansi}}',
  },
  'request.decision': {
    label: 'Pemberitahuan tertulis / putusan (ke pemohon)',
    audience: 'requester',
    placeholders: ['nama', 'nomor', 'putusan', 'tanggal_putusan', 'catatan', 'instansi'],
    subject: 'Pemberitahuan tertulis atas permohonan {{nomor}}',
    body:
      'Yth. {{nama}},\n\nPermohonan informasi {{nomor}} telah diputus pada {{tanggal_putusan}}: {{putusan}}.\n\n' +
      '{{catatan}}\n\nSurat pemberitahuan tertulis terlampir. Bila Anda tidak puas, Anda berhak mengajukan ' +
      'keberatan kepada atasan PPID (Pasal 35 UU 14/2008).\n\nHormat kami,\n{{instansi}}',
  },
  'objection.receipt': {
    label: 'Tanda terima keberatan (ke pemohon)',
    audience: 'requester',
    placeholders: ['nama', 'nomor', 'nomor_keberatan', 'tanggal_keberatan', 'tenggat_tanggapan', 'instansi'],
    subject: 'Tanda terima keberatan {{nomor_keberatan}}',
    body:
      'Yth. {{nama}},\n\nKeberatan Anda atas permohonan {{nomor}} telah dicatat pada {{tanggal_keberatan}} dengan ' +
      'nomor {{nomor_keberatan}}. Atasan PPID akan memberikan tanggapan paling lambat {{tenggat_tanggapan}}.\n\n' +
      'Hormat kami,\n{{instansi}}',
  },
  'objection.answer': {
    label: 'Tanggapan atasan PPID atas keberatan (ke pemohon)',
    audience: 'requester',
    placeholders: ['nama', 'nomor', 'nomor_keberatan', 'hasil', 'pertimbangan', 'tindak_lanjut', 'tanggal_tanggapan', 'instansi'],
    subject: 'Tanggapan atas keberatan {{nomor_keberatan}}',
    body:
      'Yth. {{nama}},\n\nAtasan PPID telah menanggapi keberatan {{nomor_keberatan}} (permohonan {{nomor}}) pada ' +
      '{{tanggal_tanggapan}}: {{hasil}}.\n\nPertimbangan: {{pertimbangan}}\nTindak lanjut: {{tindak_lanjut}}\n\n' +
      'Bila Anda tidak puas, Anda dapat mengajukan sengketa informasi ke Komisi Informasi (Pasal 37 UU 14/2008).\n\n' +
      'Hormat kami,\n{{instansi}}',
  },
  'rating.invite': {
    label: 'Tautan penilaian kepuasan (ke pengguna)',
    audience: 'requester',
    placeholders: ['nama', 'nomor', 'tautan', 'berlaku_sampai', 'instansi'],
    subject: 'Penilaian layanan {{nomor}}',
    body:
      'Yth. {{nama}},\n\nTerima kasih telah menggunakan layanan kami ({{nomor}}). Mohon luangkan waktu sebentar untuk ' +
      'menilai layanan dan jawaban yang Anda terima:\n\n{{tautan}}\n\nTautan ini hanya dapat digunakan sekali dan berlaku ' +
      'sampai {{berlaku_sampai}}.\n\nHormat kami,\n{{instansi}}',
  },
  'staff.new_request': {
    label: 'Permohonan daring baru (ke petugas)',
    audience: 'staff',
    placeholders: ['nama_petugas', 'nomor', 'pemohon', 'informasi', 'tenggat', 'tautan'],
    subject: 'Permohonan daring baru {{nomor}}',
    body:
      'Yth. {{nama_petugas}},\n\nAda permohonan baru dari formulir daring: {{nomor}} dari {{pemohon}}.\n' +
      'Informasi yang diminta: {{informasi}}\nTenggat: {{tenggat}}\n\nBuka: {{tautan}}',
  },
  'staff.daily_digest': {
    label: 'Ringkasan harian tenggat (ke petugas dan atasan)',
    audience: 'staff',
    placeholders: ['nama_petugas', 'tanggal', 'jumlah_segera', 'jumlah_lewat', 'daftar'],
    subject: 'Tenggat {{tanggal}}: {{jumlah_lewat}} lewat, {{jumlah_segera}} segera',
    body:
      'Yth. {{nama_petugas}},\n\nRingkasan antrean Anda per {{tanggal}}: {{jumlah_lewat}} lewat tenggat, ' +
      '{{jumlah_segera}} segera jatuh tempo.\n\n{{daftar}}',
  },
  'staff.weekly_summary': {
    label: 'Ringkasan mingguan (ke atasan PPID)',
    audience: 'staff',
    placeholders: ['nama_petugas', 'minggu', 'masuk', 'diputus', 'terbuka', 'lewat', 'keberatan_terbuka'],
    subject: 'Ringkasan mingguan PPID {{minggu}}',
    body:
      'Yth. {{nama_petugas}},\n\nMinggu {{minggu}}: {{masuk}} permohonan masuk, {{diputus}} diputus.\n' +
      'Saat ini {{terbuka}} permohonan dalam proses, {{lewat}} di antaranya lewat tenggat; ' +
      '{{keberatan_terbuka}} keberatan menunggu tanggapan.',
  },
  'unit.disposition_reminder': {
    label: 'Pengingat disposisi (ke staf unit kerja)',
    audience: 'staff',
    placeholders: ['nama_petugas', 'unit', 'nomor', 'informasi', 'tenggat_internal', 'pengingat_ke', 'catatan', 'tautan'],
    subject: 'Pengingat disposisi {{nomor}} untuk {{unit}}',
    body:
      'Yth. {{nama_petugas}},\n\nPPID mengingatkan disposisi permohonan {{nomor}} yang dikirim ke {{unit}} ' +
      '(pengingat ke-{{pengingat_ke}}). Mohon dijawab paling lambat {{tenggat_internal}}.\n\n' +
      'Informasi yang diminta: {{informasi}}\n\n{{catatan}}\n\nBuka: {{tautan}}',
  },
} as const satisfies Record<string, MessageKindSpec>;

export interface MessageKindSpec {
  label: string;
  audience: 'requester' | 'staff';
  placeholders: readonly string[];
  subject: string;
  body: string;
}

export type MessageKind = keyof typeof MESSAGE_KINDS;
export type MessageValues<K extends MessageKind> = Record<(typeof MESSAGE_KINDS)[K]['placeholders'][number], string>;

export function isMessageKind(value: string): value is MessageKind {
  return Object.hasOwn(MESSAGE_KINDS, value);
}

/** Channels; persisted in outbox.channel. */
export const CHANNELS = { email: 'E-mail', whatsapp: 'WhatsApp' } as const;
export type Channel = keyof typeof CHANNELS;

/** Outbox statuses; persisted in outbox.status. */
export const OUTBOX_STATUSES = {
  queued: 'Dalam antrean',
  sending: 'Sedang dikirim',
  sent: 'Terkirim',
  failed: 'Gagal',
  held: 'Tidak terkirim',
} as const;
export type OutboxStatus = keyof typeof OUTBOX_STATUSES;

/** Why a message stays in the outbox on an install without a mail server / gateway. */
export const NO_SMTP = 'tidak terkirim: server surat belum diatur';
export const NO_WHATSAPP = 'tidak terkirim: gateway WhatsApp belum diatur';
