import { expect, test, type Page } from '@playwright/test';
import type { Disk, DiskPage } from '../packages/contract/src/index.ts';
import { secondRegion } from '../playwright.config.ts';
import { admin, attachShot, csrf, signIn } from './helpers.ts';

// The console runs with two profiles: the embedded emulator, and "Second region", configured the
// way a real-cloud profile is (CLOUD_* variables) and served by a second emulator.
const switcher = { username: 'profile-switcher', password: 'switcher-password-123' };
const secondOnly = 'only-in-second-region';

const header = (page: Page) => page.getByRole('group', { name: 'Active cloud profile' });

async function choose(page: Page, from: string, to: RegExp) {
  await header(page).getByRole('button', { name: `Cloud profile: ${from}. Switch profile` }).click();
  await page.getByRole('menu').getByRole('menuitemradio', { name: to }).click();
}

test('switching profile in the header changes what every open tab shows', async ({ page, browser }) => {
  // A user of its own: the admin's active profile, which the other walkthroughs rely on, stays put.
  await page.goto('/login');
  await signIn(page, admin);
  const made = await page.request.post('/api/v1/users', { headers: await csrf(page.request), data: { ...switcher, role: 'operator' } });
  expect([201, 409]).toContain(made.status());

  const context = await browser.newContext();
  const list = await context.newPage();
  await list.goto('/login');
  await signIn(list, switcher);
  await expect(header(list)).toContainText('Embedded emulator');
  const first = ((await (await list.request.get('/api/v1/disks?limit=1')).json()) as DiskPage).items[0]!;
  await list.goto('/disks');
  const table = list.getByRole('table', { name: 'Disks' });
  await expect(table.locator(`a[href="/disks/${first.id}"]`)).toBeVisible();
  // The second tab is on one disk of the emulator's project.
  const detail = await context.newPage();
  await detail.goto(`/disks/${first.id}`);
  await expect(detail.getByRole('heading', { level: 1 })).toContainText(first.name);
  await expect(detail.getByRole('link', { name: 'Emulator' })).toBeVisible();

  await test.step('switch to the second region', async () => {
    await choose(list, 'Embedded emulator', /Second region/);
    await expect(list.getByText('Now working in Second region', { exact: true })).toBeVisible();
    await expect(header(list)).toContainText('Second region');
    await expect(header(list)).toContainText(secondRegion);
    // Another project's disks (the same demo names, other ids): the emulator's first is not among them.
    await expect(table.locator(`a[href="/disks/${first.id}"]`)).toHaveCount(0);
    // The other tab left the disk it showed for the list, in the new profile too.
    await expect(detail).toHaveURL(/\/disks$/);
    await expect(header(detail)).toContainText('Second region');
    // The emulator's control panel belongs to the emulator profile only.
    await expect(list.getByRole('link', { name: 'Emulator' })).toHaveCount(0);
  });

  await test.step('a disk made here exists only in the second region', async () => {
    const zones = (await (await list.request.get('/api/v1/availability-zones')).json()) as { items: { name: string }[] };
    const zone = zones.items[0]!.name;
    expect(zone.startsWith(secondRegion)).toBe(true);
    const res = await list.request.post('/api/v1/disks', { headers: await csrf(list.request), data: { name: secondOnly, availabilityZone: zone, type: 'SSD', sizeGiB: 10 } });
    expect(res.status(), await res.text()).toBe(202);
    await expect(table.getByRole('row').filter({ hasText: secondOnly })).toBeVisible();
    await attachShot(list, 'disks-in-second-region', false);
  });

  await test.step('and back: the emulator shows its own disks again', async () => {
    await choose(detail, 'Second region', /Embedded emulator/);
    await expect(header(detail)).toContainText('Embedded emulator');
    await expect(header(list)).toContainText('Embedded emulator');
    await expect(table.locator(`a[href="/disks/${first.id}"]`)).toBeVisible();
    await expect(table.getByRole('row').filter({ hasText: secondOnly })).toHaveCount(0);
    const disks = ((await (await list.request.get(`/api/v1/disks?name=${secondOnly}`)).json()) as DiskPage).items as Disk[];
    expect(disks).toEqual([]);
  });
  await context.close();
});
