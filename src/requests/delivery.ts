/**
 * The delivery record (UU 14/2008 Pasal 22 ayat 7 huruf f–g): when and how the information was
 * actually given and what was paid, and the waktu pemenuhan (working days from receipt to
 * delivery) beside the service days (to the notice). Pure: vocabulary, schemas, rules.
 */
import { z } from 'zod';
import { formIntOr, isoDate, oneOf, optionalFormInt, optionalText } from '../shared/validation.js';
import { workingDaysBetween, type WorkingCalendar } from '../calendar/working-days.js';
import type { RequestRow } from '../db/schema.js';
import type { FieldErrors as Errors } from '../shared/rules.js';

/** How the information was given. */
export const DELIVERY_RECORD_METHODS = {
  pickup: 'Diserahkan langsung',
  email: 'E-mail',
  post: 'Pos',
  courier: 'Kurir',
  fax: 'Faksimili',
  inspect: 'Dilihat/dibaca di tempat',
} as const;

/** How the cost was paid. */
export const PAYMENT_METHODS = {
  none: 'Tanpa biaya',
  cash: 'Tunai',
  transfer: 'Transfer bank',
  other: 'Lainnya',
} as const;

const MAX_RUPIAH = 1_000_000_000;
const rupiah = () => formIntOr(0, MAX_RUPIAH, 0);

export const deliveryFormSchema = z.object({
  deliveredOn: isoDate(),
  method: oneOf(DELIVERY_RECORD_METHODS),
  costCopy: rupiah(),
  costDelivery: rupiah(),
  costOther: rupiah(),
  paymentMethod: z.union([z.literal(''), oneOf(PAYMENT_METHODS)]).default(''),
  note: optionalText(2000),
  version: optionalFormInt(1, Number.MAX_SAFE_INTEGER),
});
export type DeliveryInput = z.infer<typeof deliveryFormSchema>;

const apiRupiah = () => z.number().int().min(0).max(MAX_RUPIAH);
/** `POST /api/v1/requests/:id/delivery`. */
export const apiDeliverySchema = z
  .strictObject({
    delivered_on: isoDate(),
    method: oneOf(DELIVERY_RECORD_METHODS),
    cost_copy: apiRupiah(),
    cost_delivery: apiRupiah(),
    cost_other: apiRupiah(),
    payment_method: z.union([z.literal(''), oneOf(PAYMENT_METHODS)]).default(''),
    note: optionalText(2000),
    version: z.number().int().min(1).optional(),
  })
  .transform((b): DeliveryInput => ({
    deliveredOn: b.delivered_on, method: b.method, costCopy: b.cost_copy, costDelivery: b.cost_delivery, costOther: b.cost_other,
    paymentMethod: b.payment_method, note: b.note, version: b.version,
  }));
/** Domain field → API name, for errors raised by the rules. */
export const DELIVERY_API_NAMES: Record<string, string> = {
  deliveredOn: 'delivered_on', method: 'method', costCopy: 'cost_copy', costDelivery: 'cost_delivery', costOther: 'cost_other',
  paymentMethod: 'payment_method', note: 'note',
};

/** Information is delivered only after a decision that gives some of it, never before receipt or the decision, never in the future. */
export function checkDelivery(r: RequestRow, input: DeliveryInput, today: string): Errors {
  if (r.voidedOn) return { deliveredOn: 'Entri ini dibatalkan; pemberian informasi tidak dapat dicatat.' };
  if (r.withdrawn || (r.outcome !== 'full' && r.outcome !== 'partial')) {
    return { deliveredOn: 'Pemberian informasi dicatat setelah putusan "Dikabulkan seluruhnya" atau "Dikabulkan sebagian".' };
  }
  if (input.deliveredOn > today) return { deliveredOn: 'Tanggal pemberian tidak boleh di masa depan.' };
  if (r.decidedOn && input.deliveredOn < r.decidedOn) return { deliveredOn: 'Tanggal pemberian tidak boleh sebelum tanggal putusan.' };
  if (input.costCopy + input.costDelivery + input.costOther > 0 && !input.paymentMethod) {
    return { paymentMethod: 'Pilih cara pembayaran bila ada biaya.' };
  }
  return {};
}

/** Waktu pemenuhan: working days from receipt to delivery; null while not delivered. */
export function fulfilmentDays(r: Pick<RequestRow, 'receivedOn' | 'deliveredOn'>, cal: WorkingCalendar): number | null {
  return r.deliveredOn ? workingDaysBetween(r.receivedOn, r.deliveredOn, cal) : null;
}
