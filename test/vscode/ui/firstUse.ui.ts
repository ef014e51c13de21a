/**
 * A window opened later with an environment in place, while the user is elsewhere (the file Explorer):
 * activation loads nothing past its registrations, yet the palette already offers the commands
 * that need an environment (their menus read a context key activation sets), and the first use,
 * opening the view, loads the rest.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { waitFor } from '../../support/waitFor';
import { UiTest } from './uiTest';

let userDataDir = '';

/** Why the rest of the extension was loaded in this profile, one entry per load ("Loaded for <reason>"). */
function loadReasons(): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === 'integrator.io.log') found.push(full);
    }
  };
  const logs = path.join(userDataDir, 'logs');
  if (fs.existsSync(logs)) walk(logs);
  return found.flatMap((file) => fs.readFileSync(file, 'utf8').match(/Loaded for [^\n]*/g) ?? []);
}

const loads = () => loadReasons().length;

export const firstUseUiTest: UiTest = {
  name: 'first use: a later window loads nothing more until used, and the palette already offers New Resource',
  prepare(dir) {
    userDataDir = dir;
  },
  async run(wb) {
    const { page } = wb;
    await wb.openViewContainer('integrator.io');
    await wb.runCommand('integrator.io: Start Local Sandbox');
    await wb.treeRow('Local Sandbox').waitFor({ timeout: 30_000 });
    await waitFor(() => loads() === 1, 'the first window to log its one load');

    // A window opened later on another folder, as a user switching projects does: a new folder's window
    // shows the file Explorer, while the environment list (global state) comes along. The browser stores
    // state when idle, with only a best-effort write on unload, so wait until the list is stored.
    await waitFor(
      async () => (await wb.storedState('integrator-io-community.integrator-io')).some((v) => v.includes('Local Sandbox')),
      "the window to store the extension's environment list",
      30_000,
    );
    const anotherProject = path.join(path.dirname(userDataDir), 'another-project');
    fs.mkdirSync(anotherProject, { recursive: true });
    const url = new URL(page.url());
    url.searchParams.set('folder', anotherProject);
    await page.goto(url.toString());
    await page.locator('.monaco-workbench .part.activitybar').waitFor({ timeout: 90_000 });
    await page.locator('.part.sidebar .title-label', { hasText: /^Explorer$/i }).waitFor({ timeout: 30_000 });
    // The palette offers New Resource once activation has set the context key (activation runs at startup).
    const input = page.locator('.quick-input-widget input');
    await waitFor(
      async () => {
        await page.keyboard.press('F1');
        // Right after the window opens the palette may not open yet: try again.
        const opened = await input.waitFor({ state: 'visible', timeout: 2000 }).then(
          () => true,
          () => false,
        );
        if (!opened) return false;
        await input.fill('>integrator.io: New Resource');
        const offered = await page
          .locator('.quick-input-widget .monaco-list-row', { hasText: 'New Resource' })
          .first()
          .isVisible()
          .catch(() => false);
        await page.keyboard.press('Escape');
        return offered;
      },
      'the palette to offer New Resource in the later window',
      30_000,
    );
    assert.deepStrictEqual(
      loadReasons().length,
      1,
      `nothing past activation was loaded, the user has not used the extension yet; loads: ${loadReasons().join('; ')}`,
    );

    await wb.openViewContainer('integrator.io');
    await wb.treeRow('Local Sandbox').waitFor({ timeout: 30_000 });
    await waitFor(() => loads() === 2, 'opening the view, the first use, to load the rest');
  },
};
