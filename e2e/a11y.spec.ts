import { AxeBuilder } from '@axe-core/playwright';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { signIn } from './helpers.ts';
import { screens } from './screens.ts';

// Every screen, in the light and the dark theme, checked by axe against WCAG 2.1 A and AA: no
// serious or critical violation. The screens are listed once, in screens.ts.

const themes = ['light', 'dark'] as const;

async function signedIn(browser: Browser, theme: (typeof themes)[number]): Promise<Page> {
  const context = await browser.newContext();
  // The theme is chosen before any script of the page runs, as a returning person's would be.
  await context.addInitScript({ content: `localStorage.setItem('console.theme', ${JSON.stringify(theme)});` });
  const page = await context.newPage();
  await page.goto('/login');
  await signIn(page);
  return page;
}

/** Waits until the screen has drawn its data: no skeletons, nothing busy. */
async function settled(page: Page): Promise<void> {
  await expect(page.locator('main h1').first()).toBeVisible();
  await expect(page.locator('main .skeleton, main [aria-busy="true"], main .animate-pulse')).toHaveCount(0, { timeout: 15_000 });
}

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.slice(0, 5).map((n) => n.target.join(' ')).join('\n    ')}`);
}

for (const theme of themes) {
  test.describe(`${theme} theme`, () => {
    let page: Page;
    test.beforeAll(async ({ browser }) => {
      page = await signedIn(browser, theme);
    });
    test.afterAll(async () => {
      await page.context().close();
    });

    for (const screen of screens) {
      test(`${screen.name} has no serious accessibility violation`, async () => {
        const path = typeof screen.path === 'string' ? screen.path : await screen.path(page.request);
        // The demo data has a resource for every detail screen: a missing one is a failure, not a skip.
        expect(path, `the demo data has nothing to show on ${screen.name}`).toBeDefined();
        await page.goto(path!);
        await expect(page.locator('html')).toHaveClass(theme === 'dark' ? /\bdark\b/ : /^(?!.*\bdark\b)/);
        await settled(page);
        expect(await seriousViolations(page), `${screen.name} at ${path}`).toEqual([]);
      });
    }

    test('the command palette and the shortcut help have no serious accessibility violation', async () => {
      await page.goto('/disks');
      await settled(page);
      await page.keyboard.press('Control+k');
      const palette = page.getByRole('dialog', { name: 'Command palette' });
      await expect(palette).toBeVisible();
      await palette.getByRole('combobox').fill('dis');
      expect(await seriousViolations(page), 'command palette').toEqual([]);
      await page.keyboard.press('Escape');
      await expect(palette).toBeHidden();

      await page.locator('main h1').click();
      await page.keyboard.press('?');
      const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
      await expect(help).toBeVisible();
      expect(await seriousViolations(page), 'shortcut help').toEqual([]);
      await page.keyboard.press('Escape');
      await expect(help).toBeHidden();
    });

    test('open menus have no serious accessibility violation', async () => {
      await page.goto('/disks');
      await settled(page);
      const triggers = { account: page.getByRole('button', { name: 'Account: admin' }), profile: page.getByRole('group', { name: 'Active cloud profile' }).getByRole('button') };
      for (const [name, trigger] of Object.entries(triggers)) {
        await trigger.click();
        const menu = page.getByRole('menu');
        await expect(menu).toBeVisible();
        expect(await seriousViolations(page), `the ${name} menu`).toEqual([]);
        await page.keyboard.press('Escape');
        await expect(menu).toBeHidden();
      }
    });
  });
}
