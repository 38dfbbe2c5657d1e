import { mkdirSync } from 'node:fs';
import { expect, test, type APIRequestContext, type Browser, type Page } from '@playwright/test';
import type { Backup, BackupPage, Disk, DiskPage, EmulatorStatus, Policy, PolicyList, Vault, VaultPage } from '../packages/contract/src/index.ts';
import { createDisk, csrf, diskNamed, signIn } from './helpers.ts';

// The data-protection walkthrough: a disk vault with a daily policy, a backup made by hand and one
// made by the policy when the emulator's clock reaches the time the schedule editor previewed.
// The browser runs in Shanghai (UTC+08:00), so local times and the stored UTC rules differ.

const run = Date.now().toString(36);
const diskName = `e2e-vault-disk-${run}`;
const vaultName = `e2e-vault-${run}`;
const policyName = `e2e-daily-${run}`;
const shots = '/tmp/shots-vaults';

test.use({ timezoneId: 'Asia/Shanghai', viewport: { width: 1440, height: 1000 } });
test.describe.configure({ mode: 'serial' });

/** The emulator's clock, moved through the console's relay of its control API. */
async function clock(request: APIRequestContext, body: { action: 'freeze' | 'resume' } | { action: 'advance'; seconds: number }): Promise<EmulatorStatus> {
  const res = await request.post('/api/v1/emulator/clock', { headers: await csrf(request), data: body });
  expect(res.status(), await res.text()).toBe(200);
  return (await res.json()) as EmulatorStatus;
}

async function emulatorNow(request: APIRequestContext): Promise<number> {
  return Date.parse(((await (await request.get('/api/v1/emulator')).json()) as EmulatorStatus).clock.now);
}

async function vaultNamed(request: APIRequestContext): Promise<Vault> {
  const page = (await (await request.get(`/api/v1/vaults?name=${vaultName}`)).json()) as VaultPage;
  return page.items.find((v) => v.name === vaultName)!;
}

async function backupsOf(request: APIRequestContext, vaultId: string): Promise<Backup[]> {
  return ((await (await request.get(`/api/v1/backups?vaultId=${vaultId}`)).json()) as BackupPage).items;
}

async function openVault(page: Page) {
  await page.goto('/login');
  await signIn(page);
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Vaults' }).click();
  await page.getByRole('searchbox').fill(vaultName);
  await page.getByRole('table', { name: 'Vaults' }).getByRole('link', { name: vaultName }).click();
  await expect(page.getByRole('heading', { level: 1, name: vaultName })).toBeVisible();
}

// The tests after this file need a running clock, even when a step here failed with it frozen.
test.afterAll(async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto('/login');
  await signIn(page);
  await clock(page.request, { action: 'resume' });
  await context.close();
});

