/**
 * The one error type services throw. `userMessage` is Indonesian and safe to show;
 * `fields` maps a form field (or API path) to its message.
 */
export type ErrorCode =
  | 'validation'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'gone'
  | 'rate_limited'
  | 'payload_too_large';

const STATUS: Record<ErrorCode, number> = {
  validation: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  gone: 410,
  rate_limited: 429,
  payload_too_large: 413,
};

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    readonly userMessage: string,
    readonly fields: Record<string, string> = {},
  ) {
    super(userMessage);
    this.status = STATUS[code];
  }
}

export const notFound = (what = 'Data') => new AppError('not_found', `${what} tidak ditemukan.`);
export const forbidden = () =>
  new AppError('forbidden', 'Anda tidak berwenang melakukan tindakan ini.');
export const invalid = (fields: Record<string, string>, message = 'Periksa kembali isian yang ditandai.') =>
  new AppError('validation', message, fields);
export const outdated = () =>
  new AppError(
    'conflict',
    'Data ini telah diubah oleh pengguna lain sejak Anda membukanya. Muat ulang halaman lalu ulangi.',
  );

/** Throws a validation error when a rule check returned any field errors. */
export function refuseIf(fields: Record<string, string>): void {
  if (Object.keys(fields).length) throw invalid(fields);
}
