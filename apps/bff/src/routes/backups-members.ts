import { Router } from 'express';
import type { CbrTypes } from '@console/cloud';
import { AddBackupMembersSchema, ProjectIdSchema, whyNotShare, type BackupMember, type BackupMemberList, type BackupMembersResponse } from '@console/contract';
import type { ConsoleContext } from '../context.ts';
import { parseWith } from '../http/validate.ts';
import { requireRole } from '../auth/roles.ts';
import { describeAudit } from '../audit/middleware.ts';
import { cbrTime } from './cbr-map.ts';
import { backupRef, readBackup } from './cbr-lookup.ts';
import { doneTask, evsCall, fieldError, pathId, refused, type EvsCall, upstreamOf } from './evs-tasks.ts';

const toMember = (m: CbrTypes.BackupMember): BackupMember => ({
  projectId: m.dest_project_id,
  status: m.status,
  ...(m.vault_id ? { vaultId: m.vault_id } : {}),
  createdAt: cbrTime(m.created_at),
  updatedAt: cbrTime(m.updated_at),
});

async function members(call: EvsCall, backupId: string): Promise<BackupMember[]> {
  const r = await call.clients.cbr.listBackupMembers(backupId, { limit: 1000 });
  return (r.data.members ?? []).map(toMember);
}

/**
 * Sharing a server backup with other projects. The cloud answers at once; each recipient project
 * then accepts or rejects on its side, which the member's status shows.
 */
export function backupMemberRoutes(ctx: ConsoleContext): Router {
  const router = Router();
  const operator = requireRole('operator');

  router.get('/backups/:id/members', async (req, res) => {
    const id = pathId(req, 'backup');
    const call = evsCall(ctx, req);
    await readBackup(call.clients, id);
    const items = await members(call, id);
    res.json({ items, total: items.length } satisfies BackupMemberList);
  });

  router.post('/backups/:id/members', operator, async (req, res) => {
    const id = pathId(req, 'backup');
    describeAudit(res, 'backup.share', id);
    const { projectIds } = parseWith(AddBackupMembersSchema, req.body);
    const call = evsCall(ctx, req);
    const backup = await readBackup(call.clients, id);
    const refusal = whyNotShare(backup);
    if (refusal) throw refused(refusal);
    const own = call.profile.projectId;
    const self = projectIds.findIndex((p) => p === own);
    if (self >= 0) throw fieldError(`projectIds.${self}`, 'this is the backup\'s own project; share with another one');
    const already = await members(call, id);
    const twice = projectIds.findIndex((p) => already.some((m) => m.projectId === p));
    if (twice >= 0) throw fieldError(`projectIds.${twice}`, 'the backup is already shared with this project');
    const r = await call.clients.cbr.addBackupMembers(id, projectIds);
    const ref = backupRef(backup);
    const task = doneTask(ctx, call, 'backup.share', ref, upstreamOf('cbr', r.requestId));
    res.json({ task, members: await members(call, id) } satisfies BackupMembersResponse);
  });

  router.delete('/backups/:id/members/:projectId', operator, async (req, res) => {
    const id = pathId(req, 'backup');
    const projectId = parseWith(ProjectIdSchema, req.params.projectId);
    describeAudit(res, 'backup.unshare', `${id}:${projectId}`);
    const call = evsCall(ctx, req);
    const backup = await readBackup(call.clients, id);
    if (!(await members(call, id)).some((m) => m.projectId === projectId)) throw fieldError('projectId', 'the backup is not shared with this project');
    const r = await call.clients.cbr.deleteBackupMember(id, projectId);
    const ref = backupRef(backup);
    const task = doneTask(ctx, call, 'backup.unshare', ref, upstreamOf('cbr', r.requestId));
    res.json({ task, members: await members(call, id) } satisfies BackupMembersResponse);
  });

  return router;
}
