/** Ping a saved connection, or test the connection document in the editor without saving it. */
import vscode = require('vscode');
import { PingResult } from '../api';
import { parseResourceText, UnsaveableDocumentError } from '../documents/documentText';
import { parseResourceUri } from '../identity';
import { booleanOption, defineCommand, quoted, resourceOf } from './command';
import { Services } from './services';
import { ChosenResource } from './resourceTarget';
import { displayText } from '../util/displayText';

/** "Ping Connection": healthy, or the API's reason (also when the API reports it inside a 200). */
export const pingConnectionCommand = defineCommand({
  id: 'integratorIo.pingConnection',
  target: resourceOf('connections'),
  needs: 'Pick a connection in the integrator.io explorer to ping it.',
  failure: (target) => `Could not ping ${quoted(target)}`,
  async run(services, target) {
    const label = quoted(target);
    const client = await services.environments.client(target.env);
    const { result, connection } = await services.explorer.busyWhile(target.id, 'pinging…', () =>
      vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: displayText(`Pinging ${label}…`) }, async () => {
        const result = await client.connectionActions.ping(target.id);
        // The ping updates the connection's offline flag, shown on its rows; the ping's answer stands if that read fails.
        return { result, connection: await client.connections.get(target.id).catch(() => undefined) };
      }),
    );
    report(services, label, result, () =>
      vscode.commands.executeCommand('integratorIo.openResource', new ChosenResource(target.env.id, 'connections', target.id, target.name)),
    );
    services.log.info(`${target.env.name}: ping of ${label}: ${result.ok ? 'healthy' : `failed (${result.code}): ${result.message}`}`);
    if (connection) services.explorer.resourceChanged(target.env.id, 'connections', connection, false);
    return result;
  },
});

/** "Test Connection Document": pings the connection in the active editor as it stands, unsaved edits included. */
export const testConnectionDocumentCommand = defineCommand({
  id: 'integratorIo.testConnectionDocument',
  async target(services, arg) {
    const document = arg instanceof vscode.Uri ? await vscode.workspace.openTextDocument(arg) : vscode.window.activeTextEditor?.document;
    const ref = document && parseResourceUri(document.uri);
    const env = ref && services.environments.get(ref.envId);
    return document && ref?.kind === 'connections' && env ? { document, env } : undefined;
  },
  needs: 'Open a connection document to test it.',
  failure: () => 'Could not test the connection',
  async run(services, { document, env }) {
    let body: ReturnType<typeof parseResourceText>;
    try {
      body = parseResourceText(document.getText());
    } catch (err) {
      throw err instanceof UnsaveableDocumentError ? new Error(err.message.replace(/^Not saved: /, '')) : err;
    }
    const client = await services.environments.client(env);
    const result = await client.connectionActions.pingVirtual(body);
    report(services, `"${typeof body.name === 'string' ? body.name : 'this connection'}" (as edited)`, result);
    return result;
  },
});

/** Says how a ping went; a failed one from the tree offers to open the connection, where it is fixed. */
function report(services: Services, label: string, result: PingResult, open?: () => Thenable<unknown>): void {
  if (result.ok) {
    void services.notify.info(`Connection ${label} is healthy.`);
    return;
  }
  const message = `Connection ${label} failed: ${result.message}${/^\d+$/.test(result.code) ? ` (${result.code})` : ''}`;
  const action = 'Open Connection';
  void services.notify.error(message, ...(open ? [action] : [])).then((answer) => answer === action && open?.());
}

/** Debug logging stays on for an hour once turned on; the API requires `debugDate` in the future. */
const DEBUG_WINDOW_MS = 60 * 60_000;

/**
 * "Show Debug Log": the connection's debug log (`/connections/:id/debug`) in a read-only editor.
 * When debug logging is off, offers to turn it on for an hour first (PATCH `debugDate`).
 * Options: `{ enable: true }` turns it on without asking (scripts and tests).
 */
export const showDebugLogCommand = defineCommand({
  id: 'integratorIo.showDebugLog',
  target: resourceOf('connections'),
  needs: 'Pick a connection to see its debug log.',
  options: (raw) => ({ enable: booleanOption(raw, 'enable') }),
  failure: (target) => `Could not read the debug log of ${quoted(target)}`,
  async run(services, target, options) {
    const label = quoted(target);
    const client = await services.environments.client(target.env);
    const connection = await services.explorer.busyWhile(target.id, 'reading…', () => client.connections.get(target.id));
    const on = typeof connection.debugDate === 'string' && Date.parse(connection.debugDate) > Date.now();
    if (!on) {
      const enable =
        options.enable ??
        (await services.notify.info(`Debug logging is off for ${label}. Turn it on for one hour?`, 'Turn On', 'Show Log Anyway')) ===
          'Turn On';
      if (enable) {
        await services.explorer.busyWhile(target.id, 'turning on debug logging…', () =>
          client.connections.patch(target.id, [
            { op: 'replace', path: '/debugDate', value: new Date(Date.now() + DEBUG_WINDOW_MS).toISOString() },
          ]),
        );
        services.log.info(`${target.env.name}: debug logging on for ${label} for one hour.`);
      }
    }
    const text = await services.explorer.busyWhile(target.id, 'reading the debug log…', () => client.connectionActions.debugLog(target.id));
    const document = await vscode.workspace.openTextDocument({
      language: 'log',
      content: text || `No debug log lines yet for ${label}. Use the connection (ping it, run a flow), then run "Show Debug Log" again.\n`,
    });
    await vscode.window.showTextDocument(document, { preview: true });
    return text;
  },
});
