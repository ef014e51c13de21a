/**
 * Logical keys in a pulled folder's files act like references in code: go to definition
 * (F12, Ctrl+click) opens the file a key names, and completion inside a reference field
 * (`_exportId`, `_connectionId`, `_scriptId`…) offers the keys of that kind the folder holds.
 */
import { promises as fs } from 'fs';
import * as path from 'path';
import { findNodeAtOffset, getLocation, parseTree } from 'jsonc-parser';
import vscode = require('vscode');
import { entryType, realRoot } from '../iac/confinedFs';
import { IacKind, isLogicalKey, jsonFileOf, keyOf, kindOfKey, slugOfJsonFile } from '../iac/layout';
import { REFERENCE_FIELDS } from '../iac/references';
import { SourceControls } from './sourceControls';

export class FolderLinks implements vscode.DefinitionProvider, vscode.CompletionItemProvider {
  constructor(private readonly controls: SourceControls) {}

  async provideDefinition(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.Location | undefined> {
    const control = this.controls.containing(document.uri);
    if (!control) return undefined;
    const node = findNodeAtOffset(parseTree(document.getText()) ?? { type: 'null', offset: 0, length: 0 }, document.offsetAt(position));
    const value: unknown = node?.type === 'string' ? node.value : undefined;
    if (!isLogicalKey(value)) return undefined;
    const target = control.fileOf(value);
    // Only a regular file of the folder: a link planted by a pull request is not opened as if it were the resource.
    try {
      if (entryType(await realRoot(control.folder.fsPath), jsonFileOf(value)) !== 'file') return undefined;
    } catch {
      return undefined;
    }
    return new vscode.Location(target, new vscode.Position(0, 0));
  }

  async provideCompletionItems(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.CompletionItem[] | undefined> {
    const control = this.controls.containing(document.uri);
    if (!control) return undefined;
    const location = getLocation(document.getText(), document.offsetAt(position));
    if (location.isAtPropertyKey) return undefined;
    const field = [...location.path].reverse().find((segment): segment is string => typeof segment === 'string');
    const kind = field === undefined ? undefined : REFERENCE_FIELDS[field];
    if (!kind) return undefined;
    const keys = await keysOf(control.folder.fsPath, kind);
    const own = control.keyOf(document.uri);
    const wordRange = document.getWordRangeAtPosition(position, /"[^"]*"?/);
    return keys
      .filter((key) => key !== own)
      .map((key) => {
        const item = new vscode.CompletionItem(key, vscode.CompletionItemKind.Reference);
        item.detail = `${kindOfKey(key)} in ${path.basename(control.folder.fsPath)}`;
        if (wordRange) {
          // The range takes the quotes in, so the text typed so far (`"conn`) is matched with them.
          item.range = wordRange;
          item.insertText = `"${key}"`;
          item.filterText = `"${key}"`;
        }
        return item;
      });
  }
}

async function keysOf(dir: string, kind: IacKind): Promise<string[]> {
  try {
    const names = await fs.readdir(path.join(dir, kind));
    return names
      .map((name) => slugOfJsonFile(kind, name))
      .filter((slug): slug is string => slug !== undefined && kindOfKey(keyOf(kind, slug)) === kind)
      .map((slug) => keyOf(kind, slug))
      .sort();
  } catch {
    return [];
  }
}
