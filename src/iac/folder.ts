/**
 * Reading and writing the folder: one JSON file per resource (and a `.js` beside each script).
 * Files are written whole (to a temporary file, then renamed) so that an interrupted pull never
 * leaves half a file; a file that is not valid JSON is an error that names it.
 */
import { promises as fs } from 'fs';
import * as path from 'path';
import { JsonObject } from '../api/types';
import { canonicalJson, contentHash } from './canonical';
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

/** Every resource in the folder, by key. Files of other names are left alone. */
export async function readFolder(dir: string): Promise<Map<LogicalKey, FolderResource>> {
  const resources = new Map<LogicalKey, FolderResource>();
  for (const kind of IAC_KINDS) {
    let names: string[];
    try {
      names = await fs.readdir(path.join(dir, kind));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') continue;
      throw err;
    }
    for (const name of names.sort()) {
      const slug = slugOfJsonFile(kind, name);
      const key = slug === undefined ? undefined : keyOf(kind, slug);
      if (!key || kindOfKey(key) !== kind) continue;
      const doc = parseFile(await fs.readFile(path.join(dir, jsonFileOf(key)), 'utf8'), key);
      const resource: FolderResource = { key, kind, doc };
      if (kind === 'scripts') resource.code = await readOptional(path.join(dir, codeFileOf(key)));
      resources.set(key, resource);
    }
  }
  return resources;
}

/** Writes a resource's files, only where their text changed; answers the folder-relative paths written. */
export async function writeResource(dir: string, resource: FolderResource): Promise<string[]> {
  const { json, code } = renderResource(resource);
  const written: string[] = [];
  if (await writeIfChanged(path.join(dir, jsonFileOf(resource.key)), json)) written.push(jsonFileOf(resource.key));
  if (code !== undefined && (await writeIfChanged(path.join(dir, codeFileOf(resource.key)), code))) written.push(codeFileOf(resource.key));
  return written;
}

export async function removeResource(dir: string, key: LogicalKey): Promise<string[]> {
  const removed: string[] = [];
  for (const file of [jsonFileOf(key), codeFileOf(key)]) {
    try {
      await fs.unlink(path.join(dir, file));
      removed.push(file);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
  }
  return removed;
}

/** Writes `text` to `file` through a temporary file and a rename; false when the file already held it. */
export async function writeIfChanged(file: string, text: string): Promise<boolean> {
  if ((await readOptional(file)) === text) return false;
  await fs.mkdir(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  await fs.writeFile(temporary, text, 'utf8');
  await fs.rename(temporary, file);
  return true;
}

async function readOptional(file: string): Promise<string | undefined> {
  try {
    return await fs.readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}

function parseFile(text: string, key: LogicalKey): JsonObject {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new FolderError(`${jsonFileOf(key)} is not valid JSON: ${(err as Error).message}`);
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new FolderError(`${jsonFileOf(key)} must hold one JSON object.`);
  return value as JsonObject;
}