test('create a disk vault with a new daily policy and the disk, through the wizard', async ({ page }) => {
  await page.goto('/login');
  await signIn(page);
  // Setup through the API: a disk to protect, and an emulator clock that moves only when told.
  await createDisk(page.request, diskName);
  await diskNamed(page.request, diskName);
  await clock(page.request, { action: 'freeze' });

  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Vaults' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Vaults' })).toBeVisible();
  await page.getByRole('button', { name: 'Create vault' }).click();
  const wizard = page.getByRole('dialog', { name: 'Create vault' });

  await test.step('type and size: a size below the minimum is refused before sending', async () => {
    await expect(wizard.getByLabel('Disks')).toBeChecked();
    await wizard.getByLabel('Name').fill(vaultName);
    await wizard.getByLabel('Size (GiB)').fill('5');
    await wizard.getByRole('button', { name: 'Next' }).click();
    await expect(wizard.getByText('A whole number from 10 to 10485760.').last()).toBeVisible();
    await wizard.getByLabel('Size (GiB)').fill('100');
    await wizard.getByRole('button', { name: 'Next' }).click();
  });

  await test.step('resources: the disk is picked from the disk list', async () => {
    await wizard.getByLabel('Filter by name or ID').fill(diskName);
    await wizard.getByLabel(diskName).check();
    await expect(wizard.getByText('Chosen: 1')).toBeVisible();
    await wizard.getByRole('button', { name: 'Next' }).click();
  });

  await test.step('policy: a new daily one, whose local time is stored in UTC', async () => {
    await wizard.getByLabel('A new policy').check();
    await wizard.getByLabel('Name', { exact: true }).fill(policyName);
    await expect(wizard.getByLabel('Every N days')).toBeChecked();
    await expect(wizard.getByText('Times in your time zone: Asia/Shanghai (UTC+08:00).')).toBeVisible();
    // 02:00 in Shanghai is 18:00 UTC the day before.
    await expect(wizard.getByText('FREQ=DAILY;INTERVAL=1;BYHOUR=18;BYMINUTE=00')).toBeVisible();
    await expect(wizard.getByRole('list', { name: 'Next runs' }).getByRole('listitem')).toHaveCount(5);
    mkdirSync(shots, { recursive: true });
    await page.screenshot({ path: `${shots}/wizard-policy-en-light.png` });
    await wizard.getByRole('button', { name: 'Next' }).click();
  });

  await wizard.getByLabel('Tags').fill('env=e2e');
  await wizard.getByRole('button', { name: 'Create vault' }).click();
  await expect(wizard).toBeHidden();
  await expect(page.getByRole('heading', { level: 1, name: vaultName })).toBeVisible();
  await expect(page.getByRole('main')).toContainText(policyName);
  await page.getByRole('tab', { name: /Resources/ }).click();
  await expect(page.getByRole('table', { name: 'Resources' })).toContainText(diskName);
  await expect(page.getByRole('table', { name: 'Resources' })).toContainText('Protected');
});

test('back up now and watch the backup become available', async ({ page }) => {
  await openVault(page);
  await page.getByRole('button', { name: 'Back up now' }).click();
  const dialog = page.getByRole('dialog', { name: `Back up ${vaultName} now` });
  await dialog.getByLabel('Backup name (optional)').fill(`manual_${run}`);
  await dialog.getByRole('button', { name: 'Back up now' }).click();
  await expect(dialog).toBeHidden();

  await page.getByRole('tab', { name: 'Backups' }).click();
  const row = page.getByRole('table', { name: 'Backups' }).getByRole('row').filter({ hasText: `manual_${run}` });
  await expect(row).toContainText('Backing up', { timeout: 15_000 });
  // A backup takes 30 s on the emulator's clock; no reload: the event stream moves the row.
  await clock(page.request, { action: 'advance', seconds: 31 });
  await expect(row).toContainText('Available', { timeout: 30_000 });
});

test('restore the backup: the disk goes through restoring to available', async ({ page }) => {
  await openVault(page);
  await page.getByRole('tab', { name: 'Backups' }).click();
  await page.getByRole('table', { name: 'Backups' }).getByRole('link', { name: `manual_${run}` }).click();
  await expect(page.getByRole('heading', { level: 1, name: `manual_${run}` })).toBeVisible();
  await page.getByRole('button', { name: 'Restore' }).click();
  const dialog = page.getByRole('dialog', { name: `Restore manual_${run}` });
  await expect(dialog).toContainText('The backup must be available.');
  await expect(dialog).toContainText('at least as large as what was backed up');
  await page.screenshot({ path: `${shots}/restore-en-light.png` });
  await dialog.getByRole('button', { name: 'Restore' }).click();

  const progress = page.getByRole('dialog', { name: 'Restoring' });
  await expect(progress).toContainText(/Running|Queued/);
  const disk = ((await (await page.request.get(`/api/v1/disks?name=${diskName}`)).json()) as DiskPage).items[0]!;
  await page.goto(`/disks/${disk.id}`);
  await expect(page.getByRole('heading', { level: 1, name: diskName })).toContainText(diskName);
  await expect(page.getByRole('main').getByText('Restoring backup').first()).toBeVisible({ timeout: 15_000 });
  await clock(page.request, { action: 'advance', seconds: 41 });
  await expect(page.getByRole('main').getByText('Available', { exact: true }).first()).toBeVisible({ timeout: 30_000 });
  await expect(async () => {
    const now = (await (await page.request.get(`/api/v1/disks/${disk.id}`)).json()) as Disk;
    expect(now.status).toBe('available');
  }).toPass({ timeout: 15_000 });

  await page.getByRole('tab', { name: 'Backups' }).click();
  await expect(page.getByRole('main')).toContainText(`Protected by vault ${vaultName}`);
  await expect(page.getByRole('table', { name: 'Backups' })).toContainText(`manual_${run}`);
});

