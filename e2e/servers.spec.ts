import { expect as baseExpect, test, type APIRequestContext, type Page } from '@playwright/test';
import type { DiskPage, ImageList, Server, ServerPage, ServerTaskResponse, SubnetList, VpcList } from '../packages/contract/src/index.ts';
import { attachScreens, attachShot, csrf, signIn } from './helpers.ts';

// The machine running these is shared: screens loaded on first visit may take a few seconds.
const expect = baseExpect.configure({ timeout: 15_000 });
const run = Date.now().toString(36);
const PASSWORD = 'E2e-Server-Pass9';

/** The first bootable Linux image, VPC and subnet the console offers: what the wizard would pick. */
async function network(request: APIRequestContext) {
  const images = (await (await request.get('/api/v1/images?osType=Linux')).json()) as ImageList;
  const vpcs = (await (await request.get('/api/v1/vpcs')).json()) as VpcList;
  const vpc = vpcs.items[0]!;
  const subnets = (await (await request.get(`/api/v1/vpcs/${vpc.id}/subnets`)).json()) as SubnetList;
  return { image: images.items.find((i) => i.status === 'active')!, vpc, subnet: subnets.items[0]! };
}

/** Setup through the console API (what the wizard sends), so each test drives only the screen it is about. */
async function createServers(request: APIRequestContext, name: string, count: number, dataVolumes: object[] = []): Promise<ServerTaskResponse> {
  const { image, vpc, subnet } = await network(request);
  const response = await request.post('/api/v1/servers', {
    headers: await csrf(request),
    data: {
      name, count, flavorId: 's3.medium.2', imageId: image.id, vpcId: vpc.id, nics: [{ subnetId: subnet.id }],
      ...(subnet.availabilityZone ? { availabilityZone: subnet.availabilityZone } : {}),
      rootVolume: { type: 'SSD', sizeGiB: Math.max(40, image.minDiskGiB) }, dataVolumes, adminPass: PASSWORD,
    },
  });
  expect(response.status(), await response.text()).toBe(202);
  return (await response.json()) as ServerTaskResponse;
}

async function serverNamed(request: APIRequestContext, name: string, status = 'ACTIVE'): Promise<Server> {
  let found: Server | undefined;
  await expect(async () => {
    const page = (await (await request.get(`/api/v1/servers?name=${encodeURIComponent(name)}`)).json()) as ServerPage;
    found = page.items.find((s) => s.name === name);
    expect(found?.status).toBe(status);
    expect(found?.taskState).toBeNull();
  }).toPass({ timeout: 60_000 });
  return found!;
}


