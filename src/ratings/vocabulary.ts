/**
 * Closed vocabularies of the satisfaction survey. Codes are persisted (ratings.*): never rename one.
 */

/** The nine service elements of the SKM (PermenPAN-RB 14/2017, Lampiran: "Unsur Survei"), in order. */
export const SKM_ELEMENTS = [
  { code: 'u1', label: 'Persyaratan' },
  { code: 'u2', label: 'Sistem, mekanisme, dan prosedur' },
  { code: 'u3', label: 'Waktu penyelesaian' },
  { code: 'u4', label: 'Biaya/tarif' },
  { code: 'u5', label: 'Produk spesifikasi jenis pelayanan' },
  { code: 'u6', label: 'Kompetensi pelaksana' },
  { code: 'u7', label: 'Perilaku pelaksana' },
  { code: 'u8', label: 'Penanganan pengaduan, saran, dan masukan' },
  { code: 'u9', label: 'Sarana dan prasarana' },
] as const;
export type SkmCode = (typeof SKM_ELEMENTS)[number]['code'];

/** The answer scale of each element (1 = tidak baik … 4 = sangat baik). */
export const SKM_ANSWERS = { 1: 'Tidak baik', 2: 'Kurang baik', 3: 'Baik', 4: 'Sangat baik' } as const;

/** Respondent profile the regulation asks for; never a name. '' = not given. */
export const AGE_BANDS = { lt20: 'Di bawah 20 tahun', '20-29': '20–29 tahun', '30-39': '30–39 tahun', '40-49': '40–49 tahun', '50+': '50 tahun ke atas' } as const;
export const SEXES = { l: 'Laki-laki', p: 'Perempuan' } as const;
export const EDUCATIONS = { sd: 'SD ke bawah', smp: 'SMP', sma: 'SMA/sederajat', d3: 'D1–D3', s1: 'D4/S1', s2: 'S2 ke atas' } as const;
export const OCCUPATIONS = { pns: 'PNS/ASN', tni: 'TNI/Polri', swasta: 'Pegawai swasta', wirausaha: 'Wirausaha', pelajar: 'Pelajar/mahasiswa', lainnya: 'Lainnya' } as const;

/** What a link rates; persisted in rating_links.subject_type. */
export const SUBJECT_TYPES = { consultation: 'Konsultasi', request: 'Permohonan informasi' } as const;
export type SubjectType = keyof typeof SUBJECT_TYPES;
