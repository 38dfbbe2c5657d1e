import { mkdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { attachScreens, createDisk, diskNamed, signIn } from './helpers.ts';

// The legacy VBS walkthrough: create a policy, bind a disk to it, watch its disk count move, change
// it, unbind. The browser runs in Shanghai (UTC+08:00): the form shows local times beside the UTC
// hours VBS stores, so "02:00 UTC" is "10:00" here.

const run = Date.now().toString(36);
const diskName = `e2e-vbs-disk-${run}`;
const policyName = `e2e-vbs-${run}`;
const shots = '/tmp/shots-vbs';

test.use({ timezoneId: 'Asia/Shanghai', viewport: { width: 1440, height: 1000 } });

const policyRow = (page: Page) => page.getByRole('table', { name: 'VBS policies' }).getByRole('row').filter({ hasText: policyName });

async function rowAction(page: Page, action: string) {
  await policyRow(page).getByRole('button', { name: `Actions for ${policyName}` }).click();
  await page.getByRole('menuitem', { name: action, exact: true }).click();
  return page.getByRole('dialog');
}

test('create a VBS policy, bind a disk, edit the policy, unbind', async ({ page }) => {
  mkdirSync(shots, { recursive: true });
  await page.goto('/login');
  await signIn(page);
  await createDisk(page.request, diskName);
  await diskNamed(page.request, diskName);

  await page.goto('/vbs?tab=policies');
  await attachScreens(page, 'vbs-policy-form', async (p, language, theme) => {
    await p.getByRole('button', { name: language === 'zh' ? '创建策略' : 'Create policy' }).click();
    await expect(p.getByRole('dialog')).toBeVisible();
    await p.screenshot({ path: `${shots}/policy-form-${language}-${theme}.png` });
  });

  // Field errors come before anything is sent.
  const form = page.getByRole('dialog');
  await form.getByLabel('Name').fill('bad name!');
  await form.getByLabel('Backups to keep').fill('1');
  await form.getByRole('button', { name: 'Create policy' }).click();
  await expect(form.getByText('1 to 64 letters, digits, "_" or "-".')).toBeVisible();
  await expect(form.getByText('A whole number from 2 to 99.')).toBeVisible();

  await form.getByLabel('Name').fill(policyName);
  await form.getByLabel('Backups to keep').fill('7');
  await form.getByText('18:00 UTC', { exact: true }).click(); // the default hour, off
  await form.getByText('02:00 UTC', { exact: true }).click();
  await expect(form.getByText('Runs at 02:00 UTC (10:00 your time).')).toBeVisible();
  await form.getByRole('button', { name: 'Create policy' }).click();
  await expect(form).toBeHidden();
  await expect(policyRow(page)).toContainText('02:00');
  // The disk count is the only cell that is just a number.
  const countCell = policyRow(page).getByRole('cell').filter({ hasText: /^\s*\d+\s*$/ });
  await expect(countCell).toHaveText('0');

  const bind = await rowAction(page, 'Bind disks');
  await bind.getByRole('checkbox', { name: new RegExp(diskName) }).check();
  await bind.getByRole('button', { name: 'Bind 1 disk' }).click();
  await expect(bind.getByRole('status')).toHaveText('Done: 1 succeeded, 0 failed.');
  await expect(bind.getByText(diskName)).toBeVisible();
  await page.screenshot({ path: `${shots}/bind-results-en-light.png` });
  await bind.getByRole('button', { name: 'Done' }).click();
  await expect(countCell).toHaveText('1');

  const edit = await rowAction(page, 'Edit');
  await expect(edit.getByLabel('Name')).toHaveValue(policyName);
  await edit.getByLabel('Backups to keep').fill('15');
  await edit.getByRole('button', { name: 'Save changes' }).click();
  await expect(edit.getByText('A whole number from 2 to 14.')).toBeVisible();
  await edit.getByLabel('Backups to keep').fill('5');
  await edit.getByRole('button', { name: 'Save changes' }).click();
  await expect(edit).toBeHidden();
  await expect(policyRow(page)).toContainText('Newest 5');

  const unbind = await rowAction(page, 'Unbind disks');
  const bound = unbind.getByRole('checkbox', { name: new RegExp(diskName) });
  await expect(unbind.getByText('bound here')).toBeVisible();
  await bound.check();
  await page.screenshot({ path: `${shots}/unbind-en-light.png` });
  await unbind.getByRole('button', { name: 'Unbind 1 disk' }).click();
  await expect(unbind.getByRole('status')).toHaveText('Done: 1 succeeded, 0 failed.');
  await unbind.getByRole('button', { name: 'Done' }).click();
  await expect(countCell).toHaveText('0');
});
