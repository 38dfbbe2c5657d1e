import { AxeBuilder } from '@axe-core/playwright';
import { expect as baseExpect, test, type Page } from '@playwright/test';
import type { ServerPage } from '../packages/contract/src/index.ts';
import { signIn } from './helpers.ts';

// The console at common laptop widths: the header stays one row and no tab of a detail page is
// out of reach, in both languages. Screens are also written to E2E_SHOTS (a folder) when it is set.

const expect = baseExpect.configure({ timeout: 15_000 });
const widths = [1280, 1024] as const;
const serverTabs = ['Overview', 'Disks', 'Network interfaces', 'Security groups', 'Backups', 'Tags', 'Metadata', 'Console log', 'Operations', 'Tasks'];
const overflowButton = { en: 'Other tabs', zh: '更多页签' } as const;

type Language = 'en' | 'zh';
type Theme = 'light' | 'dark';

async function show(page: Page, path: string, language: Language, theme: Theme): Promise<void> {
  await page.evaluate((choice) => {
    localStorage.setItem('console.language', choice.language);
    localStorage.setItem('console.theme', choice.theme);
  }, { language, theme });
  await page.goto(path);
  await expect(page.locator('html')).toHaveAttribute('lang', language === 'zh' ? 'zh-CN' : /^en/);
  await expect(page.getByRole('tablist')).toBeVisible();
}

async function shot(page: Page, name: string): Promise<void> {
  const body = await page.screenshot();
  await test.info().attach(name, { body, contentType: 'image/png' });
  if (process.env.E2E_SHOTS) await page.screenshot({ path: `${process.env.E2E_SHOTS}/${name}.png` });
}

/** The server with the most tabs worth seeing (the demo's db-01 has disks and tags), as its detail path. */
async function serverPath(page: Page): Promise<string> {
  const named = (await (await page.request.get('/api/v1/servers?name=db-01')).json()) as ServerPage;
  const any = (await (await page.request.get('/api/v1/servers?limit=1')).json()) as ServerPage;
  const server = named.items[0] ?? any.items[0];
  expect(server, 'the demo data has a server').toBeDefined();
  return `/servers/${server!.id}`;
}

/** One row: every control inside the header's height, none wrapped onto a second line, none overlapping the next, nothing spilling sideways. */
async function expectOneRowHeader(page: Page): Promise<void> {
  const layout = await page.getByRole('banner').evaluate((header) => {
    const box = header.getBoundingClientRect();
    const controls = Array.from(header.querySelectorAll<HTMLElement>('a, button, [role="status"]'))
      .filter((element) => element.getClientRects().length > 0)
      .map((element) => {
        const r = element.getBoundingClientRect();
        const name = element.getAttribute('aria-label') ?? element.textContent ?? '';
        return { name, left: r.left, right: r.right, top: r.top, bottom: r.bottom, spill: element.scrollWidth - element.clientWidth };
      })
      .sort((a, b) => a.left - b.left);
    return { top: box.top, bottom: box.bottom, height: box.height, spill: header.scrollWidth - header.clientWidth, controls };
  });
  expect(layout.height).toBe(48);
  expect(layout.spill, 'the header scrolls sideways').toBeLessThanOrEqual(0);
  expect(layout.controls.length).toBeGreaterThan(5);
  for (const [index, control] of layout.controls.entries()) {
    expect(control.top, `${control.name} starts above the header`).toBeGreaterThanOrEqual(layout.top);
    expect(control.bottom, `${control.name} ends below the header`).toBeLessThanOrEqual(layout.bottom);
    // a control of one text line is at most 32px high (h-8); a wrapped one is taller
    expect(control.bottom - control.top, `${control.name} is on more than one line`).toBeLessThanOrEqual(34);
    expect(control.spill, `${control.name} does not hold its content`).toBeLessThanOrEqual(1);
    const next = layout.controls[index + 1];
    if (next) expect(control.right, `${control.name} overlaps ${next.name}`).toBeLessThanOrEqual(next.left + 0.5);
  }
}

/** Serious or critical WCAG 2.1 A/AA findings on what the page shows now (as in a11y.spec.ts). */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** The tabs in the row and those in the overflow menu, by name (counts dropped); the menu is left closed. */
async function reachableTabs(page: Page, language: Language): Promise<{ row: string[]; menu: string[] }> {
  const list = page.getByRole('tablist');
  const row = (await list.getByRole('tab').allInnerTexts()).map((text) => text.replace(/\s*\d+$/, '').trim());
  const spill = await list.evaluate((element) => element.scrollWidth - element.clientWidth);
  expect(spill, 'the tab row scrolls sideways').toBeLessThanOrEqual(0);
  const main = (await page.locator('main').boundingBox())!;
  for (const tab of await list.getByRole('tab').all()) {
    const box = (await tab.boundingBox())!;
    expect(box.x + box.width, `${await tab.innerText()} is cut off`).toBeLessThanOrEqual(main.x + main.width);
  }
  const more = page.getByRole('button', { name: overflowButton[language], exact: true });
  if ((await more.count()) === 0) return { row, menu: [] };
  await more.click();
  const items = page.getByRole('menu').getByRole('menuitem');
  await expect(items.first()).toBeVisible();
  const menu = (await items.allInnerTexts()).map((text) => text.replace(/\s*\d+$/, '').trim());
  await page.keyboard.press('Escape');
  await expect(page.getByRole('menu')).toBeHidden();
  return { row, menu };
}

