/** Playwright helpers for driving the VS Code workbench the way a person does. */
import * as fs from 'fs';
import * as path from 'path';
import { Frame, Locator, Page } from 'playwright-core';
import { ROOT } from '../codeServer';

export class Workbench {
  constructor(readonly page: Page) {}

  /** Runs a command through the command palette (F1), by its title. */
  async runCommand(title: string): Promise<void> {
    await this.page.keyboard.press('F1');
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible' });
    await input.fill(`>${title}`);
    const row = this.page.locator('.quick-input-widget .monaco-list-row', { hasText: title }).first();
    await row.waitFor({ state: 'visible', timeout: 15_000 });
    await this.page.keyboard.press('Enter');
  }

  /**
   * Adds an environment the way a person does: Add Environment, "Custom base URL…", then the URL,
   * the token (checked at once), the name and the kind of account, each in the quick input.
   */
  async addEnvironment(options: { baseUrl: string; name: string; token: string; production: boolean }): Promise<void> {
    await this.runCommand('integrator.io: Add Environment');
    const quickInput = this.page.locator('.quick-input-widget');
    const pick = (text: string) => quickInput.locator('.monaco-list-row', { hasText: text }).first().click();
    const answer = async (text: string) => {
      const input = quickInput.locator('input');
      await input.waitFor({ state: 'visible' });
      await input.fill(text);
      await this.page.keyboard.press('Enter');
    };
    await pick('Custom base URL');
    await quickInput.locator('.quick-input-title', { hasText: '(2/5)' }).waitFor();
    await answer(options.baseUrl);
    await quickInput.locator('.quick-input-title', { hasText: '(3/5)' }).waitFor();
    await answer(options.token);
    // The token is checked before the next step appears.
    await quickInput.locator('.quick-input-title', { hasText: '(4/5)' }).waitFor({ timeout: 30_000 });
    await answer(options.name);
    await quickInput.locator('.quick-input-title', { hasText: '(5/5)' }).waitFor();
    await pick(options.production ? 'Production account' : 'Development or sandbox account');
  }

  /**
   * What the window has written to its stored state (the browser's IndexedDB) under `key`, in any of
   * its state databases. The browser workbench writes changes when idle (every few seconds) and makes
   * only a best-effort write when the page unloads, so a test that reloads the window waits on this
   * first to know what the reopened window will restore.
   */
  async storedState(key: string): Promise<string[]> {
    // Written as page source: the test project has no DOM types, and this runs in the page.
    const read = `(async (wanted) => {
      const values = [];
      for (const info of await indexedDB.databases()) {
        if (!info.name || !info.name.startsWith('vscode-web-state-db-')) continue;
        const db = await new Promise((resolve, reject) => {
          const open = indexedDB.open(info.name);
          open.onsuccess = () => resolve(open.result);
          open.onerror = () => reject(open.error);
        });
        try {
          if (!db.objectStoreNames.contains('ItemTable')) continue;
          const value = await new Promise((resolve, reject) => {
            const get = db.transaction('ItemTable', 'readonly').objectStore('ItemTable').get(wanted);
            get.onsuccess = () => resolve(get.result);
            get.onerror = () => reject(get.error);
          });
          if (typeof value === 'string') values.push(value);
        } finally {
          db.close();
        }
      }
      return values;
    })(${JSON.stringify(key)})`;
    return this.page.evaluate<string[]>(read);
  }

  /**
   * Opens a view container from the activity bar by its title. Clicks the whole item, not its
   * icon: a badge (a pending-changes count) sits over the icon and would take the click.
   */
  async openViewContainer(title: string): Promise<void> {
    const item = this.page.locator(`.activitybar .action-item:has([aria-label^="${title}"])`).first();
    // A click on the container already shown hides the side bar: after a reload VS Code shows the last one again.
    if (((await item.getAttribute('class')) ?? '').split(/\s+/).includes('checked')) return;
    await item.click();
  }

  /** Right-clicks a tree row and picks an item of its context menu. */
  async contextMenu(rowLabel: string, item: string): Promise<void> {
    await this.treeRow(rowLabel).click({ button: 'right' });
    const entry = this.page.getByRole('menuitem', { name: item, exact: true });
    await entry.waitFor();
    await entry.hover();
    await this.page.keyboard.press('Enter');
  }

  /** The webview frame whose page holds `selector` (webviews are nested frames). */
  async webviewFrame(selector: string, timeoutMs = 30_000): Promise<Frame> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      for (const frame of this.page.frames()) {
        if (
          await frame
            .locator(selector)
            .count()
            .catch(() => 0)
        )
          return frame;
      }
      await this.page.waitForTimeout(250);
    }
    throw new Error(`No webview shows ${selector}`);
  }

  /** Widens the side bar so tree rows show their descriptions. */
  async widenSideBar(by = 180): Promise<void> {
    const box = await this.page.locator('.part.sidebar').boundingBox();
    if (!box) return;
    // Drag the sash on the side bar's right edge, as a person would.
    const x = box.x + box.width + 1;
    const y = box.y + box.height / 2;
    await this.page.mouse.move(x, y);
    await this.page.mouse.down();
    await this.page.mouse.move(x + by, y, { steps: 8 });
    await this.page.mouse.up();
    await this.page.mouse.move(x + by + 300, y); // off the sash, so it is not drawn highlighted
  }

  /** A row of a tree view, by its label. */
  treeRow(label: string): Locator {
    return this.page
      .locator('.monaco-list-row', { has: this.page.locator('.label-name', { hasText: new RegExp(`^${escapeRegExp(label)}$`) }) })
      .first();
  }

  async expand(label: string): Promise<void> {
    const row = this.treeRow(label);
    await row.waitFor({ state: 'visible', timeout: 30_000 });
    // The twistie: clicking a resource's label opens its document instead.
    if ((await row.getAttribute('aria-expanded')) !== 'true') await row.locator('.monaco-tl-twistie').click();
    const deadline = Date.now() + 15_000;
    while ((await row.getAttribute('aria-expanded')) !== 'true') {
      if (Date.now() > deadline) throw new Error(`"${label}" did not expand`);
      await this.page.waitForTimeout(100);
    }
  }

  async collapse(label: string): Promise<void> {
    const row = this.treeRow(label);
    if ((await row.getAttribute('aria-expanded')) === 'true') await row.locator('.monaco-tl-twistie').click();
  }

  /** Switches the color theme through the palette, as a user does ("Light Modern", "Dark Modern"…). */
  async setTheme(theme: string): Promise<void> {
    const quickInput = this.page.locator('.quick-input-widget');
    const exactRow = (label: string) =>
      quickInput.locator('.monaco-list-row', { has: this.page.locator('.label-name', { hasText: new RegExp(`^${label}$`) }) }).first();
    await this.page.keyboard.press('F1');
    await quickInput.locator('input').fill('>Preferences: Color Theme');
    await exactRow('Preferences: Color Theme').click();
    await quickInput.locator('input').fill(theme);
    await exactRow(theme).click();
    await quickInput.waitFor({ state: 'hidden' });
  }

  async screenshot(name: string, alsoFor?: string): Promise<string> {
    const dir = path.join(ROOT, 'test-results');
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `${name}.png`);
    await this.page.screenshot({ path: file });
    // The README's copy only when asked (UPDATE_SCREENSHOTS=1): a test run leaves the checkout as it was.
    if (alsoFor && process.env.UPDATE_SCREENSHOTS === '1') {
      fs.mkdirSync(path.dirname(path.join(ROOT, alsoFor)), { recursive: true });
      fs.copyFileSync(file, path.join(ROOT, alsoFor));
    }
    return file;
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
