import { expect, test, type Page } from '@playwright/test';
import { attachScreens, createDisk, csrf, diskNamed, idleServer, signIn } from './helpers.ts';

const run = Date.now().toString(36);

async function openDisks(page: Page) {
  await page.goto('/login');
  await signIn(page);
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Disks' }).click();
  await expect(page).toHaveURL(/\/disks$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Disks' })).toBeVisible();
}

test.describe.configure({ mode: 'serial' });

const name = `e2e-disk-${run}`;

test('create a disk through the form and watch it become available live', async ({ page }) => {
  await openDisks(page);
  await expect(page.getByRole('status').filter({ hasText: 'Live' })).toBeVisible();
  await page.getByRole('button', { name: 'Create disk' }).click();
  const dialog = page.getByRole('dialog', { name: 'Create disk' });
  await expect(dialog.getByRole('progressbar', { name: 'Capacity quota' }).or(dialog.getByText(/No capacity limit/))).toBeVisible();
  await dialog.getByLabel('Disk type').selectOption('SSD');
  await dialog.getByLabel('Size (GiB)').fill('20');
  await dialog.getByLabel('Name').fill(name);
  await dialog.getByLabel('Tags').fill('env=e2e');
  await dialog.getByRole('button', { name: 'Create', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('Request accepted; the task is running', { exact: true }).first()).toBeVisible();

  await page.getByRole('searchbox').fill(name);
  const row = page.getByRole('table', { name: 'Disks' }).getByRole('row').filter({ hasText: name });
  // No reload: the event stream moves the row from creating to available.
  await expect(row).toContainText('Available', { timeout: 30_000 });
  await expect(row).toContainText('20 GiB');
  await expect(page.getByText('Create disk: Succeeded', { exact: true })).toBeVisible();
  await attachScreens(page, 'disks-list', async (p) => {
    await expect(p.getByRole('table').getByRole('row').filter({ hasText: name })).toBeVisible();
  });
});

test('expand the disk and snapshot it from its page', async ({ page }) => {
  await openDisks(page);
  await page.getByRole('searchbox').fill(name);
  await page.getByRole('table', { name: 'Disks' }).getByRole('link', { name }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();

  await test.step('expand: the range is explained and a size too small is refused', async () => {
    await page.getByRole('button', { name: 'Expand' }).click();
    const dialog = page.getByRole('dialog', { name: `Expand ${name}` });
    await dialog.getByLabel('New size (GiB)').fill('20');
    await dialog.getByRole('button', { name: 'Expand' }).click();
    await expect(dialog.getByText(/A whole number from 21 to/).last()).toBeVisible();
    await dialog.getByLabel('New size (GiB)').fill('30');
    await dialog.getByRole('button', { name: 'Expand' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('main')).toContainText('30 GiB', { timeout: 30_000 });
  });

  await test.step('snapshot: it shows in the disk\'s snapshots tab', async () => {
    await expect(page.getByRole('main').getByText('Available').first()).toBeVisible({ timeout: 30_000 });
    await page.getByRole('button', { name: 'Create snapshot' }).click();
    const dialog = page.getByRole('dialog', { name: `Snapshot ${name}` });
    await dialog.getByLabel('Name').fill(`${name}-snap`);
    await dialog.getByRole('button', { name: 'Create snapshot' }).click();
    await expect(dialog).toBeHidden();
    await page.getByRole('tab', { name: 'Snapshots' }).click();
    await expect(page).toHaveURL(/\?tab=snapshots$/);
    await expect(page.getByRole('tabpanel')).toContainText(`${name}-snap`, { timeout: 30_000 });
  });

  await test.step('the tasks tab lists this disk\'s tasks', async () => {
    await page.getByRole('tab', { name: 'Tasks' }).click();
    await expect(page.getByRole('table', { name: 'Tasks' })).toContainText('Expand', { timeout: 30_000 });
  });
});

test('attach the disk to a server from its page, see it there, and detach it', async ({ page }) => {
  const disk = await (async () => {
    await page.goto('/login');
    await signIn(page);
    return diskNamed(page.request, name);
  })();
  const server = await idleServer(page.request);
  // A disk attaches only within its own zone: a fresh one is made there when the zones differ.
  const subject = disk.availabilityZone === server.availabilityZone ? disk : await (async () => {
    const other = `${name}-z`;
    await createDisk(page.request, other, server.availabilityZone);
    return diskNamed(page.request, other);
  })();
  await page.goto(`/disks/${subject.id}`);
  await expect(page.getByRole('heading', { level: 1, name: subject.name })).toBeVisible();

  await test.step('attach: pick the server and a device, watch the disk become in use', async () => {
    await page.getByRole('button', { name: 'Attach', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: `Attach ${subject.name}` });
    await expect(dialog).toContainText(`Only servers in ${server.availabilityZone}`);
    await dialog.getByLabel('Server').selectOption(server.id);
    await dialog.getByRole('button', { name: 'Attach' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('main').getByText('In use').first()).toBeVisible({ timeout: 30_000 });
    await page.getByRole('tab', { name: 'Attachments' }).click();
    const panel = page.getByRole('tabpanel');
    await expect(panel.getByRole('link', { name: server.name })).toHaveAttribute('href', `/servers/${server.id}`);
    await expect(panel).toContainText(/\/dev\/[a-z]+/);
  });

  await attachScreens(page, 'disk-attached', async (p) => {
    await expect(p.getByRole('tabpanel').getByRole('link', { name: server.name })).toBeVisible();
  });

  await test.step('detach: the warning is said, and the disk is available again', async () => {
    await page.getByRole('button', { name: 'Detach', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: `Detach ${subject.name}?` });
    await expect(dialog).toContainText('Unmount the disk inside the server first');
    await dialog.getByRole('button', { name: 'Detach' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('main').getByText('Available').first()).toBeVisible({ timeout: 30_000 });
    await expect(page.getByRole('tabpanel').getByRole('link', { name: server.name })).toHaveCount(0);
  });
});

test('snapshots: roll back with its preconditions, and create a disk from one', async ({ page }) => {
  const snapshot = `${name}-snap`;
  await page.goto('/login');
  await signIn(page);
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Snapshots' }).click();
  await page.getByRole('searchbox').fill(snapshot);
  const row = page.getByRole('table', { name: 'Snapshots' }).getByRole('row').filter({ hasText: snapshot });
  await expect(row).toContainText('Available', { timeout: 30_000 });
  await expect(row.getByRole('link', { name })).toBeVisible();

  await test.step('rollback explains what it needs and runs once confirmed', async () => {
    await row.getByRole('button', { name: `Actions for ${snapshot}` }).click();
    await page.getByRole('menuitem', { name: 'Roll back disk' }).click();
    const dialog = page.getByRole('dialog', { name: `Roll back to ${snapshot}?` });
    await expect(dialog).toContainText('The disk must be detached from every server');
    await dialog.getByRole('button', { name: 'Roll back disk' }).click();
    await expect(dialog).toBeHidden();
    // The toast links the task; it is followed to its end through the API.
    const href = await page.getByRole('link', { name: 'View task' }).last().getAttribute('href');
    await expect(async () => {
      const task = (await (await page.request.get(`/api/v1${href!}`)).json()) as { status: string };
      expect(task.status).toBe('succeeded');
    }).toPass({ timeout: 30_000 });
  });

  await test.step('"create disk from it" opens the disk form with the snapshot chosen', async () => {
    await expect(row).toContainText('Available', { timeout: 30_000 });
    await row.getByRole('button', { name: `Actions for ${snapshot}` }).click();
    await page.getByRole('menuitem', { name: 'Create disk from it' }).click();
    await expect(page).toHaveURL(/\/disks\?create=/);
    const dialog = page.getByRole('dialog', { name: 'Create disk' });
    await expect(dialog.getByLabel('From snapshot')).toHaveValue(/.+/);
    await expect(dialog.getByLabel('Size (GiB)')).toHaveValue('30');
  });
});

test('delete a disk after typing its name', async ({ page }) => {
  const doomed = `e2e-doomed-${run}`;
  await page.goto('/login');
  await signIn(page);
  await createDisk(page.request, doomed);
  const disk = await diskNamed(page.request, doomed);
  await page.goto(`/disks/${disk.id}`);
  await page.getByRole('button', { name: 'Delete' }).click();
  const dialog = page.getByRole('dialog', { name: `Delete ${doomed}?` });
  const confirm = dialog.getByRole('button', { name: 'Delete' });
  await expect(confirm).toBeDisabled();
  await dialog.getByLabel(`Type ${doomed} to confirm`).fill(doomed);
  await confirm.click();
  await expect(page).toHaveURL(/\/disks$/);
  await page.getByRole('searchbox').fill(doomed);
  await expect(page.getByRole('table', { name: 'Disks' }).getByRole('row').filter({ hasText: doomed })).toHaveCount(0, { timeout: 30_000 });
});

test('batch delete refuses the attached disk with the reason and deletes the rest', async ({ page }) => {
  await page.goto('/login');
  await signIn(page);
  const server = await idleServer(page.request);
  const prefix = `e2e-batch-${run}`;
  for (const suffix of ['a', 'b', 'c']) await createDisk(page.request, `${prefix}-${suffix}`, server.availabilityZone);
  const attached = await diskNamed(page.request, `${prefix}-a`);
  await diskNamed(page.request, `${prefix}-b`);
  await diskNamed(page.request, `${prefix}-c`);
  const attach = await page.request.post(`/api/v1/servers/${server.id}/volumes`, { headers: await csrf(page.request), data: { diskId: attached.id } });
  expect(attach.status(), await attach.text()).toBe(202);
  await diskNamed(page.request, `${prefix}-a`, 'in-use');

  await page.goto(`/disks?q=${prefix}`);
  const table = page.getByRole('table', { name: 'Disks' });
  await expect(table.getByRole('row').filter({ hasText: prefix })).toHaveCount(3);
  await expect(table.getByRole('row').filter({ hasText: `${prefix}-a` })).toContainText('In use');
  await page.getByRole('checkbox', { name: 'Select all rows on this page' }).check();
  await page.getByRole('region', { name: 'Selected rows' }).getByRole('button', { name: 'Delete' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete: 3 selected' });
  await expect(dialog).toContainText('Will be sent for 2; not possible for 1.');
  await expect(dialog.getByRole('listitem').filter({ hasText: `${prefix}-a` })).toContainText('The disk is attached to a server; detach it first.');
  await dialog.getByRole('button', { name: 'Delete (2)' }).click();
  await expect(dialog).toContainText('Done: 2 succeeded, 0 failed.');
  await dialog.getByRole('button', { name: 'Close' }).first().click();
  await expect(table.getByRole('row').filter({ hasText: prefix })).toHaveCount(1, { timeout: 30_000 });
  await expect(table.getByRole('row').filter({ hasText: `${prefix}-a` })).toBeVisible();

  // Leave the server as it was found.
  const detach = await page.request.delete(`/api/v1/servers/${server.id}/volumes/${attached.id}`, { headers: await csrf(page.request) });
  expect(detach.status(), await detach.text()).toBe(202);
  await diskNamed(page.request, `${prefix}-a`);
  await page.request.delete(`/api/v1/disks/${attached.id}`, { headers: await csrf(page.request) });
});

test('bad input in the create form shows errors under the fields, and nothing is sent', async ({ page }) => {
  await openDisks(page);
  await page.getByRole('button', { name: 'Create disk' }).click();
  const dialog = page.getByRole('dialog', { name: 'Create disk' });
  await dialog.getByLabel('Size (GiB)').fill('5');
  await dialog.getByLabel('Number of disks').fill('0');
  await dialog.getByLabel('Tags').fill('bad key=1');
  let posted = false;
  page.on('request', (request) => {
    if (request.method() === 'POST' && request.url().endsWith('/api/v1/disks')) posted = true;
  });
  await dialog.getByRole('button', { name: 'Create', exact: true }).click();
  await expect(dialog.getByLabel('Size (GiB)')).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog.getByText(/^A whole number from 10 to \d+ GiB\.$/).last()).toBeVisible();
  await expect(dialog.getByText('A whole number from 1 to 100.')).toBeVisible();
  await expect(dialog.getByText(/Keys and values use letters/)).toBeVisible();
  await expect(dialog).toBeVisible();
  expect(posted).toBe(false);
});
