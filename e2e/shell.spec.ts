import { expect, test } from '@playwright/test';
import type { MeResponse } from '../packages/contract/src/index.ts';
import { admin, signIn } from './helpers.ts';

test('the console shell: sign-in, home, theme, language, 404 and sign-out', async ({ page }) => {
  const cspViolations: string[] = [];
  page.on('console', (message) => {
    if (message.text().includes('Content Security Policy')) cspViolations.push(message.text());
  });

  await test.step('a visitor is sent to the login page', async () => {
    await page.goto('/');
    await expect(page).toHaveURL(/\/login$/);
    await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  });

  await test.step('the form checks its fields before sending anything', async () => {
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByLabel('Username')).toHaveAccessibleDescription('This field is required.');
    await expect(page.getByLabel('Password')).toHaveAccessibleDescription('This field is required.');
    await expect(page.getByLabel('Username')).toBeFocused();
  });

  await test.step('a wrong password is refused in words', async () => {
    await page.getByLabel('Username').fill(admin.username);
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert')).toHaveText('Wrong username or password.');
    await expect(page).toHaveURL(/\/login$/);
  });

  await test.step('the admin signs in and Home shows the active profile', async () => {
    await signIn(page);
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByRole('heading', { name: 'Welcome, admin' })).toBeVisible();

    const me = (await (await page.request.get('/api/v1/me')).json()) as MeResponse;
    const profileCard = page.getByRole('region', { name: 'Active cloud profile' });
    await expect(profileCard.getByText(me.profile.name, { exact: true })).toBeVisible();
    await expect(profileCard.getByText(me.profile.region, { exact: true })).toBeVisible();
    await expect(profileCard.getByText(me.profile.projectId, { exact: true })).toBeVisible();
    if (me.profile.emulator) await expect(profileCard.getByText('Emulator', { exact: true })).toBeVisible();
    await expect(page.getByRole('group', { name: 'Active cloud profile' })).toContainText(me.profile.name);

    const session = page.getByRole('region', { name: 'Your session' });
    await expect(session).toContainText('Administrator');
    const health = page.getByRole('region', { name: 'Console', exact: true });
    await expect(health).toContainText('Operational');
  });

  await test.step('dark theme and Chinese are applied', async () => {
    await page.getByRole('button', { name: 'Theme' }).click();
    await page.getByRole('menuitemradio', { name: 'Dark' }).click();
    await expect(page.locator('html')).toHaveClass(/\bdark\b/);

    await page.getByRole('button', { name: 'Language' }).click();
    await page.getByRole('menuitemradio', { name: '中文' }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await expect(page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '首页' })).toBeVisible();
    await expect(page.getByRole('heading', { name: '欢迎，admin' })).toBeVisible();
  });

  await test.step('both choices survive a reload', async () => {
    await page.reload();
    await expect(page.locator('html')).toHaveClass(/\bdark\b/);
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await expect(page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '首页' })).toBeVisible();
  });

  await test.step('an unknown address shows the 404 page with a way home', async () => {
    await page.goto('/no/such/page');
    await expect(page.getByRole('heading', { name: '页面不存在' })).toBeVisible();
    await expect(page.getByText('/no/such/page')).toBeVisible();
    await page.getByRole('link', { name: '返回首页' }).click();
    await expect(page.getByRole('heading', { name: '欢迎，admin' })).toBeVisible();
  });

  await test.step('logging out ends the session', async () => {
    await page.getByRole('button', { name: '账户：admin' }).click();
    await page.getByRole('menuitem', { name: '退出登录' }).click();
    await expect(page).toHaveURL(/\/login$/);
    await expect(page.getByRole('heading', { name: '登录' })).toBeVisible();
    expect((await page.request.get('/api/v1/me')).status()).toBe(401);
    await page.goto('/');
    await expect(page).toHaveURL(/\/login$/);
  });

  expect(cspViolations).toEqual([]);
});

test('the remembered theme and language apply before the application code runs', async ({ page }) => {
  await page.addInitScript("localStorage.setItem('console.theme', 'dark'); localStorage.setItem('console.language', 'zh');");
  // Without the bundle only the inline script in index.html can have set these: no flash of the
  // wrong theme while the application loads.
  await page.route('**/assets/**', (route) => route.abort());
  await page.goto('/login');
  await expect(page.locator('html')).toHaveClass(/\bdark\b/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
});

test('after signing in, the user lands on the page they asked for', async ({ page }) => {
  await page.goto('/somewhere/else?tab=details');
  await expect(page).toHaveURL(/\/login\?next=%2Fsomewhere%2Felse%3Ftab%3Ddetails$/);
  await signIn(page);
  await expect(page).toHaveURL(/\/somewhere\/else\?tab=details$/);
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
});

test('keyboard users can skip to the content and reach every menu', async ({ page }) => {
  await page.goto('/login');
  await signIn(page);
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('#main-content')).toBeFocused();

  await page.getByRole('button', { name: 'Theme' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('menuitemradio', { name: 'Light' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('button', { name: 'Theme' })).toBeFocused();
});

test('on a narrow screen the navigation folds into a drawer', async ({ page }) => {
  await page.setViewportSize({ width: 420, height: 800 });
  await page.goto('/login');
  await signIn(page);
  const home = page.getByRole('link', { name: 'Home' });
  await expect(home).toBeHidden();

  const toggle = page.getByRole('button', { name: 'Open navigation' });
  await toggle.click();
  await expect(home).toBeFocused();
  await expect(page.getByRole('button', { name: 'Close navigation' })).toHaveAttribute('aria-expanded', 'true');

  await page.keyboard.press('Escape');
  await expect(home).toBeHidden();
  await expect(page.getByRole('button', { name: 'Open navigation' })).toBeFocused();
});
