import { expect, type Page, type TestInfo } from '@playwright/test';
import { e2eAdminPassword } from '../playwright.config.ts';

export const admin = { username: 'admin', password: e2eAdminPassword };

/** Signs in through the login form, as a person does, and waits for the signed-in frame. */
export async function signIn(page: Page, { username, password } = admin): Promise<void> {
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('button', { name: `Account: ${username}` })).toBeVisible();
}

/**
 * Attaches the current page to the test report as a reader sees it in Chinese with the dark theme
 * and in English with the light one, then leaves the page in English and light again.
 */
export async function attachScreens(page: Page, testInfo: TestInfo, name: string, ready: (page: Page) => Promise<void> = async () => {}): Promise<void> {
  for (const [language, theme] of [['zh', 'dark'], ['en', 'light']] as const) {
    await page.evaluate((choice) => {
      localStorage.setItem('console.language', choice.language);
      localStorage.setItem('console.theme', choice.theme);
    }, { language, theme });
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('lang', language === 'zh' ? 'zh-CN' : /^en/);
    await ready(page);
    await testInfo.attach(`${name}-${language}-${theme}`, { body: await page.screenshot({ fullPage: true }), contentType: 'image/png' });
  }
}
