import { mkdirSync } from 'node:fs';
import { expect, test, type APIRequestContext, type Browser, type Page } from '@playwright/test';
import type { DiskPage, Overview } from '../packages/contract/src/index.ts';
import { createDisk, signIn } from './helpers.ts';

const run = Date.now().toString(36);
const shots = '/tmp/shots-overview';

async function overview(request: APIRequestContext): Promise<Overview> {
  const response = await request.get('/api/v1/overview');
  expect(response.status()).toBe(200);
  return (await response.json()) as Overview;
}

async function openHome(page: Page): Promise<void> {
  await page.goto('/login');
  await signIn(page);
  // The overview is a chunk of its own, fetched after the first page.
  await expect(page.getByRole('heading', { level: 2, name: 'Overview' })).toBeVisible({ timeout: 15_000 });
}

/** The tile's headline number: the link that opens the list it counts. */
const tileNumber = (page: Page, what: string) => page.getByRole('link', { name: new RegExp(`^Show ${what}: `) });

test.describe.configure({ mode: 'serial' });

test('the overview shows what the console API counts, and every number opens its list', async ({ page }) => {
  await openHome(page);
  const counts = await overview(page.request);
  const n = (value: number) => new Intl.NumberFormat('en').format(value);

  await expect(tileNumber(page, 'Disks')).toHaveText(n(counts.disks!.total));
  await expect(tileNumber(page, 'Servers')).toHaveText(n(counts.servers!.total));
  await expect(tileNumber(page, 'Snapshots')).toHaveText(n(counts.snapshots!.total));
  await expect(tileNumber(page, 'Vaults')).toHaveText(n(counts.vaults!.total));
  await expect(tileNumber(page, 'Backups, last 24 h')).toHaveText(n(counts.backups!.total));

  // Each disk status in the chart's legend, with its count, as the API says.
  const statusCard = page.getByRole('region', { name: 'Disks by status' });
  for (const [status, count] of Object.entries(counts.disks!.byStatus)) {
    await expect(statusCard.locator(`a[href="/disks?status=${status}"]`)).toHaveText(n(count));
  }
  const quotas = page.getByRole('region', { name: 'Quota usage' });
  const volumes = counts.evsQuotas!.volumes!;
  await expect(quotas.getByText(volumes.limit === null ? `${n(volumes.used)} used, no limit` : `${n(volumes.used)} of ${n(volumes.limit)}`).first()).toBeVisible();
  if (volumes.limit !== null) await expect(quotas.getByRole('progressbar', { name: 'Disks: share of the quota used' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Latest tasks' })).toBeVisible();

  // The disks number opens the disk list; a status opens it filtered.
  const [firstStatus] = Object.entries(counts.disks!.byStatus).sort((a, b) => b[1] - a[1])[0]!;
  await statusCard.locator(`a[href="/disks?status=${firstStatus}"]`).click();
  await expect(page).toHaveURL(new RegExp(`/disks\\?status=${firstStatus}$`));
  const listed = (await (await page.request.get(`/api/v1/disks?status=${firstStatus}&limit=1`)).json()) as DiskPage;
  expect(listed.total).toBe(counts.disks!.byStatus[firstStatus]);
  await expect(page.getByRole('table', { name: 'Disks' }).getByRole('row')).toHaveCount(Math.min(listed.total!, 50) + 1);
});

test('the overview follows a new disk live, without reloading', async ({ page }) => {
  await openHome(page);
  await expect(page.getByRole('status').filter({ hasText: 'Live' })).toBeVisible();
  const before = (await overview(page.request)).disks!.total;
  await expect(tileNumber(page, 'Disks')).toHaveText(String(before));
  await createDisk(page.request, `e2e-overview-${run}`);
  await expect(tileNumber(page, 'Disks')).toHaveText(String(before + 1), { timeout: 30_000 });
  await expect(page.getByRole('region', { name: 'Latest tasks' }).getByRole('link', { name: 'Create disk' }).first()).toBeVisible();
});

test('the command palette jumps to screens and resources and runs commands', async ({ page }) => {
  await openHome(page);
  const palette = page.getByRole('dialog', { name: 'Command palette' });

  await page.keyboard.press('Control+k');
  // The first opening may still be fetching the palette's code.
  await expect(palette).toBeVisible({ timeout: 15_000 });
  await page.keyboard.type('tasks');
  await page.keyboard.press('Enter');
  await expect(palette).toBeHidden();
  await expect(page).toHaveURL(/\/tasks$/);

  // A disk by name, then the same disk by its ID.
  const disk = ((await (await page.request.get('/api/v1/disks?limit=1&sort=createdAt&dir=asc')).json()) as DiskPage).items[0]!;
  await page.getByRole('button', { name: 'Search and commands' }).click();
  await page.keyboard.type(disk.name);
  await expect(palette.getByRole('option', { name: new RegExp(disk.id) })).toBeVisible();
  await palette.getByRole('option', { name: new RegExp(disk.id) }).click();
  await expect(page).toHaveURL(new RegExp(`/disks/${disk.id}$`));

  await page.keyboard.press('Control+k');
  await page.keyboard.type(disk.id);
  await expect(palette.getByRole('option', { name: new RegExp(disk.id) })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(palette).toBeHidden();

  await page.keyboard.press('Control+k');
  await page.keyboard.type('dark theme');
  await page.keyboard.press('Enter');
  await expect(page.locator('html')).toHaveClass(/\bdark\b/);
  // The header's theme menu follows the choice made in the palette.
  await page.getByRole('button', { name: 'Theme' }).click();
  await expect(page.getByRole('menuitemradio', { name: 'Dark' })).toHaveAttribute('aria-checked', 'true');
  await page.keyboard.press('Escape');

  await page.keyboard.press('Control+k');
  await page.keyboard.type('create a disk');
  await page.keyboard.press('Enter');
  const create = page.getByRole('dialog', { name: 'Create disk' });
  await expect(create).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(create).toBeHidden();

  await page.keyboard.press('Control+k');
  await page.keyboard.type('中文');
  await page.keyboard.press('Enter');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await page.keyboard.press('Control+k');
  await page.keyboard.type('English');
  await page.keyboard.press('Enter');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.keyboard.press('Control+k');
  await page.keyboard.type('light theme');
  await page.keyboard.press('Enter');
  await expect(page.locator('html')).not.toHaveClass(/\bdark\b/);
});

test('lists answer to j, k, x, Enter, Esc and /, and ? shows them all', async ({ page }) => {
  await openHome(page);
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Disks' }).click();
  const table = page.getByRole('table', { name: 'Disks' });
  const rows = table.locator('tbody tr[data-row]');
  await expect(rows.nth(1)).toBeVisible({ timeout: 15_000 });

  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toBeVisible();
  await expect(help).toContainText('Select or unselect the row');
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();

  await page.locator('main h1').click();
  await page.keyboard.press('j');
  await expect(rows.nth(0)).toBeFocused();
  await page.keyboard.press('j');
  await expect(rows.nth(1)).toBeFocused();
  await page.keyboard.press('k');
  await expect(rows.nth(0)).toBeFocused();
  await page.keyboard.press('x');
  await expect(rows.nth(0).getByRole('checkbox')).toBeChecked();
  await expect(page.getByRole('region', { name: 'Selected rows' })).toContainText('Selected: 1');
  await page.keyboard.press('Escape');
  await expect(rows.nth(0).getByRole('checkbox')).not.toBeChecked();

  await page.keyboard.press('/');
  await expect(page.getByRole('searchbox')).toBeFocused();
  // Typed into the search box, j is a letter, not a move.
  await page.keyboard.type('j');
  await expect(page.getByRole('searchbox')).toHaveValue('j');
  await page.getByRole('searchbox').fill('');

  await rows.nth(0).focus();
  const name = await rows.nth(0).getByRole('link').first().textContent();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/disks\/[^/?]+$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(name!.trim());
});

async function screenshots(browser: Browser, language: 'en' | 'zh', theme: 'light' | 'dark') {
  const context = await browser.newContext({ viewport: { width: 1440, height: 1200 } });
  await context.addInitScript({ content: `localStorage.setItem('console.language', '${language}'); localStorage.setItem('console.theme', '${theme}');` });
  const page = await context.newPage();
  await page.goto('/login');
  await page.getByLabel(language === 'zh' ? '用户名' : 'Username').fill('admin');
  await page.getByLabel(language === 'zh' ? '密码' : 'Password').fill('e2e-admin-password');
  await page.getByLabel(language === 'zh' ? '密码' : 'Password').press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: language === 'zh' ? '概览' : 'Overview' })).toBeVisible({ timeout: 15_000 });
  await expect(page.locator('main .animate-pulse, main .skeleton')).toHaveCount(0, { timeout: 15_000 });
  await page.screenshot({ path: `${shots}/overview-${language}-${theme}.png`, fullPage: true });
  await page.keyboard.press('Control+k');
  const palette = page.getByRole('dialog');
  await expect(palette).toBeVisible({ timeout: 15_000 });
  await page.keyboard.type('data');
  await expect(palette.getByRole('option').filter({ hasText: /data/ }).first()).toBeVisible();
  await page.screenshot({ path: `${shots}/palette-${language}-${theme}.png` });
  await page.keyboard.press('Escape');
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog')).toBeVisible({ timeout: 15_000 });
  await page.screenshot({ path: `${shots}/shortcuts-${language}-${theme}.png` });
  await context.close();
}

test('screenshots of the overview, the palette and the shortcut help in both languages and themes', async ({ browser }) => {
  test.setTimeout(300_000);
  mkdirSync(shots, { recursive: true });
  for (const language of ['en', 'zh'] as const) for (const theme of ['light', 'dark'] as const) await screenshots(browser, language, theme);
});
