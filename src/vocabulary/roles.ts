/**
 * Roles. Persisted in users.role, which refuses any other value (CHECK in src/db/schema.ts):
 * never rename one. What each may do: src/auth/roles.ts.
 */
export const ROLES = {
  admin: 'Admin',
  officer: 'Petugas PPID',
  supervisor: 'Atasan PPID',
  auditor: 'Auditor',
  /** Staff of a unit that holds information: sees only the work sent to its unit (src/units). */
  unit: 'Staf unit kerja',
  /** Contact-centre staff (agen layanan konsultasi): the consultation desk only (src/desk). */
  agent: 'Agen layanan konsultasi',
} as const;
export type Role = keyof typeof ROLES;