async function openServers(page: Page) {
  await page.goto('/login');
  await signIn(page);
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Servers' }).click();
  await expect(page).toHaveURL(/\/servers$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Servers' })).toBeVisible();
}

const row = (page: Page, name: string) => page.getByRole('table', { name: 'Servers' }).getByRole('row').filter({ hasText: name });

test.describe.configure({ mode: 'serial' });

test('create a server with the wizard and watch it become running', async ({ page }) => {
  test.setTimeout(180_000);
  const name = `e2e-wiz-${run}`;
  await openServers(page);
  await page.getByRole('link', { name: 'Create servers' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Create servers' })).toBeVisible();
  await expect(page.getByRole('radio', { name: 's3.medium.2' })).toBeVisible();
  await attachScreens(page, 'wizard-basics', async (p) => expect(p.getByRole('radio', { name: 's3.medium.2' })).toBeVisible());

  await test.step('zone and flavor: the flavor list filters by vCPUs', async () => {
    await page.getByRole('button', { name: 'Next' }).click();
    await expect(page.getByText('Choose a flavor')).toBeVisible();
    await page.getByLabel('vCPUs').selectOption('1');
    await expect(page.getByRole('radio', { name: 's3.large.2' })).toBeHidden();
    await page.getByRole('radio', { name: 's3.medium.2' }).check();
    await page.getByRole('button', { name: 'Next' }).click();
  });

  await test.step('image and disks: a system disk smaller than the image is refused', async () => {
    await page.getByLabel('Operating system').selectOption('Linux');
    const image = page.getByLabel('Image', { exact: true });
    await image.selectOption({ index: 1 });
    await page.getByLabel('Size (GiB)').fill('1');
    await page.getByRole('button', { name: 'Next' }).click();
    await expect(page.getByText(/The image needs a system disk of at least \d+ GiB/)).toBeVisible();
    await page.getByLabel('Size (GiB)').fill('40');
    await page.getByRole('button', { name: 'Add a data disk' }).click();
    await page.getByLabel('Data disk 1 size (GiB)').fill('20');
    await attachShot(page, 'wizard-image');
    await page.getByRole('button', { name: 'Next' }).click();
  });

  await test.step('network: a VPC, then one of its subnets', async () => {
    await page.getByLabel('VPC').selectOption({ index: 1 });
    await page.getByLabel('Subnet').selectOption({ index: 1 });
    await page.getByRole('button', { name: 'Next' }).click();
  });

  await test.step('login and name: a weak password is refused and never shown again', async () => {
    await page.getByLabel('Password', { exact: true }).fill('weakpass');
    await page.getByLabel('Name', { exact: true }).fill(name);
    await page.getByLabel('Tags').fill('env=e2e');
    await page.getByRole('button', { name: 'Next' }).click();
    await expect(page.getByText('The password does not meet the rules below')).toBeVisible();
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Next' }).click();
  });

  await test.step('summary: everything once more, the password only said to be set', async () => {
    await expect(page.getByRole('heading', { name: 'Summary' })).toBeVisible();
    await expect(page.getByText('Password (set, not shown)')).toBeVisible();
    await expect(page.getByText(name, { exact: true })).toBeVisible();
    await expect(page.locator('body')).not.toContainText(PASSWORD);
    await attachShot(page, 'wizard-summary');
    await page.getByRole('button', { name: 'Create servers (1)' }).click();
  });

  await expect(page).toHaveURL(/\/servers$/);
  await expect(page.getByText('Request accepted; the task is running', { exact: true }).first()).toBeVisible();
  await page.getByRole('searchbox').fill(name);
  // No reload: the event stream moves the row from creating to running.
  await expect(row(page, name)).toContainText('Creating', { timeout: 20_000 });
  await expect(row(page, name)).toContainText('Running', { timeout: 60_000 });
  await expect(row(page, name)).toContainText('env=e2e');
  await attachScreens(page, 'servers-list', async (p) => expect(p.getByRole('table').getByRole('row').filter({ hasText: name })).toBeVisible());
});

test('attach a new disk from the server page and see it on the disk page', async ({ page }) => {
  test.setTimeout(120_000);
  const name = `e2e-wiz-${run}`;
  await openServers(page);
  const server = await serverNamed(page.request, name);
  const diskName = `e2e-sdisk-${run}`;
  const created = await page.request.post('/api/v1/disks', { headers: await csrf(page.request), data: { name: diskName, availabilityZone: server.availabilityZone, type: 'SSD', sizeGiB: 10 } });
  expect(created.status()).toBe(202);
  await expect(async () => {
    const disks = (await (await page.request.get(`/api/v1/disks?name=${diskName}`)).json()) as DiskPage;
    expect(disks.items.find((d) => d.name === diskName)?.status).toBe('available');
  }).toPass({ timeout: 30_000 });

  await page.goto(`/servers/${server.id}?tab=disks`);
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(page.getByRole('cell', { name: '/dev/vda' })).toBeVisible();
  await page.getByRole('button', { name: 'Attach disk' }).click();
  const dialog = page.getByRole('dialog', { name: `Attach a disk to ${name}` });
  await dialog.getByLabel('Disk', { exact: true }).selectOption({ label: `${diskName} (10 GiB, SSD)` });
  await dialog.getByRole('button', { name: 'Attach disk' }).click();
  await expect(dialog).toBeHidden();
  const diskRow = page.getByRole('row').filter({ hasText: diskName });
  await expect(diskRow).toContainText('In use', { timeout: 30_000 });
  const device = (await diskRow.getByRole('cell').first().textContent())!;
  expect(device).toMatch(/^\/dev\/vd[b-z]$/);
  await attachScreens(page, 'server-disks', async (p) => expect(p.getByRole('row').filter({ hasText: diskName })).toBeVisible());

  await diskRow.getByRole('link', { name: diskName }).click();
  await expect(page.getByRole('heading', { level: 1, name: diskName })).toBeVisible();
  await page.getByRole('tab', { name: /Attachments/ }).click();
  await expect(page.getByRole('tabpanel', { name: 'Attachments' }).getByText(device).first()).toBeVisible();
  await page.getByRole('link', { name }).first().click();
  await expect(page).toHaveURL(new RegExp(`/servers/${server.id}`));
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
});

test('batch stop two servers and start them again', async ({ page }) => {
  test.setTimeout(150_000);
  const base = `e2e-pair-${run}`;
  await openServers(page);
  await createServers(page.request, base, 2);
  const names = [`${base}-0000`, `${base}-0001`];
  for (const n of names) await serverNamed(page.request, n);
  await page.getByRole('searchbox').fill(base);
  await expect(row(page, names[1]!)).toContainText('Running');

  for (const [action, during, after] of [['Stop', 'Stopping', 'Stopped'], ['Start', 'Starting', 'Running']] as const) {
    await page.getByRole('checkbox', { name: 'Select all rows on this page' }).check();
    await page.getByRole('region', { name: 'Selected rows' }).getByRole('button', { name: action, exact: true }).click();
    const dialog = page.getByRole('dialog', { name: `${action}: 2 selected` });
    await expect(dialog).toContainText('Will be sent for 2; not possible for 0.');
    await dialog.getByRole('button', { name: `${action} (2)` }).click();
    await expect(dialog).toContainText('Done: 2 succeeded, 0 failed.');
    if (action === 'Stop') await attachShot(page, 'batch-stop');
    await dialog.getByRole('button', { name: 'Close' }).first().click();
    await expect(row(page, names[0]!)).toContainText(during, { timeout: 15_000 });
    for (const n of names) await expect(row(page, n)).toContainText(after, { timeout: 60_000 });
  }

  await test.step('a running server cannot be started: said per item', async () => {
    await page.getByRole('checkbox', { name: `Select ${names[0]}` }).check();
    await page.getByRole('region', { name: 'Selected rows' }).getByRole('button', { name: 'Start', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Start: 1 selected' });
    await expect(dialog).toContainText('Only a stopped server can be started');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
  });
});

test('resize a stopped server, then resize it running and keep the new flavor', async ({ page }) => {
  test.setTimeout(180_000);
  const name = `e2e-pair-${run}-0000`;
  await openServers(page);
  const server = await serverNamed(page.request, name);
  await page.goto(`/servers/${server.id}`);
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();

  await page.getByRole('button', { name: 'Stop', exact: true }).click();
  await page.getByRole('dialog', { name: `Stop ${name}?` }).getByRole('button', { name: 'Stop', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name }).locator('..')).toContainText('Stopped', { timeout: 60_000 });

  await test.step('stopped: the new flavor applies and it stays stopped', async () => {
    await page.getByRole('button', { name: 'Change flavor' }).click();
    const dialog = page.getByRole('dialog', { name: `Change the flavor of ${name}` });
    await expect(dialog).toContainText('The server is stopped');
    await expect(dialog.getByRole('radio', { name: 's3.medium.2' })).toBeDisabled();
    await dialog.getByRole('radio', { name: 's3.large.2' }).check();
    await attachShot(page, 'resize');
    await dialog.getByRole('button', { name: 'Change flavor' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText('s3.large.2 (2 vCPU · 4 GiB)')).toBeVisible({ timeout: 60_000 });
    await expect(page.getByRole('heading', { level: 1, name }).locator('..')).toContainText('Stopped');
  });

  await test.step('reinstalling is offered only on a stopped server', async () => {
    await page.getByRole('button', { name: 'More' }).click();
    await expect(page.getByRole('menuitem', { name: /Reinstall OS/ })).toBeEnabled();
    await page.keyboard.press('Escape');
  });

  await test.step('running: it waits for confirmation, which keeps the flavor', async () => {
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    await page.getByRole('dialog', { name: `Start ${name}?` }).getByRole('button', { name: 'Start', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name }).locator('..')).toContainText('Running', { timeout: 60_000 });
    await page.getByRole('button', { name: 'More' }).click();
    await expect(page.getByRole('menuitem', { name: /Reinstall OS/ })).toContainText('only on a stopped server');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Change flavor' }).click();
    const dialog = page.getByRole('dialog', { name: `Change the flavor of ${name}` });
    await dialog.getByRole('radio', { name: 's3.xlarge.2' }).check();
    await dialog.getByRole('button', { name: 'Change flavor' }).click();
    const banner = page.getByRole('status').filter({ hasText: 'waits: keep the new flavor' });
    await expect(banner).toBeVisible({ timeout: 60_000 });
    await attachScreens(page, 'server-verify-resize', async (p) => expect(p.getByRole('heading', { level: 1, name })).toBeVisible());
    await banner.getByRole('button', { name: 'Keep new flavor' }).click();
    await page.getByRole('dialog', { name: 'Keep s3.xlarge.2?' }).getByRole('button', { name: 'Keep new flavor' }).click();
    await expect(banner).toBeHidden({ timeout: 60_000 });
    await expect(page.getByText('s3.xlarge.2 (4 vCPU · 8 GiB)')).toBeVisible();
  });
});

test('delete a server with its data disks', async ({ page }) => {
  test.setTimeout(150_000);
  const name = `e2e-gone-${run}`;
  await openServers(page);
  await createServers(page.request, name, 1, [{ type: 'SSD', sizeGiB: 10 }]);
  const server = await serverNamed(page.request, name);
  await page.goto(`/servers/${server.id}?tab=disks`);
  const dataRow = page.getByRole('row').filter({ hasText: 'Data disk' });
  await expect(dataRow).toBeVisible();
  const diskName = (await dataRow.getByRole('link').textContent())!;
  const diskHref = (await dataRow.getByRole('link').getAttribute('href'))!;
  await attachScreens(page, 'server-overview', async (p) => expect(p.getByRole('heading', { level: 1, name })).toBeVisible());

  await page.getByRole('button', { name: 'Delete' }).click();
  const dialog = page.getByRole('dialog', { name: `Delete ${name}?` });
  await dialog.getByLabel('Also delete its data disks (1)').check();
  await expect(dialog).toContainText('The data disks are deleted with the server.');
  await expect(dialog.getByRole('button', { name: 'Delete' })).toBeDisabled();
  await dialog.getByLabel(`Type ${name} to confirm`).fill(name);
  await attachShot(page, 'delete');
  await dialog.getByRole('button', { name: 'Delete' }).click();
  await expect(page).toHaveURL(/\/servers$/);
  await page.getByRole('searchbox').fill(name);
  await expect(page.getByText('Nothing matches these filters.')).toBeVisible({ timeout: 60_000 });
  await page.goto(diskHref);
  await expect(page.getByText('This disk does not exist (any more)')).toBeVisible({ timeout: 30_000 });
  expect(diskName).toBeTruthy();
});

test('the detail tabs and the OS dialog read well in both languages', async ({ page }) => {
  test.setTimeout(150_000);
  await openServers(page);
  await page.getByRole('searchbox').fill('db-01');
  await row(page, 'db-01').getByRole('link', { name: 'db-01' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'db-01' })).toBeVisible();
  for (const [tab, ready] of [
    ['nics', (p: Page) => expect(p.getByRole('cell', { name: /^fa:16:3e:/ }).first()).toBeVisible()],
    ['security-groups', (p: Page) => expect(p.getByRole('region').first()).toBeVisible()],
    ['console', (p: Page) => expect(p.getByRole('combobox').first()).toBeVisible()],
    ['operations', (p: Page) => expect(p.getByRole('tabpanel')).toBeVisible()],
  ] as const) {
    await page.goto(`${new URL(page.url()).pathname}?tab=${tab}`);
    await attachScreens(page, `server-${tab}`, ready);
  }

  await page.getByRole('button', { name: 'More' }).click();
  await page.getByRole('menuitem', { name: 'Change OS' }).click();
  const dialog = page.getByRole('dialog', { name: 'Change the OS of db-01' });
  await expect(dialog).toContainText('Everything on the system disk is erased.');
  await dialog.getByRole('radio', { name: 'Use a password' }).check();
  await dialog.getByRole('button', { name: 'Change OS' }).click();
  await expect(dialog.getByText('Choose an image').last()).toBeVisible();
  await expect(dialog.getByText('The password does not meet the rules below')).toBeVisible();
  await attachShot(page, 'change-os');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
});
