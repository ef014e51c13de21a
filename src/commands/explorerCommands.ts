/** Explorer commands: refresh a node, load the next page, find a loaded resource, show the log. */
import * as vscode from 'vscode';
import { ExplorerNode } from '../explorer/explorerNode';
import { PagedNode } from '../explorer/nodes/pagedNode';
import { CommandDefinition } from './services';
import { displayText } from '../util/displayText';

export const refreshCommand: CommandDefinition = {
  id: 'integratorIo.refresh',
  run(services, node?: unknown) {
    services.explorer.refresh(node instanceof ExplorerNode ? node : undefined);
  },
};

export const loadMoreCommand: CommandDefinition = {
  id: 'integratorIo.loadMore',
  async run(_services, node?: unknown) {
    if (node instanceof PagedNode) await node.loadMore();
  },
};

/**
 * A quick pick over every resource loaded in the tree (by name or id) that reveals the chosen
 * node. `{ query }` picks the first match without asking (for keybindings and tests).
 */
export const findResourceCommand: CommandDefinition = {
  id: 'integratorIo.findResource',
  async run(services, arg?: unknown) {
    const nodes = services.explorer.loadedResources();
    if (nodes.length === 0) {
      void services.notify.info('Nothing is loaded yet: expand an environment’s categories in the integrator.io explorer, then search.');
      return undefined;
    }
    const items = nodes.map((node) => {
      const { label, description, detail } = node.searchText!;
      return { label: displayText(label), description: displayText(description), detail, node, name: label };
    });
    let picked: (typeof items)[number] | undefined;
    const query = (arg as { query?: string } | undefined)?.query;
    if (query !== undefined) {
      const q = query.toLowerCase();
      picked = items.find((i) => i.name.toLowerCase().includes(q) || i.detail === query);
    } else {
      picked = await vscode.window.showQuickPick(items, {
        title: 'Find integrator.io Resource',
        placeHolder: `Search ${items.length} loaded resources by name or id`,
        matchOnDescription: true,
        matchOnDetail: true,
      });
    }
    if (!picked) return undefined;
    await services.treeView.reveal(picked.node, { select: true, focus: true });
    return picked.node.id;
  },
};

export const showLogCommand: CommandDefinition = {
  id: 'integratorIo.showLog',
  run(services) {
    services.log.show();
  },
};
