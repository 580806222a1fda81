/** Shared set-up of the PPID Pelaksana tests: a PPID Utama, two Pelaksana with their own patterns. */
import type { Db } from '../../src/db/client.js';
import { createUnit } from '../../src/units/units.service.js';
import { registerRequest } from '../../src/requests/requests.service.js';
import { intakeInput, testActor } from '../helpers/factories.js';
import type { IntakeInput } from '../../src/requests/requests.schemas.js';

export const P1_PATTERN = '{seq:3}/PPID-P1/{month_roman}/{year}';
export const P2_PATTERN = 'P2-{year}-{seq:4}';

export function ministry(db: Db) {
  const make = (code: string, kind: 'utama' | 'pelaksana' | 'unit', numberPattern = '', parentId?: number) =>
    createUnit({ db, actor: testActor, input: { code, name: `Unit ${code}`, kind, active: true, numberPattern, parentId } });
  const utama = make('PPID', 'utama');
  const p1 = make('P1', 'pelaksana', P1_PATTERN, utama.id);
  const p2 = make('P2', 'pelaksana', P2_PATTERN, utama.id);
  return { utama, p1, p2 };
}

/** A request registered by a Pelaksana (unit id) or, with null, by the PPID Utama. */
export function registerFor(db: Db, pelaksanaUnitId: number | null, overrides: Partial<IntakeInput> = {}) {
  return registerRequest({ db, actor: testActor, zone: 'Asia/Jakarta', input: intakeInput(overrides), pelaksanaUnitId });
}
