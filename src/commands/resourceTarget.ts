/**
 * Works out which resource a command acts on: only what the user chose. A tree row, the
 * document in an editor the user sees, or a `ChosenResource` that the extension's API built
 * (for tests and scripts). Plain `{ envId, kind, id }` objects are not accepted: any command link
 * can pass those, and `vscode.Uri`s too, which is why a URI counts only when it is open in front
 * of the user.
 */
import vscode = require('vscode');
import { EnvironmentInfo } from '../environments/environment';
import { parseResourceUri, resourceNameOf, resourceUri, sameResource } from '../identity';
import { IntegrationNode, ResourceNode, StepNode } from '../explorer/nodes/resourceNodes';
import { ResourceKind } from '../model/resourceKinds';
import { Services } from './services';

export interface ResourceTarget {
  env: EnvironmentInfo;
  kind: ResourceKind;
  id: string;
  name: string | undefined;
}

/** A resource named by id through the extension's API; a class instance, which a link cannot pass. */
export class ChosenResource {
  constructor(
    readonly envId: string,
    readonly kind: ResourceKind,
    readonly id: string,
    readonly name?: string,
  ) {}
}

/** Extra arguments (sample records, pages, no prompt) are read only with a target from the API. */
export function fromApi(arg: unknown): boolean {
  return arg instanceof ChosenResource;
}

export function resourceTarget(services: Services, arg: unknown): ResourceTarget | undefined {
  if (arg instanceof ResourceNode || arg instanceof IntegrationNode) {
    return { env: arg.env, kind: arg.kind, id: arg.resource._id, name: arg.resource.name };
  }
  if (arg instanceof StepNode) return { env: arg.env, kind: arg.kind, id: arg.resourceId, name: arg.name };
  const uri =
    arg instanceof vscode.Uri
      ? isInFrontOfUser(arg)
        ? arg
        : undefined
      : arg === undefined
        ? vscode.window.activeTextEditor?.document.uri
        : undefined;
  if (uri) {
    const ref = parseResourceUri(uri);
    const env = ref && services.environments.get(ref.envId);
    return ref && env
      ? {
          env,
          kind: ref.kind,
          id: ref.id,
          name: resourceNameOf(uri),
        }
      : undefined;
  }
  if (arg instanceof ChosenResource) {
    const env = services.environments.get(arg.envId);
    return env ? { env, kind: arg.kind, id: arg.id, name: arg.name } : undefined;
  }
  return undefined;
}

/** A document open in an editor the user sees (editor title buttons pass their editor's URI). */
export function isInFrontOfUser(uri: vscode.Uri): boolean {
  return vscode.window.visibleTextEditors.some((editor) => editor.document.uri.toString() === uri.toString());
}

/** The resource's document: the open one (with unsaved edits), or loaded without showing it. */
export async function documentOf(target: ResourceTarget): Promise<vscode.TextDocument> {
  const uri = resourceUri(target.env, target.kind, target.id, target.name);
  const open = vscode.workspace.textDocuments.find((d) => sameResource(d.uri, uri));
  return open ?? vscode.workspace.openTextDocument(uri);
}
