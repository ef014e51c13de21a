/**
 * Where environments are kept (the extension's global state) and the context key that menus and
 * the welcome view read. Apart from environmentStore.ts so that activation can set the context key
 * before the rest of the extension is loaded: without it, the palette would hide New Resource,
 * Find Resource, Sign In and the rest until the first use.
 */
import vscode = require('vscode');
import { setContextKey } from '../util/contextKeys';

export const ENVIRONMENTS_KEY = 'integratorIo.environments';
export const ACTIVE_KEY = 'integratorIo.activeEnvironment';

/** Sets `integratorIo.hasEnvironments` from the stored list. */
export function setHasEnvironmentsContext(globalState: vscode.Memento): Thenable<unknown> {
  const environments = globalState.get<unknown[]>(ENVIRONMENTS_KEY, []);
  return setContextKey('hasEnvironments', environments.length > 0);
}
