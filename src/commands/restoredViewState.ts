/**
 * What a view restored after a reload may reopen, read from the state its page kept. That state
 * went through the webview and is stored with the window's tabs, so it is read like any message:
 * only a command that opens a view and changes nothing, on a target of the right shape, and only
 * when the key it carries is the key that command builds for that target (a state naming one key
 * and another target is no view this extension saved). Plain TypeScript, tested in Node.
 */
import { isJsonObject } from '../api/types';
import { viewKey } from '../identity/viewKeys';
import { isResourceKind } from '../model/resourceKinds';
import type { Reopen } from '../webviews/statefulPanel';

/** The commands a restored view may run (each opens a view and changes nothing in the account), and the key each builds for its target. */
const KEY_OF_TARGET: Readonly<Record<string, (reopen: Reopen) => string | undefined>> = {
  'integratorIo.showRecentJobs': (r) => viewKey('jobs', r.envId, r.id),
  'integratorIo.showErrors': (r) => r.flowId && viewKey('errors', r.envId, r.flowId, r.id),
  'integratorIo.previewMapping': (r) => viewKey('mapping', r.envId, r.id),
  'integratorIo.previewExport': (r) => viewKey('export', r.envId, r.id),
  'integratorIo.showAuditHistory': (r) => r.kind && viewKey('audit', r.envId, r.kind, r.id),
  'integratorIo.showFlowDiagram': (r) => viewKey('diagram', r.envId, r.id),
};

/** The key the view's command builds for the target a `Reopen` names; undefined for a command no restored view may run. */
export function keyOfReopenTarget(reopen: Reopen): string | undefined {
  return Object.hasOwn(KEY_OF_TARGET, reopen.command) ? KEY_OF_TARGET[reopen.command]?.(reopen) : undefined;
}

/** The page's state, checked: what reopens it, or undefined for anything this extension did not save. */
export function readReopen(state: unknown): Reopen | undefined {
  const encoded = isJsonObject(state) ? state.reopen : undefined;
  if (typeof encoded !== 'string') return undefined;
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(encoded, 'base64').toString('utf8'));
  } catch {
    return undefined;
  }
  if (!isJsonObject(value)) return undefined;
  const text = (v: unknown) => (typeof v === 'string' && v.length > 0 && v.length < 2000 ? v : undefined);
  const [command, key, envId, id] = [text(value.command), text(value.key), text(value.envId), text(value.id)];
  if (!command || !Object.hasOwn(KEY_OF_TARGET, command) || !key || !envId || !id) return undefined;
  const kind = isResourceKind(value.kind) ? value.kind : undefined;
  if (command !== 'integratorIo.showErrors' && !kind) return undefined;
  if (command === 'integratorIo.showErrors' && !text(value.flowId)) return undefined;
  return { command, key, envId, id, ...(kind ? { kind } : {}), name: text(value.name), flowId: text(value.flowId) };
}