test('edit the schedule: the preview says when the policy fires, and it fires then', async ({ page }) => {
  await page.goto('/login');
  await signIn(page);
  const policy = ((await (await page.request.get('/api/v1/policies')).json()) as PolicyList).items.find((p) => p.name === policyName)!;
  // A whole hour at least two hours ahead of the emulator's (frozen) clock, as Shanghai reads it.
  const now = await emulatorNow(page.request);
  const at = Math.ceil((now + 2 * 3_600_000) / 3_600_000) * 3_600_000;
  const local = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(at));
  const utcHour = new Date(at).getUTCHours();

  await page.goto(`/policies/${policy.id}`);
  await page.getByRole('button', { name: 'Edit' }).click();
  const dialog = page.getByRole('dialog', { name: `Edit ${policyName}` });
  await dialog.getByRole('button', { name: 'Remove 02:00' }).click();
  await dialog.getByLabel('Time to add').fill(local);
  await dialog.getByRole('button', { name: 'Add time' }).click();
  await expect(dialog.getByText(`FREQ=DAILY;INTERVAL=1;BYHOUR=${utcHour};BYMINUTE=00`)).toBeVisible();
  const first = dialog.getByRole('list', { name: 'Next runs' }).getByRole('listitem').first().locator('time');
  await expect(first).toHaveAttribute('datetime', new Date(at).toISOString());
  const previewText = (await first.textContent())!.trim();
  await page.screenshot({ path: `${shots}/policy-edit-en-light.png` });
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('main')).toContainText(`Daily at ${local}`);
  const saved = (await (await page.request.get(`/api/v1/policies/${policy.id}`)).json()) as Policy;
  expect(saved.schedule).toEqual([`FREQ=DAILY;INTERVAL=1;BYHOUR=${utcHour};BYMINUTE=00`]);

  const vault = await vaultNamed(page.request);
  await page.goto(`/vaults/${vault.id}?tab=backups`);
  const fired = page.getByRole('table', { name: 'Backups' }).getByRole('row').filter({ hasText: 'by policy' }).filter({ hasText: previewText });
  await expect(page.getByRole('table', { name: 'Backups' })).toBeVisible();
  await expect(fired).toHaveCount(0);

  // Past the previewed time (and the 30 s the backup takes): the policy has fired exactly then.
  await clock(page.request, { action: 'advance', seconds: Math.ceil((at - now) / 1000) + 60 });
  let auto: Backup | undefined;
  await expect(async () => {
    auto = (await backupsOf(page.request, vault.id)).find((b) => b.autoTriggered);
    expect(auto?.status).toBe('available');
  }).toPass({ timeout: 30_000 });
  expect(Date.parse(auto!.createdAt)).toBe(at);
  // No reload: the console notices the backup no task of its own made (the watch runs every 2 s here).
  await expect(fired).toHaveCount(1, { timeout: 15_000 });
  await page.goto(`/vaults/${vault.id}?tab=tasks`);
  await expect(page.getByRole('main')).toContainText('Operation logs');
});

