/**
 * Closed vocabularies of the request register. Members are persisted in the database, which
 * refuses any other value (CHECK constraints in src/db/schema.ts): adding one needs a migration
 * (`npx drizzle-kit generate`), renaming or removing one a data migration too.
 */

/** How the request reached the office (Perki 1/2021 register: saluran). */
export const CHANNELS = {
  walk_in: 'Langsung (datang)',
  letter: 'Surat',
  email: 'E-mail',
  website: 'Website/aplikasi',
  whatsapp: 'WhatsApp',
  phone: 'Telepon',
  fax: 'Faksimili',
  other: 'Lainnya',
} as const;

/** Who the requester is legally. */
export const REQUESTER_TYPES = {
  individual: 'Perorangan',
  legal_entity: 'Badan hukum',
  group: 'Kelompok orang',
} as const;

/** The groups the office's monthly reports use. */
export const REQUESTER_CATEGORIES = {
  local_government: 'Pemerintah Daerah',
  ministry_agency: 'Kementerian/Lembaga',
  academic: 'Akademisi/Peneliti',
  media: 'Media',
  private_sector: 'Swasta',
  ngo: 'LSM',
  public: 'Masyarakat',
  other: 'Lainnya',
} as const;

/** Cara memperoleh informasi. */
/** The form the information is given in (Pasal 22 ayat 7 huruf d). Persisted in requests.given_form. */
export const GIVEN_FORMS = {
  softcopy: 'Salinan elektronik (softcopy)',
  hardcopy: 'Salinan cetak (hardcopy)',
  inspect: 'Melihat/membaca di tempat',
} as const;

export const OBTAIN_METHODS = {
  inspect: 'Melihat/membaca/mendengarkan/mencatat',
  softcopy: 'Mendapatkan salinan softcopy',
  hardcopy: 'Mendapatkan salinan hardcopy',
} as const;

/** Cara mendapatkan salinan informasi. */
export const DELIVERY_METHODS = {
  pickup: 'Mengambil langsung',
  courier: 'Kurir',
  post: 'Pos',
  fax: 'Faksimili',
  email: 'E-mail',
} as const;

/** The decision on a request (Pasal 22 ayat 7; the recap's outcome columns). */
export const OUTCOMES = {
  full: 'Dikabulkan sepenuhnya',
  partial: 'Dikabulkan sebagian',
  rejected: 'Ditolak',
  not_provided: 'Tidak diberikan',
} as const;

/** Why information was withheld; every outcome but `full` carries at least one. */
export const REASONS = {
  exempt: 'Dikecualikan (Pasal 17)',
  not_held: 'Belum dikuasai/belum didokumentasikan',
  other: 'Lainnya',
} as const;

/** UU 14/2008 Pasal 17 letters a–j. */
export const EXEMPTION_ARTICLES = {
  a: 'menghambat proses penegakan hukum',
  b: 'mengganggu perlindungan HAKI dan persaingan usaha tidak sehat',
  c: 'membahayakan pertahanan dan keamanan negara',
  d: 'mengungkapkan kekayaan alam Indonesia',
  e: 'merugikan ketahanan ekonomi nasional',
  f: 'merugikan kepentingan hubungan luar negeri',
  g: 'mengungkap isi akta otentik pribadi atau wasiat',
  h: 'mengungkap rahasia pribadi',
  i: 'memorandum/surat antar atau intra badan publik yang dirahasiakan',
  j: 'informasi yang tidak boleh diungkapkan berdasarkan undang-undang',
} as const;

export type Channel = keyof typeof CHANNELS;
export type RequesterType = keyof typeof REQUESTER_TYPES;
export type RequesterCategory = keyof typeof REQUESTER_CATEGORIES;
export type ObtainMethod = keyof typeof OBTAIN_METHODS;
export type DeliveryMethod = keyof typeof DELIVERY_METHODS;
export type Outcome = keyof typeof OUTCOMES;
export type Reason = keyof typeof REASONS;
export type ExemptionArticle = keyof typeof EXEMPTION_ARTICLES;

/**
 * Why an entry was voided (Batalkan entri). Persisted in requests.void_reason: never rename a
 * member. A voided entry keeps its number and stays in the register, out of every count.
 */
export const VOID_REASONS = {
  duplicate: 'Entri ganda', // the same request registered twice
  mistaken: 'Salah catat', // not a request at all, or recorded by mistake
  other: 'Lainnya', // explained in the note
} as const;
export type VoidReason = keyof typeof VOID_REASONS;

/** The note a withdrawal records as its "other" reason. */
export const WITHDRAWN_NOTE = 'dicabut';

/** How the record entered the app (requests.source). */
export const REQUEST_SOURCES = {
  staff: 'Dicatat petugas',
  web: 'Formulir daring',
  api: 'API',
  import: 'Impor register',
} as const;
export type RequestSource = keyof typeof REQUEST_SOURCES;
