/** What activation makes before the rest of the extension is loaded, and hands to it. */
import vscode = require('vscode');

export interface Surface<Node> {
  /** The explorer's tree view: created at activation, so that the view has a provider from the start. */
  treeView: vscode.TreeView<Node>;
}
