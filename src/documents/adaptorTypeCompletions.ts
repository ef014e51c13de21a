/**
 * Suggests the adaptorType that fits the export's or import's connection first: the schema
 * offers every value, but only the document's `_connectionId` tells which one fits, and that
 * takes the connection's `type`. The JSON language's own suggestions stay below.
 */
import vscode = require('vscode');
import { getLocation, parseTree, findNodeAtLocation } from 'jsonc-parser';
import { EnvironmentStore } from '../environments/environmentStore';
import { adaptorTypesFor } from '../model/adaptorTypes';
import { parseResourceUri } from '../identity';

export class AdaptorTypeCompletions implements vscode.CompletionItemProvider {
  private readonly connectionTypes = new Map<string, Promise<{ type: string; name: string } | undefined>>();

  constructor(private readonly environments: EnvironmentStore) {}

  async provideCompletionItems(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.CompletionItem[] | undefined> {
    const ref = parseResourceUri(document.uri);
    if (!ref || (ref.kind !== 'exports' && ref.kind !== 'imports')) return undefined;
    const text = document.getText();
    const location = getLocation(text, document.offsetAt(position));
    if (location.isAtPropertyKey || location.path.length !== 1 || location.path[0] !== 'adaptorType') return undefined;
    const tree = parseTree(text);
    const connectionId: unknown = tree && findNodeAtLocation(tree, ['_connectionId'])?.value;
    if (typeof connectionId !== 'string') return undefined;
    const connection = await this.connectionOf(ref.envId, connectionId);
    if (!connection) return undefined;
    const node = location.previousNode;
    const range =
      node && node.type === 'string'
        ? new vscode.Range(document.positionAt(node.offset), document.positionAt(node.offset + node.length))
        : undefined;
    return adaptorTypesFor(connection.type, ref.kind).map((value, i) => {
      const item = new vscode.CompletionItem(`"${value}"`, vscode.CompletionItemKind.EnumMember);
      item.insertText = `"${value}"`;
      item.detail = `fits the connection "${connection.name}" (${connection.type})`;
      item.sortText = `!${i}`; // above the schema's list
      item.filterText = `"${value}"`;
      item.preselect = i === 0;
      if (range) item.range = range;
      return item;
    });
  }

  private connectionOf(envId: string, id: string): Promise<{ type: string; name: string } | undefined> {
    const key = `${envId}/${id}`;
    let found = this.connectionTypes.get(key);
    if (!found) {
      found = (async () => {
        const env = this.environments.get(envId);
        if (!env) return undefined;
        const connection = await (await this.environments.client(env)).connections.get(id);
        return typeof connection.type === 'string' ? { type: connection.type, name: connection.name ?? id } : undefined;
      })().catch(() => undefined);
      this.connectionTypes.set(key, found);
      // A connection's type rarely changes; forget it after a while all the same.
      setTimeout(() => this.connectionTypes.delete(key), 60_000);
    }
    return found;
  }
}
