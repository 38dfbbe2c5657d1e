import { randomInt } from 'node:crypto';
import { hex } from '../../../server/ids.ts';
import { cbrError, invalid } from '../errors.ts';
import type { Cbr } from './cbr.ts';
import { createVault, MAX_SIZE, saveDoc, usedMb, vaultDoc } from './vaults.ts';
import { isObj, oneOf, optStr, reqStr, type Obj } from './validate.ts';

const SPEC_CODES = [
  'vault.backup.server.normal', 'vault.backup.turbo.normal', 'vault.backup.database.normal', 'vault.backup.volume.normal',
  'vault.backup.rds.normal', 'vault.replication.server.normal', 'vault.hybrid.server.normal',
] as const;
const PRODUCT_ID = /^[A-Za-z0-9_-]+$/;
const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

/** An order id as the billing system writes them: "CS2305081601LIS2V" (CS, yyMMddHHmm, five characters). */
export function orderId(ms: number): string {
  const d = new Date(ms).toISOString();
  const stamp = d.slice(2, 4) + d.slice(5, 7) + d.slice(8, 10) + d.slice(11, 13) + d.slice(14, 16);
  return `CS${stamp}${Array.from({ length: 5 }, () => LETTERS[randomInt(LETTERS.length)]).join('')}`;
}

/** `parameters.combined_order` of a vault order (L5598-5616): ids and counts of an ECS+vault bundle. */
function checkCombinedOrder(o: Obj): void {
  if (o.parameters === undefined) return;
  if (!isObj(o.parameters)) throw invalid('parameters must be an object');
  const c = o.parameters.combined_order;
  if (c === undefined) return;
  if (!isObj(c)) throw invalid('parameters.combined_order must be an object');
  reqStr(c, 'combined_order_id', 1, 64);
  for (const key of ['combined_order_ecs_num', 'combined_order_num']) {
    const n = c[key];
    if (n !== undefined && (typeof n !== 'number' || !Number.isInteger(n) || n < 1 || n > 1000)) throw invalid(`parameters.combined_order.${key} must be an integer from 1 to 1000`);
  }
}

/**
 * POST /vaults/order: a yearly/monthly vault. The emulator has no billing system, so the order is
 * paid at once (`is_auto_pay` or not) and the vault exists when the call returns.
 */
export function orderVault(cbr: Cbr, o: Obj): Record<string, unknown> {
  if (!isObj(o.billing)) throw invalid('billing is required');
  if (o.tags !== undefined && (!Array.isArray(o.tags) || o.tags.length < 1)) throw invalid('tags must hold 1-10 tags when given');
  optStr(o, 'description', 0, 255);
  checkCombinedOrder(o);
  // VaultOrder allows a 255-character description where VaultCreate stops at 64: create without it, then set it.
  const { description, parameters: _parameters, ...rest } = o;
  const billing = { ...o.billing, charging_mode: 'pre_paid' };
  const id = createVault(cbr, { ...rest, name: o.name ?? `vault-${hex(2)}`, billing, resources: o.resources ?? [] });
  const doc = vaultDoc(cbr.requireVault(id));
  doc.billing.order_id = orderId(cbr.now());
  if (typeof description === 'string') doc.description = description;
  saveDoc(cbr, id, doc);
  return { orders: [{ cloudServiceId: id, orderId: doc.billing.order_id, subscribeResult: 1, resourceId: id }], retCode: 0, errText: '', error_code: '' };
}

/**
 * PUT /orders/{order_id} (seed 004 §4.11): after a change order of a yearly/monthly vault is
 * paid, its new capacity applies. The order must be the vault's current one; the new size can
 * neither go below the stored backups nor shrink a prepaid vault.
 */
export function changeOrder(cbr: Cbr, id: string, o: Obj): Record<string, unknown> {
  const vaultId = reqStr(o, 'resourceId', 1, 64);
  optStr(o, 'cloudServiceConsoleURL', 1, 512);
  optStr(o, 'promotion_info', 0, 1024);
  const info = o.productInfo;
  if (!isObj(info)) throw invalid('productInfo is required');
  reqStr(info, 'productId', 1, 64, PRODUCT_ID);
  const spec = oneOf(info, 'resourceSpecCode', SPEC_CODES, true)!;
  const size = info.resourceSize;
  if (typeof size !== 'number' || !Number.isInteger(size) || size < 10 || size > MAX_SIZE) throw invalid(`productInfo.resourceSize must be an integer from 10 to ${MAX_SIZE}`);
  // The table names it resourceSizeMeasurementId, the example resourceSizeMeasureId: both are read.
  const measure = info.resourceSizeMeasurementId ?? info.resourceSizeMeasureId;
  if (measure !== undefined && measure !== 17) throw invalid('productInfo.resourceSizeMeasurementId must be 17 (GB)');
  const vault = cbr.requireVault(vaultId);
  const doc = vaultDoc(vault);
  if (doc.billing.charging_mode !== 'pre_paid') throw cbrError('BackupService.6110', `vault ${vaultId} is pay-per-use: change its size with PUT /vaults/${vaultId}`);
  if (doc.billing.order_id !== id) throw invalid(`order ${id} is not the current order of vault ${vaultId}`);
  if (vault.status !== 'available') throw cbrError('BackupService.6110', `vault ${vaultId} is ${vault.status}`);
  if (spec !== doc.billing.spec_code) throw invalid(`productInfo.resourceSpecCode of vault ${vaultId} is ${String(doc.billing.spec_code)}`);
  if (size < doc.billing.size) throw cbrError('BackupService.6101', 'a yearly/monthly vault cannot shrink');
  if (size * 1024 < usedMb(cbr, vaultId)) throw cbrError('BackupService.6101', `${size} GB is less than what its backups use`);
  const next = orderId(cbr.now());
  doc.billing.size = size;
  doc.billing.order_id = next;
  saveDoc(cbr, vaultId, doc);
  return { orderId: next, retCode: 0, retMsg: 'success' };
}
