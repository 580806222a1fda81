/** Records the delivery of the information (Pasal 22 ayat 7 huruf f–g), with its audit entry, in one transaction. */
import { recordEvent } from '../audit/audit.repo.js';
import { changedFields } from '../audit/changes.js';
import { notFound, outdated, refuseIf } from '../shared/errors.js';
import { formatDate, nowInstant, todayIn } from '../shared/dates.js';
import { formatRupiah } from '../shared/numbers.js';
import type { RequestRow } from '../db/schema.js';
import * as repo from './requests.repo.js';
import type { UseCase } from './requests.service.js';
import { checkDelivery, DELIVERY_RECORD_METHODS, type DeliveryInput } from './delivery.js';

export function recordDelivery({ db, actor, zone, input, id }: UseCase<DeliveryInput> & { id: number }): RequestRow {
  return db.transaction((tx) => {
    const r = repo.findRequest(tx, id);
    if (!r) throw notFound('Permohonan');
    if (input.version !== undefined && input.version !== r.version) throw outdated();
    refuseIf(checkDelivery(r, input, todayIn(zone)));
    const after = repo.updateRequestAtVersion(tx, r.id, r.version, {
      deliveredOn: input.deliveredOn, deliveredBy: input.method, deliveryCostCopy: input.costCopy, deliveryCostDelivery: input.costDelivery,
      deliveryCostOther: input.costOther, deliveryPaymentMethod: input.paymentMethod, deliveryNote: input.note, updatedAt: nowInstant(),
    });
    if (!after) throw outdated();
    const total = input.costCopy + input.costDelivery + input.costOther;
    recordEvent(tx, actor, {
      action: 'request.deliver', entityType: 'request', entityId: id,
      summary: `Informasi diberikan ${formatDate(input.deliveredOn)} (${DELIVERY_RECORD_METHODS[input.method]})${total ? `, biaya ${formatRupiah(total)}` : ''}`,
      ...changedFields(r, after),
    });
    return after;
  });
}
