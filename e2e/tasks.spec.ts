import { readFile } from 'node:fs/promises';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { createDisk, signIn } from './helpers.ts';

const run = Date.now().toString(36);

/** The emulator's control API (next to the console's port) makes the next disk creation fail. */
async function failNextDiskCreation(request: APIRequestContext, baseURL: string) {
  const emulator = new URL(baseURL);
  emulator.port = String(Number(emulator.port) + 1);
  const response = await request.post(new URL('/__emulator/faults', emulator).toString(), {
    data: { kind: 'job', jobType: 'createVolume', code: 'EVS.2024', message: 'Insufficient capacity in the availability zone', remaining: 1 },
  });
  expect(response.status()).toBe(201);
}

async function openTaskCenter(page: Page) {
  await page.getByRole('banner').getByRole('button', { name: /^Tasks/ }).click();
  const drawer = page.getByRole('dialog', { name: 'Task center' });
  await expect(drawer).toBeVisible();
  return drawer;
}

test.describe.configure({ mode: 'serial' });

test('the task center follows a disk creation live, from running to done, and says so', async ({ page }) => {
  await page.goto('/login');
  await signIn(page);
  await expect(page.getByRole('status').filter({ hasText: 'Live' })).toBeVisible();
  const drawer = await openTaskCenter(page);

  const name = `e2e-live-${run}`;
  const { task } = await createDisk(page.request, name);

  await test.step('the new task shows up at once, running, with its progress', async () => {
    const card = drawer.getByRole('article').filter({ hasText: name });
    await expect(card).toBeVisible();
    await expect(card.getByRole('link', { name: 'Create disk' })).toHaveAttribute('href', `/tasks/${task.id}`);
    if (task.status !== 'succeeded') await expect(card.getByRole('progressbar')).toBeVisible();
  });

  await test.step('it finishes without a reload, and a toast appears over the drawer', async () => {
    const card = drawer.getByRole('article').filter({ hasText: name });
    await expect(card).toContainText('Succeeded', { timeout: 30_000 });
    await expect(card.getByRole('progressbar')).toHaveCount(0);
    await expect(page.getByText('Create disk: Succeeded', { exact: true })).toBeVisible();
    await drawer.getByRole('radio', { name: 'Running' }).click();
    await expect(drawer.getByRole('article').filter({ hasText: name })).toHaveCount(0);
  });

  await test.step('closing the drawer returns to its button; the toast links to the task', async () => {
    await drawer.getByRole('button', { name: 'Close' }).click();
    await expect(drawer).toBeHidden();
    await expect(page.getByRole('banner').getByRole('button', { name: /^Tasks/ })).toBeFocused();
    const toast = page.getByRole('region', { name: /Notifications/ }).getByRole('listitem').filter({ hasText: 'Create disk: Succeeded' });
    await expect(toast).toContainText(name);
    await toast.getByRole('link', { name: 'Show task' }).click();
    await expect(page).toHaveURL(`/tasks/${task.id}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Create disk: ${name}`);
  });
});

test('a failed task says why, with the cloud\'s code and request id', async ({ page, baseURL }) => {
  await page.goto('/login');
  await signIn(page);
  await failNextDiskCreation(page.request, baseURL!);
  const name = `e2e-fail-${run}`;
  const { task } = await createDisk(page.request, name);

  await test.step('the drawer shows the failure reason and codes', async () => {
    const drawer = await openTaskCenter(page);
    await drawer.getByRole('radio', { name: 'Failed' }).click();
    const card = drawer.getByRole('article').filter({ hasText: name });
    await expect(card).toContainText('Failed', { timeout: 30_000 });
    await expect(card).toContainText('Insufficient capacity in the availability zone');
    await expect(card).toContainText('EVS.2024');
    await expect(card.getByRole('button', { name: 'Copy request ID' })).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: 'Create disk: Failed' })).toBeVisible();
    await card.getByRole('link', { name: 'Create disk' }).click();
    await expect(drawer).toBeHidden();
    await expect(page).toHaveURL(`/tasks/${task.id}`);
  });

  await test.step('the task page has its tabs in the URL', async () => {
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Create disk: ${name}`);
    await expect(page.getByRole('main')).toContainText('Insufficient capacity in the availability zone');
    await page.getByRole('tab', { name: /Sub-tasks/ }).click();
    await expect(page).toHaveURL(/\?tab=subtasks$/);
    await page.reload();
    await expect(page.getByRole('tab', { name: /Sub-tasks/ })).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByRole('region', { name: 'Sub-tasks' })).toContainText(name);
  });
});

test('the task list: filters in the URL, keyboard, columns and CSV export', async ({ page }) => {
  await page.goto('/login');
  await signIn(page);
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Tasks' }).click();
  await expect(page).toHaveURL(/\/tasks$/);
  const table = page.getByRole('table', { name: 'Tasks' });

  await test.step('a status filter narrows the list and survives a reload', async () => {
    await expect(table.getByRole('row').filter({ hasText: `e2e-live-${run}` })).toBeVisible();
    await page.getByRole('combobox', { name: 'Status' }).selectOption('failed');
    await expect(page).toHaveURL(/status=failed/);
    await expect(table.getByRole('row').filter({ hasText: `e2e-live-${run}` })).toHaveCount(0);
    await page.reload();
    await expect(page.getByRole('combobox', { name: 'Status' })).toHaveValue('failed');
    await expect(table.getByRole('row').filter({ hasText: `e2e-fail-${run}` })).toBeVisible();
  });

  await test.step('rows are focusable and Enter opens the task', async () => {
    const row = table.getByRole('row').filter({ hasText: `e2e-fail-${run}` });
    await row.focus();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/tasks\/[0-9a-f-]+$/);
    await page.goBack();
    await expect(page).toHaveURL(/status=failed/);
  });

  await test.step('the column chooser hides a column, in the URL and for next time', async () => {
    await expect(table.getByRole('columnheader', { name: 'User' })).toBeVisible();
    await page.getByRole('button', { name: 'Columns' }).click();
    await page.getByRole('menuitemcheckbox', { name: 'User' }).click();
    await page.keyboard.press('Escape');
    await expect(table.getByRole('columnheader', { name: 'User' })).toHaveCount(0);
    await expect(page).toHaveURL(/cols=/);
    await page.goto('/tasks');
    await expect(table.getByRole('columnheader', { name: 'Status' })).toBeVisible();
    await expect(table.getByRole('columnheader', { name: 'User' })).toHaveCount(0);
  });

  await test.step('the rows shown export as CSV', async () => {
    await page.goto('/tasks?status=failed');
    await expect(table.getByRole('row').filter({ hasText: `e2e-fail-${run}` })).toBeVisible();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export the rows shown as CSV' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^tasks-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = await readFile((await download.path())!, 'utf8');
    const [header, ...lines] = csv.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(header).toBe('Task,Status,Resources,Started,Duration,Failure');
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.every((line) => /^[\w.-]+,failed,/.test(line))).toBe(true);
    expect(csv).toContain('EVS.2024: Insufficient capacity in the availability zone');
  });
});
