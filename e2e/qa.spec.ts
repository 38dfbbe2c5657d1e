import { expect, test, type Page } from '@playwright/test';
import { attachScreens, createDisk, csrf, diskNamed, idleServer, signIn } from './helpers.ts';

const run = Date.now().toString(36);
const injectedCode = 'Ecs.0612';

/** Looks at the current page in both languages and both themes, checking it renders its heading in each. */
const screens = (page: Page, name: string, heading: { en: string | RegExp; zh: string | RegExp }) =>
  attachScreens(page, name, (p, language) => expect(p.getByRole('heading', { level: 1, name: heading[language] })).toBeVisible(), [
    ['en', 'light'], ['en', 'dark'], ['zh', 'light'], ['zh', 'dark'],
  ]);

test('a failing attach, injected from the panel, traced to its call in the inspector, then fixed', async ({ page }) => {
  test.setTimeout(240_000);
  await page.goto('/login');
  await signIn(page);
  const server = await idleServer(page.request);
  await createDisk(page.request, `qa-attach-${run}`, server.availabilityZone);
  const disk = await diskNamed(page.request, `qa-attach-${run}`);
  const badge = page.getByRole('banner').getByRole('link', { name: /Emulator faults active: 1/ });
  let taskUrl = '';

  await test.step('inject: the next attach job fails with a code of our choosing', async () => {
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Emulator' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Emulator' })).toBeVisible();
    await expect(page.getByTestId('emulator-time')).toHaveText(/\d/);
    const form = page.getByRole('form', { name: 'Inject a fault' });
    await form.getByLabel('Kind of fault').selectOption('job');
    await form.getByLabel('Job type').fill('attachVolume');
    await form.getByLabel('Error code').fill(injectedCode);
    await form.getByLabel('Error message').fill('Injected by QA: the hypervisor refused the volume.');
    // more than one, so that it is still there to be cleared after the attach it fails
    await form.getByLabel('Jobs that fail').fill('5');
    await form.getByRole('button', { name: 'Inject fault' }).click();
    const active = page.getByRole('list', { name: 'Active faults' });
    await expect(active).toContainText('Jobs of type attachVolume');
    await expect(active).toContainText(`The next job fails with ${injectedCode}. (5 left)`);
    await expect(badge).toBeVisible();
  });

  await screens(page, 'emulator-panel', { en: 'Emulator', zh: '模拟器' });

  await test.step('attach the disk: its task fails with the injected code', async () => {
    await page.goto(`/disks/${disk.id}`);
    await expect(badge).toBeVisible();
    await page.getByRole('button', { name: 'Attach', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: `Attach ${disk.name}` });
    await dialog.getByLabel('Server').selectOption(server.id);
    await dialog.getByRole('button', { name: 'Attach' }).click();
    await expect(dialog).toBeHidden();
    await page.getByRole('link', { name: 'View task' }).last().click();
    await expect(page).toHaveURL(/\/tasks\/[\w-]+$/);
    taskUrl = page.url();
    const failure = page.getByRole('region', { name: 'Why it failed' });
    await expect(failure).toContainText(injectedCode, { timeout: 30_000 });
    await expect(failure).toContainText('Injected by QA');
  });

  await screens(page, 'task-failed', { en: /.+/, zh: /.+/ });

  await test.step('follow the link to the call that reported it', async () => {
    await page.getByRole('region', { name: 'Why it failed' }).getByRole('link', { name: 'Show the call' }).click();
    await expect(page).toHaveURL(/\/calls\?requestId=/);
    const table = page.getByRole('table', { name: 'API calls' });
    const rows = table.getByRole('row').filter({ hasText: '/jobs/' });
    await expect(rows).toHaveCount(1);
    await expect(rows).toContainText('ECS');
    await expect(rows).toContainText('GET');
    await rows.getByRole('link').first().click();
    await expect(page).toHaveURL(/\/calls\/\d+$/);
    await page.getByRole('tab', { name: 'Response body' }).click();
    await expect(page.getByRole('tabpanel')).toContainText(injectedCode);
    await expect(page.getByRole('tabpanel')).toContainText('FAIL');
  });

  const jobPoll = /^GET \/v1\/\{project_id\}\/jobs\/\{job_id\}$/;
  await screens(page, 'call-detail', { en: jobPoll, zh: jobPoll });
  await page.getByRole('tab', { name: 'Overview' }).click();
  await expect(page.getByRole('region', { name: 'Overview' })).toContainText('Upstream request ID');
  await screens(page, 'call-overview', { en: jobPoll, zh: jobPoll });

  await test.step('the task links all of its calls', async () => {
    await page.goto(taskUrl);
    await page.getByRole('link', { name: 'Show its API calls' }).click();
    await expect(page).toHaveURL(/\/calls\?taskId=/);
    const table = page.getByRole('table', { name: 'API calls' });
    await expect(table.getByRole('row').filter({ hasText: '/attachvolume' })).toHaveCount(1);
  });

  await test.step('the console\'s own calls can be told apart and set aside', async () => {
    await page.goto('/calls');
    const table = page.getByRole('table', { name: 'API calls' });
    // the backup watch lists backups while this page's event stream is open
    await page.getByRole('combobox', { name: 'Made for' }).selectOption('background');
    await expect(page).toHaveURL(/origin=background/);
    await expect(table.getByRole('row').filter({ hasText: '/backups' }).first()).toBeVisible({ timeout: 15_000 });
    await expect(table.getByRole('row').filter({ hasText: 'Console (background)' }).first()).toBeVisible();
    await expect(table.getByRole('row').filter({ hasText: '/attachvolume' })).toHaveCount(0);
    await page.getByRole('combobox', { name: 'Made for' }).selectOption('user');
    await expect(table.getByRole('row').filter({ hasText: '/attachvolume' }).first()).toBeVisible();
    await expect(table.getByRole('row').filter({ hasText: 'Console (background)' })).toHaveCount(0);
  });

  await screens(page, 'calls-list', { en: 'API calls', zh: 'API 调用' });

  await test.step('clear the fault: the badge goes away', async () => {
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Emulator' }).click();
    await expect(page.getByRole('list', { name: 'Active faults' })).toContainText('(4 left)');
    await page.getByRole('button', { name: 'Clear all faults' }).click();
    await expect(page.getByText('No fault is active')).toBeVisible();
    await expect(badge).toBeHidden();
  });

  await test.step('retry the attach: it succeeds', async () => {
    await page.goto(`/disks/${disk.id}`);
    await expect(page.getByRole('main').getByText('Available').first()).toBeVisible({ timeout: 30_000 });
    await page.getByRole('button', { name: 'Attach', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: `Attach ${disk.name}` });
    await dialog.getByLabel('Server').selectOption(server.id);
    await dialog.getByRole('button', { name: 'Attach' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('main').getByText('In use').first()).toBeVisible({ timeout: 30_000 });
  });

  // Leave the server as it was found.
  const detach = await page.request.delete(`/api/v1/servers/${server.id}/volumes/${disk.id}`, { headers: await csrf(page.request) });
  expect(detach.status(), await detach.text()).toBe(202);
});

