/**
 * Reading and writing the folder: one JSON file per resource (and a `.js` beside each script).
 * Files are written whole (to a temporary file, then renamed) so that an interrupted pull never
 * leaves half a file; a file that is not valid JSON is an error that names it. Nothing here
 * follows a link or leaves the folder (confinedFs.ts).
 */
import * as path from 'path';
import { JsonObject } from '../api/types';
import { canonicalJson, contentHash } from './canonical';
import {
  ensureFolder,
  listConfined,
  readOpened,
  realRoot,
  removeConfined,
  UnsafeFolderError,
  writeConfined,
  writeIfChangedConfined,
} from './confinedFs';
import { errorMessage } from '../api/errors';
import { isJsonObject } from '../api/types';
import { codeFileOf, IAC_KINDS, IacKind, jsonFileOf, keyOf, kindOfKey, LogicalKey, slugOfJsonFile } from './layout';

export interface FolderResource {
  key: LogicalKey;
  kind: IacKind;
  /** The settings, references as logical keys. */
  doc: JsonObject;
  /** A script's code (`<key>.js`). */
  code?: string;
}

export class FolderError extends Error {}

/** The resource's files as they are written: the canonical JSON and, for a script, its code. */
export function renderResource(resource: FolderResource): { json: string; code?: string } {
  return { json: canonicalJson(resource.doc), code: resource.kind === 'scripts' ? (resource.code ?? '') : undefined };
}

/** The fingerprint of a resource's content, the same whether it came from a file or an account. */
export function hashOfResource(resource: FolderResource): string {
  const { json, code } = renderResource(resource);
  return contentHash(json, code);
}

/**
 * Every resource in the folder, by key. Files of other names are left alone, but a link (or
 * anything that is not a regular file or folder) in a kind's folder is refused by name, and the
 * kinds' folders themselves must be real folders (confinedFs.ts).
 */
export async function readFolder(dir: string): Promise<Map<LogicalKey, FolderResource>> {
  const root = await realRoot(dir);
  const resources = new Map<LogicalKey, FolderResource>();
  const problems: string[] = [];
  let sinceYield = 0;
  for (const kind of IAC_KINDS) {
    let names: string[] | undefined;
    try {
      names = listConfined(root, kind);
    } catch (err) {
      if (!(err instanceof UnsafeFolderError)) throw err;
      problems.push(...err.problems);
      continue;
    }
    if (!names) continue;
    const present = new Set(names);
    const keys = names
      .sort()
      .map((name) => slugOfJsonFile(kind, name))
      .map((slug) => (slug === undefined ? undefined : keyOf(kind, slug)))
      .filter((key): key is LogicalKey => key !== undefined && kindOfKey(key) === kind);
    for (const key of keys) {
      const resource: FolderResource = { key, kind, doc: parseFile(readOpened(root, jsonFileOf(key)), key) };
      if (kind === 'scripts' && present.has(path.basename(codeFileOf(key)))) resource.code = readOpened(root, codeFileOf(key));
      resources.set(key, resource);
      // The event loop gets a turn now and then: a large integration's folder holds thousands of small files.
      if (++sinceYield === READ_BATCH) {
        sinceYield = 0;
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
  }
  if (problems.length) throw new UnsafeFolderError(problems);
  return resources;
}

const READ_BATCH = 200;

/** Writes a resource's files, only where their text changed; answers the folder-relative paths written. */
export async function writeResource(dir: string, resource: FolderResource): Promise<string[]> {
  return writeResources(dir, [resource]);
}

/**
 * Writes many resources' files, only where their text changed; answers the folder-relative paths
 * written. Small synchronous writes (a changed file through a temporary file and a rename) are several times
 * faster than their promise forms for the thousands of small files of a large integration; the
 * event loop gets a turn between batches, so an extension host stays responsive. Every write stays
 * inside the folder and goes through no link (confinedFs.ts).
 */
export async function writeResources(dir: string, resources: readonly FolderResource[]): Promise<string[]> {
  const root = await realRoot(dir);
  const written: string[] = [];
  /** Files already in each kind's folder, listed once (most writes of a first pull are new files). */
  const existing = new Map<string, Set<string>>();
  let sinceYield = 0;
  for (const resource of resources) {
    const { json, code } = renderResource(resource);
    const files: [string, string][] = [[jsonFileOf(resource.key), json]];
    if (code !== undefined) files.push([codeFileOf(resource.key), code]);
    for (const [relative, text] of files) {
      const folder = relative.slice(0, relative.lastIndexOf('/'));
      let names = existing.get(folder);
      if (!names) {
        ensureFolder(root, folder);
        names = new Set(listConfined(root, folder) ?? []);
        existing.set(folder, names);
      }
      const name = relative.slice(folder.length + 1);
      const exists = names.has(name);
      if (exists && readOpened(root, relative) === text) continue;
      // A new file is written in place: were the pull cut short, the binding file (written last) would
      // not name it, and the next pull writes it again. A file that exists is replaced whole.
      writeConfined(root, relative, text, exists);
      names.add(name);
      written.push(relative);
    }
    if (++sinceYield === WRITE_BATCH) {
      sinceYield = 0;
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
  return written;
}

const WRITE_BATCH = 200;

export async function removeResource(dir: string, key: LogicalKey): Promise<string[]> {
  const root = await realRoot(dir);
  return [jsonFileOf(key), codeFileOf(key)].filter((file) => removeConfined(root, file));
}

/** Writes `text` to a folder-relative file through a temporary file and a rename; false when the file already held it. */
export async function writeIfChanged(dir: string, relative: string, text: string): Promise<boolean> {
  return writeIfChangedConfined(await realRoot(dir), relative, text);
}

function parseFile(text: string, key: LogicalKey): JsonObject {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new FolderError(`${jsonFileOf(key)} is not valid JSON: ${errorMessage(err)}`);
  }
  if (!isJsonObject(value)) throw new FolderError(`${jsonFileOf(key)} must hold one JSON object.`);
  return value;
}
