/**
 * The base of every node in the integrator.io explorer, and what nodes need from the explorer
 * around them. Each node knows its parent (for `reveal`), builds its own TreeItem, and caches
 * its children until it is refreshed.
 */
import vscode = require('vscode');
import { IntegratorClient } from '../api';
import { EnvironmentInfo } from '../environments/environment';
import { Logger } from '../util/logger';
import { Notifier } from '../util/notifier';
import { StepIndex } from './stepIndex';

export interface ExplorerContext {
  log: Logger;
  notify: Notifier;
  client(env: EnvironmentInfo): Promise<IntegratorClient>;
  /** Records per page for lists ("Load more…" fetches the next page). */
  pageSize(): number;
  stepIndex(env: EnvironmentInfo): StepIndex;
  /** Asks the tree to re-render a node (or everything). */
  changed(node?: ExplorerNode): void;
  /** What a resource is busy with ("running…"), shown with a spinner on its rows. */
  busy(resourceId: string): string | undefined;
}

export abstract class ExplorerNode {
  private childrenCache: Promise<ExplorerNode[]> | undefined;

  constructor(
    /** This node's part of its id, unique among its siblings (often a resource's own `_id`). */
    private readonly idPart: string,
    readonly parent: ExplorerNode | undefined,
    protected readonly ctx: ExplorerContext,
  ) {}

  /**
   * Unique and stable within the tree: the id parts from the root down, joined with slashes.
   * Built when asked (for rows VS Code draws) rather than kept: a 10,000-row list would otherwise
   * hold 10,000 such strings, half as much memory again as the resources themselves.
   */
  get id(): string {
    return this.parent ? `${this.parent.id}/${this.idPart}` : this.idPart;
  }

  abstract treeItem(): vscode.TreeItem;

  /** Children, loaded once and kept until `reset`. */
  children(): Promise<ExplorerNode[]> {
    this.childrenCache ??= this.loadChildren().catch((err: unknown) => {
      this.childrenCache = undefined; // a later expand tries again
      throw err;
    });
    return this.childrenCache;
  }

  /** Forgets loaded children, so the next expand fetches again. */
  reset(): void {
    this.childrenCache = undefined;
  }

  protected loadChildren(): Promise<ExplorerNode[]> {
    return Promise.resolve([]);
  }

  /** Label text for "Find resource…"; undefined for nodes that are not resources. */
  get searchText(): { label: string; description: string; detail?: string } | undefined {
    return undefined;
  }
}
