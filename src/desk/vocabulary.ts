/**
 * The desk's lists (codes persisted in consultations; never rename one). Channels, categories
 * and topics are kept by an admin (desk-config.ts, table desk_list_items): the constants here are
 * the seed defaults and the API's default codes. User types and statuses stay closed lists.
 */
export const CHANNELS = {
  whatsapp: 'WhatsApp',
  phone: 'Telepon',
  email: 'E-mail',
  portal: 'Portal kontak kementerian',
  live_chat: 'Live chat',
  visit: 'Kunjungan langsung',
  video_conference: 'Konferensi video',
  letter: 'Surat',
} as const;
export type Channel = keyof typeof CHANNELS;

export const USER_TYPES = {
  local_government: 'Pemerintah Daerah',
  ministry_agency: 'Kementerian/Lembaga',
  academic: 'Akademisi',
  other: 'Lainnya',
} as const;

export const CATEGORIES = {
  question: 'Pertanyaan teknis',
  letter: 'Surat masuk',
  reservation: 'Reservasi kunjungan',
  data_request: 'Permintaan data',
  complaint: 'Pengaduan layanan/kebijakan',
  impostor_report: 'Laporan surat palsu/penipuan',
  out_of_remit: 'Di luar kewenangan',
  spam: 'Spam/salah sambung',
  other: 'Lainnya',
} as const;

/** Default topics: the office's policy areas (domain notes, "Users and topics"). */
export const DEFAULT_TOPICS = {
  general: 'Umum',
  transfers: 'Dana bagi hasil dan transfer khusus ke daerah',
  regional_tax: 'Pajak daerah',
  village_fund: 'Dana desa',
  regional_financing: 'Pembiayaan daerah',
  unit_prices: 'Standar harga satuan',
  functional_position: 'Jabatan fungsional analis keuangan daerah',
  information_system: 'Sistem informasi keuangan daerah',
} as const;

export const STATUSES = {
  open: 'Terbuka',
  escalated: 'Dieskalasi',
  answered: 'Dijawab',
  closed: 'Ditutup',
} as const;
export type ConsultationStatus = keyof typeof STATUSES;

/** Service levels in working days (seeds, Nov 2020 table): not escalated, escalated. */
export const SERVICE_LEVELS: Record<Channel, { plain: number; escalated: number }> = {
  whatsapp: { plain: 1, escalated: 2 },
  phone: { plain: 1, escalated: 5 },
  email: { plain: 1, escalated: 5 },
  portal: { plain: 1, escalated: 5 },
  live_chat: { plain: 1, escalated: 5 },
  visit: { plain: 1, escalated: 5 },
  video_conference: { plain: 1, escalated: 5 },
  letter: { plain: 1, escalated: 5 },
};

/** Hours left at or under which an open ticket is "due soon". */
export const DUE_SOON_HOURS = 4;

/** The ticket number pattern: `{seq:5}/KONS/{year}`. */
export const ticketNumber = (seq: number, year: number) => `${String(seq).padStart(5, '0')}/KONS/${year}`;