test('delete a backup from the list, checked item by item', async ({ page }) => {
  await page.goto('/login');
  await signIn(page);
  const vault = await vaultNamed(page.request);
  await page.goto(`/backups?vaultId=${vault.id}`);
  const table = page.getByRole('table', { name: 'Backups' });
  await table.getByRole('checkbox', { name: `Select manual_${run}` }).check();
  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: /Delete: 1 selected/ });
  await dialog.getByRole('button', { name: 'Delete (1)' }).click();
  await expect(dialog).toContainText('Done: 1 succeeded, 0 failed.');
  await clock(page.request, { action: 'advance', seconds: 6 });
  await expect(async () => {
    expect((await backupsOf(page.request, vault.id)).map((b) => b.name)).not.toContain(`manual_${run}`);
  }).toPass({ timeout: 30_000 });
  await page.keyboard.press('Escape');
  await expect(table.getByRole('row').filter({ hasText: `manual_${run}` })).toHaveCount(0, { timeout: 30_000 });
  await clock(page.request, { action: 'resume' });
});

async function screens(browser: Browser, language: 'en' | 'zh', theme: 'light' | 'dark') {
  const context = await browser.newContext({ viewport: { width: 1440, height: 1000 }, timezoneId: 'Asia/Shanghai' });
  await context.addInitScript(([lang, mode]) => {
    window.localStorage.setItem('console.language', lang!);
    window.localStorage.setItem('console.theme', mode!);
  }, [language, theme]);
  const page = await context.newPage();
  await page.goto('/login');
  await page.getByLabel(language === 'zh' ? '用户名' : 'Username').fill('admin');
  await page.getByLabel(language === 'zh' ? '密码' : 'Password').fill('e2e-admin-password');
  await page.getByLabel(language === 'zh' ? '密码' : 'Password').press('Enter');
  await expect(page.getByRole('navigation').first()).toBeVisible();
  const vault = await vaultNamed(page.request);
  const policy = ((await (await page.request.get('/api/v1/policies')).json()) as PolicyList).items.find((p) => p.name === policyName)!;
  const serverBackup = ((await (await page.request.get('/api/v1/backups?status=available')).json()) as BackupPage).items.find((b) => b.resourceType === 'server')!;
  const screensToShoot = [
    ['vaults', '/vaults'], ['vault', `/vaults/${vault.id}`], ['vault-backups', `/vaults/${vault.id}?tab=backups`], ['vault-tasks', `/vaults/${vault.id}?tab=tasks`],
    ['backups', '/backups'], ['server-backup-sharing', `/backups/${serverBackup.id}?tab=sharing`], ['policies', '/policies'], ['policy', `/policies/${policy.id}`], ['vbs', '/vbs'],
  ] as const;
  for (const [name, path] of screensToShoot) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByText(language === 'zh' ? '加载中…' : 'Loading…')).toHaveCount(0, { timeout: 15_000 });
    await page.screenshot({ path: `${shots}/${name}-${language}-${theme}.png`, fullPage: true });
  }
  await page.goto(`/backups/${serverBackup.id}`);
  await page.getByRole('button', { name: language === 'zh' ? '恢复' : 'Restore' }).click();
  await expect(page.getByRole('dialog').getByRole('combobox').first()).toBeVisible();
  await page.screenshot({ path: `${shots}/server-restore-${language}-${theme}.png` });
  await page.goto('/vaults?create');
  await page.getByRole('dialog').getByRole('button').last().click();
  await page.screenshot({ path: `${shots}/wizard-${language}-${theme}.png` });
  await context.close();
}

for (const language of ['en', 'zh'] as const) {
  for (const theme of ['light', 'dark'] as const) {
    test(`the data-protection screens in ${language}, ${theme}`, async ({ browser }) => {
      test.setTimeout(120_000);
      mkdirSync(shots, { recursive: true });
      await screens(browser, language, theme);
    });
  }
}