test.beforeEach(async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/login');
  await signIn(page);
});

for (const width of widths) {
  test(`at ${width}px the header is one row and every server tab can be reached`, async ({ page }) => {
    await page.setViewportSize({ width, height: 800 });
    const path = await serverPath(page);

    for (const language of ['en', 'zh'] as const) {
      await test.step(`${language}: the header and the tab row fit`, async () => {
        await show(page, path, language, 'light');
        await expectOneRowHeader(page);
        const { row, menu } = await reachableTabs(page, language);
        expect(row.length + menu.length).toBe(serverTabs.length);
        expect(new Set([...row, ...menu]).size).toBe(serverTabs.length);
        if (language === 'en') expect([...row, ...menu].sort()).toEqual([...serverTabs].sort());
      });
    }

    await test.step('a tab chosen from the overflow menu opens, in the row, with the focus on it', async () => {
      await show(page, path, 'en', 'light');
      const { menu } = await reachableTabs(page, 'en');
      // at these widths ten tabs do not fit beside the navigation
      expect(menu.length).toBeGreaterThan(0);
      const chosen = menu.at(-1)!;
      await page.getByRole('button', { name: overflowButton.en, exact: true }).click();
      await page.getByRole('menuitem', { name: chosen }).click();
      const id = chosen === 'Console log' ? 'console' : chosen.toLowerCase().replace(/ /g, '-');
      await expect(page).toHaveURL(new RegExp(`[?&]tab=${id}\\b`));
      const tab = page.getByRole('tablist').getByRole('tab', { name: chosen });
      await expect(tab).toHaveAttribute('aria-selected', 'true');
      await expect(tab).toBeInViewport({ ratio: 1 });
      await expect(tab).toBeFocused();
      await expectOneRowHeader(page);
      const after = await reachableTabs(page, 'en');
      expect(new Set([...after.row, ...after.menu]).size).toBe(serverTabs.length);
      // Back returns to the tab before
      await page.goBack();
      await expect(page.getByRole('tab', { name: 'Overview' })).toHaveAttribute('aria-selected', 'true');
    });

    await test.step('the keyboard reaches the overflow menu from the tab row and opens a tab from it', async () => {
      await page.getByRole('tab', { name: 'Overview' }).focus();
      await page.keyboard.press('Tab');
      const more = page.getByRole('button', { name: overflowButton.en, exact: true });
      await expect(more).toBeFocused();
      await page.keyboard.press('Enter');
      const first = page.getByRole('menu').getByRole('menuitem').first();
      await expect(first).toBeFocused();
      const name = (await first.innerText()).replace(/\s*\d+$/, '').trim();
      await page.keyboard.press('Enter');
      await expect(page.getByRole('tablist').getByRole('tab', { name })).toBeFocused();
      await expect(page.getByRole('tablist').getByRole('tab', { name })).toHaveAttribute('aria-selected', 'true');
    });
  });
}

test('the detail pages at laptop widths, in both languages and themes', async ({ page }) => {
  test.setTimeout(120_000);
  const server = await serverPath(page);
  const first = async (list: string, detail: string) => {
    const items = ((await (await page.request.get(list)).json()) as { items: { id: string }[] }).items;
    expect(items[0], list).toBeDefined();
    return `${detail}/${items[0]!.id}`;
  };
  const disk = await first('/api/v1/disks?limit=1', '/disks');
  const vault = await first('/api/v1/vaults?limit=1', '/vaults');
  for (const width of widths) {
    await page.setViewportSize({ width, height: 800 });
    for (const [language, theme] of [['en', 'light'], ['en', 'dark'], ['zh', 'light'], ['zh', 'dark']] as const) {
      await show(page, server, language, theme);
      await expectOneRowHeader(page);
      await shot(page, `server-${width}-${language}-${theme}`);
    }
    // the current tab from the end of the list keeps its place in the row
    for (const theme of ['light', 'dark'] as const) {
      await show(page, `${server}?tab=operations`, 'en', theme);
      await expect(page.getByRole('tab', { name: 'Operations' })).toBeInViewport({ ratio: 1 });
      await page.getByRole('button', { name: overflowButton.en, exact: true }).click();
      await expect(page.getByRole('menu')).toBeVisible();
      await shot(page, `server-${width}-menu-en-${theme}`);
      expect(await seriousViolations(page), 'the open overflow menu').toEqual([]);
      await page.keyboard.press('Escape');
    }
    for (const [name, path] of [['disk', disk], ['vault', vault]] as const) {
      await show(page, path, 'en', 'light');
      await expectOneRowHeader(page);
      expect((await reachableTabs(page, 'en')).menu).toEqual([]);
      await shot(page, `${name}-${width}-en-light`);
      await show(page, path, 'zh', 'dark');
      await shot(page, `${name}-${width}-zh-dark`);
    }
  }
});

test('below laptop widths the header still fits in one row, with every control there', async ({ page }) => {
  const path = await serverPath(page);
  for (const width of [900, 768, 640, 390]) {
    await page.setViewportSize({ width, height: 800 });
    for (const [language, theme] of [['en', 'light'], ['zh', 'dark']] as const) {
      await show(page, path, language, theme);
      await expectOneRowHeader(page);
      await shot(page, `header-${width}-${language}-${theme}`);
      if (width === 390) expect(await seriousViolations(page), `the page at ${width}px`).toEqual([]);
    }
  }
});
