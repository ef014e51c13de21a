/** Rows that are not resources: "Load more…", errors with a way out, empty lists. */
import vscode = require('vscode');
import { IntegratorApiError } from '../../api';
import { EnvironmentInfo, EnvironmentRef } from '../../environments/environment';
import { NotSignedInError } from '../../environments/environmentStore';
import { SandboxStoppedError } from '../../environments/localSandbox';
import { describeError } from '../../util/errors';
import { ExplorerContext, ExplorerNode } from '../explorerNode';

export class MessageNode extends ExplorerNode {
  constructor(
    idPart: string,
    parent: ExplorerNode | undefined,
    ctx: ExplorerContext,
    private readonly label: string,
    private readonly icon: vscode.ThemeIcon,
    private readonly options: { tooltip?: string; command?: vscode.Command; contextValue?: string } = {},
  ) {
    super(idPart, parent, ctx);
  }

  treeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.label, vscode.TreeItemCollapsibleState.None);
    item.iconPath = this.icon;
    item.tooltip = this.options.tooltip ?? this.label;
    item.contextValue = this.options.contextValue ?? 'message';
    if (this.options.command) item.command = this.options.command;
    return item;
  }
}

/** The node that loads the next page of its parent. */
export function loadMoreNode(parent: ExplorerNode & { loadMore(): Promise<void> }, ctx: ExplorerContext, loaded: number): MessageNode {
  return new MessageNode('load-more', parent, ctx, 'Load more…', new vscode.ThemeIcon('ellipsis'), {
    tooltip: `${loaded} loaded so far. Load the next page.`,
    command: { command: 'integratorIo.loadMore', title: 'Load more', arguments: [parent] },
    contextValue: 'loadMore',
  });
}

export function emptyNode(parent: ExplorerNode, ctx: ExplorerContext, what: string): MessageNode {
  return new MessageNode('empty', parent, ctx, `No ${what}`, new vscode.ThemeIcon('circle-slash'), { contextValue: 'empty' });
}

/**
 * An error in place of children, saying what went wrong and offering the way out: sign in
 * again for a refused token, retry for everything else. The error is also logged.
 */
export function errorNode(parent: ExplorerNode, ctx: ExplorerContext, env: EnvironmentInfo, err: unknown): MessageNode {
  const id = 'error';
  if (err instanceof NotSignedInError) {
    return new MessageNode(id, parent, ctx, 'Signed out: sign in…', new vscode.ThemeIcon('account'), {
      tooltip: `No token is stored for "${env.name}". Click to enter one.`,
      command: { command: 'integratorIo.signIn', title: 'Sign in', arguments: [new EnvironmentRef(env)] },
      contextValue: 'error;signIn',
    });
  }
  if (err instanceof SandboxStoppedError) {
    return new MessageNode(id, parent, ctx, 'Stopped: start the local sandbox…', new vscode.ThemeIcon('debug-start'), {
      tooltip: 'You stopped the local sandbox. Click to start it again (its data was kept).',
      command: { command: 'integratorIo.startLocalSandbox', title: 'Start Local Sandbox' },
      contextValue: 'error;startSandbox',
    });
  }
  const message = describeError(err);
  ctx.log.error(`${env.name}: loading ${parent.id.replace(/^[^/]+\//, '')} failed`, message);
  if (err instanceof IntegratorApiError && err.isUnauthorized) {
    return new MessageNode(id, parent, ctx, 'Token refused (401): sign in again…', new vscode.ThemeIcon('error'), {
      tooltip: `${message}\nClick to enter a new token for "${env.name}".`,
      command: { command: 'integratorIo.signIn', title: 'Sign in again', arguments: [new EnvironmentRef(env)] },
      contextValue: 'error;signIn',
    });
  }
  return new MessageNode(id, parent, ctx, message, new vscode.ThemeIcon('error'), {
    tooltip: `${message}\nClick to try again.`,
    command: { command: 'integratorIo.refresh', title: 'Retry', arguments: [parent] },
    contextValue: 'error;retry',
  });
}
