import { expect, type Page } from '@playwright/test';
import { e2eAdminPassword } from '../playwright.config.ts';

export const admin = { username: 'admin', password: e2eAdminPassword };

/** Signs in through the login form, as a person does, and waits for the signed-in frame. */
export async function signIn(page: Page, { username, password } = admin): Promise<void> {
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('button', { name: `Account: ${username}` })).toBeVisible();
}
