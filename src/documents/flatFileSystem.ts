/**
 * The part of a FileSystemProvider that integrator.io documents do not use: they are flat
 * files with no directories, not watched (the server has no change feed), and deleted or
 * renamed by commands, never through the file system.
 */
import vscode = require('vscode');

export abstract class FlatFileSystem {
  watch(): vscode.Disposable {
    return new vscode.Disposable(() => undefined);
  }

  readDirectory(): [string, vscode.FileType][] {
    return [];
  }

  createDirectory(uri: vscode.Uri): void {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  delete(uri: vscode.Uri): void {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  rename(uri: vscode.Uri): void {
    throw vscode.FileSystemError.NoPermissions(uri);
  }
}