test('the clock: freeze it, advance it an hour, resume it', async ({ page }) => {
  await page.goto('/login');
  await signIn(page);
  await page.goto('/emulator');
  const strip = page.getByRole('status', { name: 'Emulator status' });
  const time = page.getByTestId('emulator-time');
  const at = async () => Date.parse((await time.getAttribute('datetime'))!);
  await page.getByRole('button', { name: 'Freeze clock' }).click();
  await expect(strip).toContainText('Clock frozen');
  const frozen = await at();
  await page.getByRole('button', { name: '+1 h' }).click();
  await expect.poll(at).toBe(frozen + 3600_000);
  await page.getByRole('button', { name: 'Resume clock' }).click();
  await expect(strip).toContainText('Clock running');
  // running again, it moves on from where it was advanced to
  await expect.poll(at, { timeout: 5000 }).toBeGreaterThan(frozen + 3600_000);
});

test('the panel and the inspector are not offered to viewers, and the BFF refuses them too', async ({ page }) => {
  await page.goto('/login');
  await signIn(page);
  const username = `qa-viewer-${run}`;
  const password = 'qa-viewer-password-1';
  const created = await page.request.post('/api/v1/users', { headers: await csrf(page.request), data: { username, role: 'viewer', password } });
  expect(created.status(), await created.text()).toBe(201);
  await page.context().clearCookies();
  await page.goto('/login');
  await signIn(page, { username, password });
  const nav = page.getByRole('navigation', { name: 'Main navigation' });
  await expect(nav.getByRole('link', { name: 'Disks' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Emulator' })).toHaveCount(0);
  await expect(nav.getByRole('link', { name: 'API calls' })).toHaveCount(0);
  expect((await page.request.get('/api/v1/emulator')).status()).toBe(403);
  expect((await page.request.get('/api/v1/calls')).status()).toBe(403);
  await page.goto('/emulator');
  await expect(page.getByRole('alert')).toContainText('for operators and administrators');
});
