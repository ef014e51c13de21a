/**
 * What a person sees when an agent in VS Code's chat calls the integrator.io tools. No real model
 * runs here: a test-only extension (test/vscode/chat-model-extension) registers a scripted model,
 * picked in agent mode, that calls integratorFlow (read) and then integratorRunFlow (acting) on
 * the flow the prompt names. The chat's agent mode needs no sign-in with anonymous access on.
 * The read tool's call shows and its result reaches the model; the run's question in the chat
 * names the flow and the environment, a hostile flow name is no link anywhere and reads as typed
 * in the message, and Skip sends no run.
 */
import * as assert from 'assert';
import * as path from 'path';
import { startSandbox } from '../../../src/sandbox';
import { ROOT } from '../codeServer';
import { UiTest } from './uiTest';
import { Workbench } from './workbench';

const TOKEN = 'ui-agent-chat-token-5e2b8c1d7f';
const FLOW = 'Salesforce Opportunities to Snowflake';
/** A flow name written to talk a chat into a link that quits VS Code, and into bold text. */
const HOSTILE_NAME = 'Opportunities [Approve](command:workbench.action.quit) **bold**';

export const agentChatUiTest: UiTest = {
  name: 'agent chat: a scripted model calls the tools; the run question names flow and environment, Skip runs nothing',
  extraExtensions: [path.join(ROOT, 'test/vscode/chat-model-extension')],
  settings: {
    'chat.disableAIFeatures': false,
    // Agent mode without a GitHub sign-in (nothing here can sign in); the model is the scripted one.
    'chat.allowAnonymousAccess': true,
    'workbench.secondarySideBar.defaultVisibility': 'visible',
  },
  async run(wb) {
    const { page } = wb;
    const sandbox = await startSandbox({ token: TOKEN, seed: 'demo' });
    try {
      const store = sandbox.services.store;
      const flow = store.list('flows').find((f) => f.name === FLOW)!;
      store.replace('flows', { ...flow, name: HOSTILE_NAME });
      const jobsOfFlow = () => store.data.jobs.filter((j) => j._flowId === flow._id).length;
      const jobsBefore = jobsOfFlow();

      await wb.openViewContainer('integrator.io');
      await wb.addEnvironment({ baseUrl: sandbox.baseUrl, name: 'Demo Sandbox', token: TOKEN, production: false });
      await wb.treeRow('Demo Sandbox').waitFor({ timeout: 30_000 });

      const chat = page.locator('.interactive-session').first();
      // The scripted model is the one the picker offers, in agent mode.
      await chat.locator('.interactive-input-part', { hasText: 'Scripted Agent' }).waitFor({ timeout: 30_000 });
      await widenChat(wb);
      await chat.locator('.interactive-input-part .native-edit-context').first().click({ force: true });
      await page.keyboard.type(`Run the flow ${flow._id}`);
      await page.keyboard.press('Enter');

      // (1) The read tool's call shows, and its result reaches the model (which counts the steps).
      const response = chat.locator('.interactive-response').last();
      await response.getByText('Overview of an integrator.io flow (integrator.io)').first().waitFor({ timeout: 60_000 });
      await response.getByText('The flow has 6 steps and 2 open errors in "Demo Sandbox". Now running it.').waitFor({ timeout: 60_000 });

      // (2) The run's question, above the chat's input: flow and environment named, the name as text.
      const question = chat.locator('.chat-tool-confirmation-carousel .chat-confirmation-widget2').first();
      await question.waitFor({ timeout: 30_000 });
      const title = readable(await question.locator('.chat-confirmation-widget-title').innerText());
      const message = readable(await question.locator('.chat-confirmation-widget-message').innerText());
      // The title holds no account text: the chat shows it as Markdown here, stripped of Markdown
      // when the question is collapsed, raw in the sessions list. The message asks in full.
      assert.strictEqual(title, 'Run an integrator.io flow in the environment "Demo Sandbox"?');
      const collapsed = chat.locator('.chat-tool-carousel-collapsed-title');
      // (It cuts the title itself, with "…", to its width.)
      if (await collapsed.count()) {
        const shown = readable(await collapsed.first().innerText()).replace(/\s*…$/, '');
        assert.ok(shown.length > 10 && title.startsWith(shown), `the collapsed question reads "${shown}"`);
      }
      assert.ok(
        message.includes(
          'run the flow "Opportunities [Approve](command:workbench.action.quit) **bold**" in the environment "Demo Sandbox"',
        ),
        `the message shows the name as it is: ${message}`,
      );
      assert.strictEqual(await question.locator('a[href*="command:"], a[data-href*="command:"]').count(), 0, 'no command link');
      assert.strictEqual(await question.locator('a', { hasText: 'Approve' }).count(), 0, '"Approve" is no link');
      assert.strictEqual(
        await question.locator(':is(.chat-confirmation-widget-title, .chat-confirmation-widget-message) :is(strong, em, b)').count(),
        0,
        'no emphasis in the title or the message',
      );
      await clearNotifications(wb);
      await hideSessions(wb);
      // The chat's own offer to set up utility models covers part of the question.
      const offer = chat.getByRole('button', { name: 'Dismiss notification' });
      if (await offer.isVisible()) await offer.click();
      await wb.screenshot('agent-chat-confirmation', 'media/screenshots/agent-confirmation.png');

      // (3) Skip: the tool is not invoked, nothing is sent, the flow has no new job.
      await question.locator('.monaco-button', { hasText: /^Skip$/ }).click();
      await response.getByText('The flow was not run.').waitFor({ timeout: 60_000 });
      const runs = sandbox.services.requestLog.filter((r) => r.method !== 'GET');
      assert.deepStrictEqual(
        runs.map((r) => `${r.method} ${r.path}`),
        [],
        'no request that changes the account',
      );
      assert.strictEqual(jobsOfFlow(), jobsBefore, 'the flow has no new job');
      await wb.screenshot('agent-chat-skipped');
    } finally {
      await sandbox.close();
    }
  },
};

/** Text as read: the chat keeps the message's spaces as no-break spaces. */
function readable(text: string): string {
  return text.replace(/\u00a0/g, ' ').trim();
}

/** Drags the chat's edge to the left, as a person does, so its question reads in full. */
async function widenChat(wb: Workbench): Promise<void> {
  const box = await wb.page.locator('.part.auxiliarybar').boundingBox();
  if (!box) return;
  const x = box.x - 2;
  const y = box.y + box.height / 2;
  await wb.page.mouse.move(x, y);
  await wb.page.mouse.down();
  await wb.page.mouse.move(x - 380, y, { steps: 8 });
  await wb.page.mouse.up();
}

/** A wide chat lists its sessions beside the conversation once there is one; the conversation gets the room. */
async function hideSessions(wb: Workbench): Promise<void> {
  const hide = wb.page.getByRole('button', { name: 'Hide Agent Sessions Sidebar' });
  await hide.waitFor({ timeout: 10_000 });
  await hide.click();
  await hide.waitFor({ state: 'hidden' });
}

async function clearNotifications(wb: Workbench): Promise<void> {
  await wb.runCommand('Notifications: Clear All Notifications');
  await wb.page.locator('.notifications-toasts .notification-toast').first().waitFor({ state: 'detached' });
}
