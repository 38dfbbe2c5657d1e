import type { Reply, RouteSpec } from '../../../server/types.ts';
import type { Cbr } from '../model/cbr.ts';
import { associatePolicy, dissociatePolicy, listVaults, removeResources, startDeleteVault, summary } from '../model/vault-ops.ts';
import { addResources, createVault, renderVault, updateVault } from '../model/vaults.ts';
import { bodyObj, wrapped } from '../model/validate.ts';

const ok = (body: unknown): Reply => ({ status: 200, body });

/** Vault APIs (seed 004 §4.5). `/vaults/summary` is static and wins over `/vaults/{vault_id}` in the router. */
export function vaultRoutes(cbr: Cbr): RouteSpec[] {
  const base = '/v3/{project_id}/vaults';
  const show = (id: string) => renderVault(cbr, cbr.requireVault(id));
  return [
    { method: 'POST', path: base, operation: 'CreateVault', handler: (ctx) => ok({ vault: show(createVault(cbr, wrapped(ctx, 'vault'))) }) },
    { method: 'GET', path: base, operation: 'ListVault', handler: (ctx) => ok(listVaults(cbr, ctx.query)) },
    { method: 'GET', path: `${base}/summary`, operation: 'ShowVaultProjectSummary', handler: () => ok(summary(cbr)) },
    { method: 'GET', path: `${base}/{vault_id}`, operation: 'ShowVault', handler: (ctx) => ok({ vault: show(ctx.params.vault_id!) }) },
    {
      method: 'PUT', path: `${base}/{vault_id}`, operation: 'UpdateVault',
      handler: (ctx) => {
        updateVault(cbr, ctx.params.vault_id!, wrapped(ctx, 'vault'));
        return ok({ vault: show(ctx.params.vault_id!) });
      },
    },
    { method: 'DELETE', path: `${base}/{vault_id}`, operation: 'DeleteVault', handler: (ctx) => (startDeleteVault(cbr, ctx.params.vault_id!), { status: 204 }) },
    {
      method: 'POST', path: `${base}/{vault_id}/addresources`, operation: 'AddVaultResource',
      handler: (ctx) => ok({ add_resource_ids: addResources(cbr, ctx.params.vault_id!, bodyObj(ctx)) }),
    },
    {
      method: 'POST', path: `${base}/{vault_id}/removeresources`, operation: 'RemoveVaultResource',
      handler: (ctx) => ok({ remove_resource_ids: removeResources(cbr, ctx.params.vault_id!, bodyObj(ctx)) }),
    },
    {
      method: 'POST', path: `${base}/{vault_id}/associatepolicy`, operation: 'AssociateVaultPolicy',
      handler: (ctx) => ok({ associate_policy: associatePolicy(cbr, ctx.params.vault_id!, bodyObj(ctx)) }),
    },
    {
      method: 'POST', path: `${base}/{vault_id}/dissociatepolicy`, operation: 'DisassociateVaultPolicy',
      handler: (ctx) => ok({ dissociate_policy: dissociatePolicy(cbr, ctx.params.vault_id!, bodyObj(ctx)) }),
    },
  ];
}
