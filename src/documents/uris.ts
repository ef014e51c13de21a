/**
 * Resource identity lives in the document URI, built and parsed only here:
 *
 *   integrator-io://<environment id>/<environment name>/<kind>/<resource id>/<name>.<singular>.json
 *   integrator-io://env-1a2b/Dev account/exports/55e1…/Orders to NetSuite.export.json
 *   integrator-io://env-1a2b/Dev account/scripts/5f0…/Skip Test Orders.js
 *
 * The environment name makes the environment visible in breadcrumbs and the tab's tooltip;
 * the file name gives the tab its title and lets `jsonValidation` attach a schema by pattern.
 * The authority (environment id), kind and id are what identify the resource.
 */
import * as vscode from 'vscode';
import { EnvironmentInfo } from '../environments/environment';
import { RESOURCE_KINDS, ResourceKind } from '../model/resourceKinds';

export const RESOURCE_SCHEME = 'integrator-io';
/** Read-only copies of the server's version, for diffs. */
export const REMOTE_SCHEME = 'integrator-io-remote';
/** Ids of drafts made by "New …", not yet created on the server. */
export const DRAFT_PREFIX = 'new-';

export interface ResourceRef {
  envId: string;
  kind: ResourceKind;
  id: string;
}

/** The file-name suffix of a kind: `.export.json`, `.flow.json`, `.js` for scripts. */
export function suffixFor(kind: ResourceKind): string {
  if (kind === 'scripts') return '.js';
  return `.${RESOURCE_KINDS[kind].singular.replace(' ', '')}.json`;
}

export function resourceUri(
  env: EnvironmentInfo,
  kind: ResourceKind,
  id: string,
  name: string | undefined,
  scheme = RESOURCE_SCHEME,
): vscode.Uri {
  const file = `${safeSegment(name || id)}${suffixFor(kind)}`;
  return vscode.Uri.from({ scheme, authority: env.id, path: `/${safeSegment(env.name)}/${kind}/${id}/${file}` });
}

export function parseResourceUri(uri: vscode.Uri): ResourceRef | undefined {
  if (uri.scheme !== RESOURCE_SCHEME && uri.scheme !== REMOTE_SCHEME) return undefined;
  const parts = uri.path.split('/').filter(Boolean);
  if (parts.length !== 4) return undefined;
  const [, kind, id] = parts as [string, string, string, string];
  if (!Object.hasOwn(RESOURCE_KINDS, kind) || !id) return undefined;
  return { envId: uri.authority, kind: kind as ResourceKind, id };
}

export function isDraft(ref: ResourceRef): boolean {
  return ref.id.startsWith(DRAFT_PREFIX);
}

/** The same resource's URI in another scheme (the remote copy for a diff). */
export function withScheme(uri: vscode.Uri, scheme: string): vscode.Uri {
  return uri.with({ scheme });
}

/** Names may hold any character; a path segment may not hold `/` (or `\`, for Windows). */
function safeSegment(text: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what must go
  const printable = text.replace(/[\u0000-\u001f]/g, ' ');
  return printable.replace(/[/\\]/g, '∕').trim() || '_';
}
