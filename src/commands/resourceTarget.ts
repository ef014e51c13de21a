/** Works out which resource a command acts on: a tree node, a resource document, or `{ envId, kind, id }`. */
import * as vscode from 'vscode';
import { EnvironmentInfo } from '../environments/environment';
import { parseResourceUri } from '../documents/resourceUri';
import { IntegrationNode, ResourceNode, StepNode } from '../explorer/nodes/resourceNodes';
import { ResourceKind } from '../model/resourceKinds';
import { Services } from './services';

export interface ResourceTarget {
  env: EnvironmentInfo;
  kind: ResourceKind;
  id: string;
  name: string | undefined;
}

export function resourceTarget(services: Services, arg: unknown): ResourceTarget | undefined {
  if (arg instanceof ResourceNode || arg instanceof IntegrationNode) {
    return { env: arg.env, kind: arg.kind, id: arg.resource._id, name: arg.resource.name };
  }
  if (arg instanceof StepNode) return { env: arg.env, kind: arg.kind, id: arg.resourceId, name: arg.name };
  const uri = arg instanceof vscode.Uri ? arg : arg === undefined ? vscode.window.activeTextEditor?.document.uri : undefined;
  if (uri) {
    const ref = parseResourceUri(uri);
    const env = ref && services.environments.get(ref.envId);
    return ref && env
      ? {
          env,
          kind: ref.kind,
          id: ref.id,
          name: uri.path
            .split('/')
            .pop()
            ?.replace(/\.[^.]+\.json$|\.js$/, ''),
        }
      : undefined;
  }
  if (arg && typeof arg === 'object' && 'envId' in arg && 'kind' in arg && 'id' in arg) {
    const { envId, kind, id, name } = arg as { envId: string; kind: ResourceKind; id: string; name?: string };
    const env = services.environments.get(envId);
    return env ? { env, kind, id, name } : undefined;
  }
  return undefined;
}
