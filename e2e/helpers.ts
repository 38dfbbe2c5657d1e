import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import type { AvailabilityZoneList, Disk, DiskPage, DiskTaskResponse, MeResponse, ServerPage } from '../packages/contract/src/index.ts';
import { e2eAdminPassword } from '../playwright.config.ts';

export const admin = { username: 'admin', password: e2eAdminPassword };

/** Signs in through the login form, as a person does, and waits for the signed-in frame. */
export async function signIn(page: Page, { username, password } = admin): Promise<void> {
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('button', { name: `Account: ${username}` })).toBeVisible();
}

type Language = 'en' | 'zh';
type Theme = 'light' | 'dark';

/** A screenshot in the test report (the HTML report shows it beside the steps). */
export async function attachShot(page: Page, name: string, fullPage = true): Promise<void> {
  await test.info().attach(name, { body: await page.screenshot({ fullPage }), contentType: 'image/png' });
}

/**
 * Reloads the page in each language and theme (by default Chinese with the dark theme, then
 * English with the light one, which it is left in), waits for `ready` and attaches a screenshot
 * of each to the test report, for a person to look at.
 */
export async function attachScreens(
  page: Page,
  name: string,
  ready: (page: Page, language: Language, theme: Theme) => Promise<unknown> = async () => {},
  variants: readonly (readonly [Language, Theme])[] = [['zh', 'dark'], ['en', 'light']],
): Promise<void> {
  const show = async (language: Language, theme: Theme) => {
    await page.evaluate((choice) => {
      localStorage.setItem('console.language', choice.language);
      localStorage.setItem('console.theme', choice.theme);
    }, { language, theme });
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('lang', language === 'zh' ? 'zh-CN' : /^en/);
    await ready(page, language, theme);
  };
  for (const [language, theme] of variants) {
    await show(language, theme);
    await attachShot(page, `${name}-${language}-${theme}`);
  }
  const last = variants.at(-1);
  if (last?.[0] !== 'en' || last[1] !== 'light') await show('en', 'light');
}

/** The header every mutating console API call needs, for setup done through the API. */
export async function csrf(request: APIRequestContext): Promise<Record<string, string>> {
  const me = (await (await request.get('/api/v1/me')).json()) as MeResponse;
  return { 'X-CSRF-Token': me.csrfToken };
}

/** A running or stopped server that nothing else is changing, with the fewest disks (so earlier runs cannot fill its device names). */
export async function idleServer(request: APIRequestContext) {
  const servers = (await (await request.get('/api/v1/servers?limit=100')).json()) as ServerPage;
  return servers.items
    .filter((item) => (item.status === 'ACTIVE' || item.status === 'SHUTOFF') && !item.locked && !item.taskState)
    .sort((x, y) => x.diskCount - y.diskCount)[0]!;
}

/**
 * A 10 GiB SSD made through the console API, as the disk form sends it, for tests about other
 * screens; in the first available zone unless one is named.
 */
export async function createDisk(request: APIRequestContext, name: string, availabilityZone?: string): Promise<DiskTaskResponse> {
  const zones = (await (await request.get('/api/v1/availability-zones')).json()) as AvailabilityZoneList;
  const zone = availabilityZone ?? zones.items.find((item) => item.available)!.name;
  expect(zones.items.map((item) => item.name)).toContain(zone);
  const response = await request.post('/api/v1/disks', { headers: await csrf(request), data: { name, availabilityZone: zone, type: 'SSD', sizeGiB: 10 } });
  expect(response.status(), await response.text()).toBe(202);
  return (await response.json()) as DiskTaskResponse;
}

/** The disk of that name once it has the status, waiting up to 30 s for its task. */
export async function diskNamed(request: APIRequestContext, name: string, status = 'available'): Promise<Disk> {
  let found: Disk | undefined;
  await expect(async () => {
    const page = (await (await request.get(`/api/v1/disks?name=${encodeURIComponent(name)}`)).json()) as DiskPage;
    found = page.items.find((disk) => disk.name === name);
    expect(found?.status).toBe(status);
  }).toPass({ timeout: 30_000 });
  return found!;
}
