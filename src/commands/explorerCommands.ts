/** Explorer commands: refresh a node, load the next page, find a loaded resource, show the log. */
import vscode = require('vscode');
import { ExplorerNode } from '../explorer/explorerNode';
import { PagedNode } from '../explorer/nodes/pagedNode';
import { defineCommand } from './command';
import { displayText } from '../util/displayText';

/** The row it was run on, or the whole tree (from the palette or the view's title). */
export const refreshCommand = defineCommand({
  id: 'integratorIo.refresh',
  target: (_services, arg) => ({ node: arg instanceof ExplorerNode ? arg : undefined }),
  failure: () => 'Could not refresh the integrator.io explorer',
  run(services, { node }) {
    services.explorer.refresh(node);
  },
});

export const loadMoreCommand = defineCommand({
  id: 'integratorIo.loadMore',
  target: (_services, arg) => (arg instanceof PagedNode ? arg : undefined),
  failure: () => 'Could not load more rows',
  async run(_services, node) {
    await node.loadMore();
  },
});

/**
 * A quick pick over every resource loaded in the tree (by name or id) that reveals the chosen
 * node. `{ query }` picks the first match without asking (for keybindings and tests).
 */
/** A search the extension's API made (tests): a class instance, which a link cannot pass. */
export class ChosenSearch {
  constructor(readonly query: string) {}
}

export const findResourceCommand = defineCommand({
  id: 'integratorIo.findResource',
  // From the palette or the view it asks; only the extension's API can pass the query.
  target: (_services, arg) => ({ query: arg instanceof ChosenSearch ? arg.query : undefined }),
  failure: () => 'Could not search the integrator.io explorer',
  async run(services, { query }) {
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
});

export const showLogCommand = defineCommand({
  id: 'integratorIo.showLog',
  target: () => ({}),
  failure: () => 'Could not show the integrator.io log',
  run(services) {
    services.log.show();
  },
});
