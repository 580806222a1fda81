import type { Db } from '../../src/db/client.js';
import type { IntakeInput } from '../../src/requests/requests.schemas.js';
import { registerRequest } from '../../src/requests/requests.service.js';
import type { Actor } from '../../src/audit/audit.repo.js';

export const testActor: Actor = { userId: null, label: 'test' };

/** A complete, valid intake as the form posts it. */
export function intakeInput(overrides: Partial<IntakeInput> = {}): IntakeInput {
  return {
    receivedOn: '2022-03-01',
    channel: 'email',
    requesterName: 'Dewi Lestari',
    requesterIdNumber: '3171234567890001',
    requesterAddress: 'Jl. Merdeka No. 1, Jakarta',
    requesterPhone: '081234567890',
    requesterEmail: 'dewi@example.ac.id',
    requesterOccupation: 'Peneliti',
    requesterType: 'individual',
    requesterCategory: 'academic',
    proxyName: '',
    informationRequested: 'Data realisasi belanja DAK fisik 2021 per kabupaten',
    purpose: 'Penelitian tesis',
    obtainMethod: 'softcopy',
    deliveryMethod: 'email',
    requesterNoContact: '',
    ...overrides,
  };
}

/** The same intake in the API's snake_case shape. */
export function apiIntakeBody(overrides: Record<string, unknown> = {}) {
  const i = intakeInput();
  return {
    received_on: i.receivedOn,
    channel: i.channel,
    requester: {
      name: i.requesterName, id_number: i.requesterIdNumber, address: i.requesterAddress, phone: i.requesterPhone,
      email: i.requesterEmail, occupation: i.requesterOccupation, type: i.requesterType, category: i.requesterCategory,
    },
    information_requested: i.informationRequested,
    purpose: i.purpose,
    obtain_method: i.obtainMethod,
    delivery_method: i.deliveryMethod,
    ...overrides,
  };
}

export function makeRequest(db: Db, overrides: Partial<IntakeInput> = {}) {
  return registerRequest({ db, actor: testActor, zone: 'Asia/Jakarta', input: intakeInput(overrides) });
}
