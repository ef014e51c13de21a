/**
 * The `when`-clause context keys the extension sets, in one place: package.json's menus, welcome
 * view and keybindings read them, and `npm run check:manifest` checks that every key they read is
 * one of these. Set only through `setContextKey`.
 */
import vscode = require('vscode');

export const CONTEXT_KEYS = {
  /** At least one environment is added (the palette shows Sign In, Find Resource…). */
  hasEnvironments: 'integratorIo.hasEnvironments',
  /** The workspace has a pulled folder (the Source Control commands show). */
  hasPulledFolders: 'integratorIo.hasPulledFolders',
  /** The document in front belongs to a production environment (its save asks first). */
  productionDocumentFocused: 'integratorIo.productionDocumentFocused',
} as const;

export type ContextKey = keyof typeof CONTEXT_KEYS;

export function setContextKey(key: ContextKey, value: unknown): Thenable<unknown> {
  return vscode.commands.executeCommand('setContext', CONTEXT_KEYS[key], value);
}
