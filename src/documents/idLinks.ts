/**
 * References between resources inside a resource document: hovering a `_connectionId`,
 * `_exportId`, `_importId`, `_scriptId`, `_integrationId` or `_flowId` value shows the resource's
 * name and kind, and Ctrl+click (Go to Definition) opens it, in the same environment. Names are
 * read once per resource and kept for a minute; the hover shows them as text, never markup.
 */
import vscode = require('vscode');
import { getLocation } from 'jsonc-parser';
import { IntegratorApiError } from '../api';
import { EnvironmentStore } from '../environments/environmentStore';
import { RESOURCE_KINDS, ResourceKind } from '../model/resourceKinds';
import { describeError } from '../util/errors';
import { parseResourceUri, resourceUri } from '../identity';

const KIND_OF_KEY: Readonly<Record<string, ResourceKind>> = {
  _connectionId: 'connections',
  _exportId: 'exports',
  _importId: 'imports',
  _scriptId: 'scripts',
  _integrationId: 'integrations',
  _flowId: 'flows',
};

const NAME_TTL_MS = 60_000;

interface Reference {
  envId: string;
  kind: ResourceKind;
  id: string;
  range: vscode.Range;
}

export class IdLinks implements vscode.HoverProvider, vscode.DefinitionProvider {
  private readonly names = new Map<string, { name: Promise<string | undefined>; at: number }>();

  constructor(private readonly environments: EnvironmentStore) {}

  async provideHover(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.Hover | undefined> {
    const ref = referenceAt(document, position);
    if (!ref) return undefined;
    const info = RESOURCE_KINDS[ref.kind];
    const md = new vscode.MarkdownString();
    try {
      const name = await this.nameOf(ref);
      if (name === undefined) md.appendText(`No ${info.singular} ${ref.id} in this environment.`);
      else md.appendMarkdown('**').appendText(name).appendMarkdown('**  \n').appendText(`${info.singular} · Ctrl+click to open`);
    } catch (err) {
      md.appendText(`${info.singular} ${ref.id} (its name could not be read: ${describeError(err)})`);
    }
    return new vscode.Hover(md, ref.range);
  }

  async provideDefinition(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.Location | undefined> {
    const ref = referenceAt(document, position);
    const env = ref && this.environments.get(ref.envId);
    if (!ref || !env) return undefined;
    const name = await this.nameOf(ref).catch(() => undefined);
    if (name === undefined) return undefined;
    return new vscode.Location(resourceUri(env, ref.kind, ref.id, name), new vscode.Position(0, 0));
  }

  /** The referenced resource's name; undefined when it does not exist. */
  private nameOf(ref: Reference): Promise<string | undefined> {
    const key = `${ref.envId}/${ref.kind}/${ref.id}`;
    const cached = this.names.get(key);
    if (cached && Date.now() - cached.at < NAME_TTL_MS) return cached.name;
    const env = this.environments.get(ref.envId);
    const name = (async () => {
      if (!env) return undefined;
      const client = await this.environments.client(env);
      try {
        const resource = await RESOURCE_KINDS[ref.kind].collection(client).get(ref.id);
        return typeof resource.name === 'string' && resource.name ? resource.name : resource._id;
      } catch (err) {
        if (err instanceof IntegratorApiError && err.isNotFound) return undefined;
        throw err;
      }
    })();
    this.names.set(key, { name, at: Date.now() });
    name.catch(() => this.names.delete(key)); // a failure is asked again next time
    return name;
  }
}

/** The id reference under the cursor: a 24-hex string value of one of the id keys. */
function referenceAt(document: vscode.TextDocument, position: vscode.Position): Reference | undefined {
  const docRef = parseResourceUri(document.uri);
  if (!docRef) return undefined;
  const offset = document.offsetAt(position);
  const location = getLocation(document.getText(), offset);
  const node = location.previousNode;
  const key = location.path[location.path.length - 1];
  if (!node || node.type !== 'string' || location.isAtPropertyKey || typeof key !== 'string') return undefined;
  const kind = KIND_OF_KEY[key];
  const id: unknown = node.value;
  if (!kind || typeof id !== 'string' || !/^[0-9a-f]{24}$/.test(id)) return undefined;
  const range = new vscode.Range(document.positionAt(node.offset), document.positionAt(node.offset + node.length));
  return { envId: docRef.envId, kind, id, range };
}
