/**
 * Account text in the workbench's own surfaces, as a person sees it: a connection whose name
 * carries a command link and an icon is pinged, and the notification shows the name as text:
 * no link to click, no icon, and clicking where the link would be opens no settings. Its row
 * in the tree and its quick-pick entry show it as text too.
 */
import * as assert from 'assert';
import { writeSandboxAccount } from './sandboxAccount';
import { UiTest } from './uiTest';

const HOSTILE = 'Temp [Open settings](command:workbench.action.openSettings) $(alert)';

export const hostileNotificationsUiTest: UiTest = {
  name: 'hostile names in notifications and the tree stay text: no link, no command, no icon',
  prepare(userDataDir) {
    writeSandboxAccount(userDataDir, (account) => {
      account.resources.connections.find((c) => c.name === 'Bank SFTP')!.name = HOSTILE;
    });
  },
  async run(wb) {
    const { page } = wb;
    await wb.openViewContainer('integrator.io');
    await wb.runCommand('integrator.io: Start Local Sandbox');
    await wb.expand('Connections');
    await wb.contextMenu(HOSTILE, 'Ping Connection');
    const toast = page.locator('.notifications-toasts .notification-toast', { hasText: 'Open settings' }).first();
    await toast.waitFor({ timeout: 30_000 });
    const message = toast.locator('.notification-list-item-message');
    assert.strictEqual(await message.locator('a').count(), 0, 'no link in the notification');
    assert.strictEqual(await message.locator('.codicon').count(), 0, 'no icon made from $(alert)');
    assert.match(await message.innerText(), /\[Open settings\]/, 'the name reads as it is');
    await wb.screenshot('hostile-notification');
    await message.click();
    assert.strictEqual(await page.locator('.settings-editor').count(), 0, 'no settings editor was opened');
  },
};
