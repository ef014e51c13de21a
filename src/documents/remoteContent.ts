/** Read-only documents holding the server's current version of a resource, for diffs. */
import vscode = require('vscode');
import { documentOfRemote } from '../identity';

export class RemoteContentProvider implements vscode.TextDocumentContentProvider {
  constructor(private readonly remoteText: (uri: vscode.Uri) => Promise<string>) {}

  provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    return this.remoteText(documentOfRemote(uri));
  }
}
