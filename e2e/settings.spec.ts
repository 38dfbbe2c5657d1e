import { expect, test, type Page } from '@playwright/test';
import { admin, signIn } from './helpers.ts';

// Users made here stay in the console's data directory between runs: each run names its own.
const run = Date.now().toString(36);
const viewer = { username: `viewer-${run}`, password: 'viewer-password-1' };
const newPassword = 'viewer-password-2';

async function createUser(page: Page, username: string, password: string, role = 'viewer') {
  await page.getByRole('button', { name: 'Create user' }).click();
  const dialog = page.getByRole('dialog', { name: 'Create a console user' });
  await dialog.getByLabel('Username').fill(username);
  await dialog.getByLabel('Role').selectOption(role);
  await dialog.getByLabel('Initial password').fill(password);
  await dialog.getByRole('button', { name: 'Create user' }).click();
  return dialog;
}

test.describe.configure({ mode: 'serial' });

test('an admin manages users, and every change is in the audit log', async ({ page, browser }) => {
  await page.goto('/login');
  await signIn(page);

  await test.step('settings are in the side navigation for admins, with three tabs', async () => {
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Settings' }).click();
    await expect(page).toHaveURL(/\/settings\/account$/);
    const tabs = page.getByRole('tablist', { name: 'Settings' });
    await expect(tabs.getByRole('tab')).toHaveText(['My account', 'Users', 'Audit log']);
    await tabs.getByRole('tab', { name: 'Users' }).click();
    await expect(page).toHaveURL(/\/settings\/users$/);
  });

  await test.step('the create form checks its fields with the contract before sending', async () => {
    const dialog = await createUser(page, 'X', 'short');
    await expect(dialog.getByLabel('Username')).toHaveAccessibleDescription(/2–32 characters/);
    await expect(dialog.getByLabel('Initial password')).toHaveAccessibleDescription('Use at least 12 characters.');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toBeHidden();
  });

  await test.step('a new viewer appears in the list', async () => {
    const dialog = await createUser(page, viewer.username, viewer.password);
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('status').filter({ hasText: `User ${viewer.username} created` })).toBeVisible();
    const row = page.getByRole('row').filter({ hasText: viewer.username });
    await expect(row).toContainText('Viewer');
  });

  await test.step('a taken name is refused in words (the BFF\'s 409)', async () => {
    const dialog = await createUser(page, viewer.username, viewer.password);
    await expect(dialog.getByLabel('Username')).toHaveAccessibleDescription(`A user named ${viewer.username} already exists.`);
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
  });

  await test.step('search narrows the list and lives in the URL, focused by /', async () => {
    await page.locator('main').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('/');
    const search = page.getByRole('searchbox', { name: 'Search users' });
    await expect(search).toBeFocused();
    await search.fill(viewer.username);
    await search.press('Enter');
    await expect(page).toHaveURL(new RegExp(`q=${viewer.username}`));
    await expect(page.getByRole('row')).toHaveCount(2);
    await page.reload();
    await expect(page.getByRole('searchbox', { name: 'Search users' })).toHaveValue(viewer.username);
    await expect(page.getByRole('row')).toHaveCount(2);
  });

  await test.step('the own account cannot be deleted, and the menu says why', async () => {
    await page.goto('/settings/users?q=admin');
    await page.getByRole('button', { name: 'Actions for admin' }).click();
    const remove = page.getByRole('menuitem', { name: /Delete/ });
    await expect(remove).toBeDisabled();
    await expect(remove).toContainText('You cannot delete your own account.');
    await page.keyboard.press('Escape');
  });

  const viewerContext = await browser.newContext();
  const viewerPage = await viewerContext.newPage();
  await test.step('the new viewer, signed in elsewhere, sees no admin settings', async () => {
    await viewerPage.goto('/login');
    await signIn(viewerPage, viewer);
    await expect(viewerPage.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Settings' })).toHaveCount(0);
    await viewerPage.getByRole('button', { name: `Account: ${viewer.username}` }).click();
    await viewerPage.getByRole('menuitem', { name: 'Account settings' }).click();
    await expect(viewerPage).toHaveURL(/\/settings\/account$/);
    await expect(viewerPage.getByRole('tab')).toHaveText(['My account']);
    await viewerPage.goto('/settings/users');
    await expect(viewerPage.getByRole('alert')).toHaveText('Only administrators can see this part of the settings.');
    await expect(viewerPage.getByRole('table')).toHaveCount(0);
  });

  await test.step('the role of the new user is changed', async () => {
    await page.goto(`/settings/users?q=${viewer.username}`);
    await page.getByRole('button', { name: `Actions for ${viewer.username}` }).click();
    await page.getByRole('menuitem', { name: 'Change role' }).click();
    const dialog = page.getByRole('dialog', { name: `Change the role of ${viewer.username}` });
    await dialog.getByLabel('Role').selectOption('operator');
    await dialog.getByRole('button', { name: 'Save role' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('row').filter({ hasText: viewer.username })).toContainText('Operator');
  });

  await test.step('the changed user has to sign in again, and then has the new role', async () => {
    await viewerPage.goto('/settings/account');
    await expect(viewerPage).toHaveURL(/\/login\?next=%2Fsettings%2Faccount$/);
    await signIn(viewerPage, viewer);
    await expect(viewerPage.getByRole('main')).toContainText('Operator');
    await viewerContext.close();
  });

  await test.step('a batch delete says per user why it cannot be done, then reports each result', async () => {
    await page.goto('/settings/users');
    await expect(await createUser(page, `adm-${run}`, 'temporary-password', 'admin')).toBeHidden();
    await page.getByRole('button', { name: 'Role: any' }).click();
    await page.getByRole('menuitemcheckbox', { name: 'Administrator' }).click();
    await expect(page).toHaveURL(/role=admin/);
    // The list reloads under the open menu; Escape closes it once it has settled.
    await expect(async () => {
      await page.keyboard.press('Escape');
      await expect(page.getByRole('menu')).toHaveCount(0, { timeout: 500 });
    }).toPass({ timeout: 10_000 });
    await expect(page.getByRole('row').filter({ hasText: viewer.username })).toHaveCount(0);
    await page.getByRole('checkbox', { name: 'Select admin', exact: true }).check();
    await page.getByRole('checkbox', { name: `Select adm-${run}` }).check();
    await page.getByRole('region', { name: 'Selected rows' }).getByRole('button', { name: 'Delete' }).click();

    const batch = page.getByRole('dialog', { name: 'Delete: 2 selected' });
    await expect(batch).toContainText('Will be sent for 1; not possible for 1.');
    await expect(batch.getByRole('listitem').filter({ hasText: /^admin/ })).toContainText('not sentYou cannot delete your own account.');
    await batch.getByRole('button', { name: 'Delete (1)' }).click();
    await expect(batch).toContainText('Done: 1 succeeded, 0 failed.');
    await expect(batch.getByRole('listitem').filter({ hasText: `adm-${run}` })).toContainText('done');
    await batch.getByRole('button', { name: 'Close' }).first().click();
    await expect(batch).toBeHidden();
    await expect(page.getByRole('row').filter({ hasText: `adm-${run}` })).toHaveCount(0);
    await expect(page.getByRole('row').filter({ hasText: 'admin' })).toHaveCount(1);
  });

  await test.step('the audit log shows the changes, with the parameters as JSON and secrets redacted', async () => {
    await page.getByRole('tab', { name: 'Audit log' }).click();
    await expect(page).toHaveURL(/\/settings\/audit$/);
    // Newest first: the refused duplicate, then the creation.
    const creations = page.getByRole('row').filter({ hasText: 'user.create' }).filter({ hasText: viewer.username });
    await expect(creations).toHaveCount(2);
    await expect(creations.nth(0)).toContainText('Failed');
    await expect(creations.nth(0)).toContainText('409');
    const created = creations.nth(1);
    await expect(created).toContainText('Succeeded');
    await expect(page.getByRole('row').filter({ hasText: 'user.update' }).filter({ hasText: viewer.username }).first()).toBeVisible();
    await expect(page.getByRole('row').filter({ hasText: 'user.delete' }).filter({ hasText: `adm-${run}` })).toContainText('Succeeded');
    await created.getByRole('button', { name: 'Show the parameters of user.create' }).click();
    const params = page.getByRole('dialog').filter({ hasText: 'Parameters of user.create' });
    await expect(params).toContainText(`"username": "${viewer.username}"`);
    await expect(params).toContainText('[redacted]');
    await expect(params).not.toContainText(viewer.password);
    await page.keyboard.press('Escape');

    // The refused duplicate is there too, as an error, and the filters find it.
    await page.getByRole('combobox', { name: 'Result' }).selectOption('error');
    await expect(page).toHaveURL(/result=error/);
    await expect(page.getByRole('row').filter({ hasText: 'user.create' }).filter({ hasText: viewer.username }).first()).toContainText('409');
  });
});

test('a user changes their own password', async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto('/login');
  await signIn(page, viewer);

  await test.step('the password form checks before sending, then reports a wrong current password', async () => {
    await page.goto('/settings/account');
    const form = page.getByRole('region', { name: 'Change password' });
    await form.getByLabel('Current password', { exact: true }).fill('not-my-password');
    await form.getByLabel('New password', { exact: true }).fill(newPassword);
    await form.getByLabel('Repeat the new password').fill(`${newPassword}x`);
    await form.getByRole('button', { name: 'Change password' }).click();
    await expect(form.getByLabel('Repeat the new password')).toHaveAccessibleDescription('The two passwords differ.');
    await form.getByLabel('Repeat the new password').fill(newPassword);
    await form.getByRole('button', { name: 'Change password' }).click();
    await expect(form.getByLabel('Current password', { exact: true })).toHaveAccessibleDescription('This is not your current password.');
  });

  await test.step('the password is changed and works at the next sign-in', async () => {
    const form = page.getByRole('region', { name: 'Change password' });
    await form.getByLabel('Current password', { exact: true }).fill(viewer.password);
    await form.getByRole('button', { name: 'Change password' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Password changed' })).toBeVisible();
    await expect(form.getByLabel('Current password', { exact: true })).toHaveValue('');

    const fresh = await browser.newContext();
    const again = await fresh.newPage();
    await again.goto('/login');
    await signIn(again, { username: viewer.username, password: newPassword });
    await fresh.close();
  });
  await context.close();
});

test('the profile menu shows the active profile', async ({ page }) => {
  await page.goto('/login');
  await signIn(page, admin);
  const profiles = (await (await page.request.get('/api/v1/profiles')).json()) as { items: { id: string; name: string; region: string }[]; activeId: string };
  const active = profiles.items.find((profile) => profile.id === profiles.activeId)!;
  await page.getByRole('button', { name: `Cloud profile: ${active.name}. Switch profile` }).click();
  const menu = page.getByRole('menu');
  await expect(menu.getByRole('menuitemradio')).toHaveCount(profiles.items.length);
  const item = menu.getByRole('menuitemradio', { name: new RegExp(active.name) });
  await expect(item).toHaveAttribute('aria-checked', 'true');
  await expect(item).toContainText(active.region);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('group', { name: 'Active cloud profile' })).toContainText(active.name);
});
