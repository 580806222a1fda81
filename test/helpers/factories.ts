import type { Db } from '../../src/db/client.js';
import type { DecisionInput, ExtensionInput, IntakeInput } from '../../src/requests/requests.schemas.js';
import { decideRequest, extendRequest, registerRequest } from '../../src/requests/requests.service.js';
import type { FilingInput } from '../../src/objections/objections.schemas.js';
import { fileObjection } from '../../src/objections/objections.service.js';
import type { Actor } from '../../src/audit/audit.repo.js';

export const testActor: Actor = { userId: null, label: 'test' };
const zone = 'Asia/Jakarta';

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
  return registerRequest({ db, actor: testActor, zone, input: intakeInput(overrides) });
}

/**
 * A complete decision as the form posts it: rejected under Pasal 17 huruf h on 8 March 2022
 * (within the time of a request received on 1 March 2022), the usual state before an objection.
 */
export function decisionInput(overrides: Partial<DecisionInput> = {}): DecisionInput {
  return {
    decidedOn: '2022-03-08', outcome: 'rejected', reasons: ['exempt'], exemptionArticles: ['h'], consequenceTest: 'Membuka data pribadi.',
    exemptionWhileProtected: true, exemptionBasis: 'UU 14/2008 Pasal 17 huruf h',
    reasonNote: '', noticeNote: '', feeRupiah: 0, correctionNote: '',
    // The notice's items (Pasal 22 ayat 7): harmless where the outcome does not need them.
    givenForm: 'softcopy', provideOn: overrides.decidedOn ?? '2022-03-08', redactedParts: 'NIK penerima dihitamkan', heldBy: 'Dinas Sosial',
    ...overrides,
  };
}

/** A granted-in-full decision (no reasons), for `decision` in makeDecidedRequest. */
export const grantedInFull: Partial<DecisionInput> = { outcome: 'full', reasons: [], exemptionArticles: [] };

/** A request received on 1 March 2022 and decided (by default rejected, Pasal 17 huruf h, on 8 March). */
export function makeDecidedRequest(db: Db, { request = {}, decision = {} }: { request?: Partial<IntakeInput>; decision?: Partial<DecisionInput> } = {}) {
  const r = makeRequest(db, { receivedOn: '2022-03-01', ...request });
  return decideRequest({ db, actor: testActor, zone, id: r.id, input: decisionInput(decision) });
}

/** A request received on 1 March 2022 and extended by 7 working days on 15 March (its original due date). */
export function makeExtendedRequest(db: Db, { request = {}, extension = {} }: { request?: Partial<IntakeInput>; extension?: Partial<ExtensionInput> } = {}) {
  const r = makeRequest(db, { receivedOn: '2022-03-01', ...request });
  return extendRequest({ db, actor: testActor, zone, id: r.id, input: { extendedOn: '2022-03-15', extensionDays: 7, extensionReason: 'Data tersebar di beberapa unit.', ...extension } });
}

/** A complete objection filing: by the requester on 20 March 2022, huruf a (an exemption refused). */
export function filingInput(overrides: Partial<FilingInput> = {}): FilingInput {
  return { filedOn: '2022-03-20', grounds: ['a'], statement: 'Data tidak bersifat rahasia', filedBy: 'requester', proxyName: '', lateNote: '', ...overrides };
}

/**
 * An objection against a decided request (by default: received 1 March 2022, rejected under
 * huruf h on 8 March, objection on huruf a filed 20 March). Returns the objection and its request.
 */
export function makeObjection(db: Db, { request = {}, decision = {}, filing = {} }: { request?: Partial<IntakeInput>; decision?: Partial<DecisionInput>; filing?: Partial<FilingInput> } = {}) {
  const decided = makeDecidedRequest(db, { request, decision });
  const objection = fileObjection({ db, actor: testActor, zone, requestId: decided.id, input: filingInput(filing) });
  return { request: decided, objection };
}
