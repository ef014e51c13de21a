/**
 * Which rows of the explorer were expanded, kept in the workspace's state so that a reload (or
 * the next day's window) shows the tree as the user left it. Node ids are stable paths from the
 * environment down (environment/category/resource id), so they name the same row after a reload.
 */
import vscode = require('vscode');
import { Disposable } from '../util/disposable';

const KEY = 'integratorIo.explorer.expanded';
/** Enough for any tree a person expands by hand; the oldest are forgotten first. */
const MAX_REMEMBERED = 1000;

export class ExpansionMemory<T extends { id: string }> extends Disposable {
  private readonly expanded: Set<string>;

  constructor(
    private readonly state: vscode.Memento,
    treeView: vscode.TreeView<T>,
  ) {
    super();
    this.expanded = new Set(state.get<string[]>(KEY, []));
    this.register(treeView.onDidExpandElement(({ element }) => this.set(element.id, true)));
    this.register(treeView.onDidCollapseElement(({ element }) => this.set(element.id, false)));
  }

  /** The state a row is drawn with: expanded if the user left it expanded, else as the node says. */
  stateOf(id: string, state: vscode.TreeItemCollapsibleState | undefined): vscode.TreeItemCollapsibleState | undefined {
    return state === vscode.TreeItemCollapsibleState.Collapsed && this.expanded.has(id) ? vscode.TreeItemCollapsibleState.Expanded : state;
  }

  private set(id: string, expanded: boolean): void {
    if (expanded === this.expanded.has(id)) return;
    if (expanded) this.expanded.add(id);
    else this.expanded.delete(id);
    const ids = [...this.expanded];
    void this.state.update(KEY, ids.slice(Math.max(0, ids.length - MAX_REMEMBERED)));
  }
}
