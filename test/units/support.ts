/** Shared set-up of the units tests: a fixed clock, units, requests and logged-in agents. */
import { vi } from 'vitest';
import type { Db } from '../../src/db/client.js';
import { createUnit } from '../../src/units/units.service.js';
import { makeRequest, testActor } from '../helpers/factories.js';

/** Monday 2 March 2026, 10:00 WIB: a request received today is due on 16 March (10 working days). */
export const TODAY = '2026-03-02';
export const LEGAL_DUE = '2026-03-16';
/** Two working days before the legal due date: the default internal due date. */
export const DEFAULT_INTERNAL_DUE = '2026-03-12';

export function fixClock(): void {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-03-02T03:00:00Z'));
}

export function unit(db: Db, code: string, extra: { kind?: 'utama' | 'pelaksana' | 'unit'; parentId?: number; active?: boolean } = {}) {
  return createUnit({ db, actor: testActor, input: { code, name: `Unit ${code}`, kind: extra.kind ?? 'unit', parentId: extra.parentId, active: extra.active ?? true } });
}

/** A request received today, with identifying data a unit must never see. */
export function secretRequest(db: Db) {
  return makeRequest(db, {
    receivedOn: TODAY,
    requesterName: 'Rahasia Wibisono',
    requesterIdNumber: '3175012345678901',
    requesterPhone: '0812-9999-1111',
    requesterEmail: 'rahasia@contoh.id',
    requesterAddress: 'Jl. Tersembunyi 9',
    informationRequested: 'Realisasi DAK fisik 2025 per kabupaten',
    purpose: 'Penelitian kebijakan fiskal',
  });
}

export const IDENTITY = ['Rahasia Wibisono', '3175012345678901', '0812-9999-1111', 'rahasia@contoh.id', 'Jl. Tersembunyi 9'];
