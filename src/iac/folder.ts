/**
 * Reading and writing the folder: one JSON file per resource (and a `.js` beside each script).
 * Files are written whole (to a temporary file, then renamed) so that an interrupted pull never
 * leaves half a file; a file that is not valid JSON is an error that names it.
 */
import * as fsSync from 'fs';
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

const PARALLEL_READS = 32;

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
    const keys = names
      .sort()
      .map((name) => slugOfJsonFile(kind, name))
      .map((slug) => (slug === undefined ? undefined : keyOf(kind, slug)))
      .filter((key): key is LogicalKey => key !== undefined && kindOfKey(key) === kind);
    // A few reads at a time: a large integration's folder holds thousands of small files.
    for (let at = 0; at < keys.length; at += PARALLEL_READS) {
      const read = await Promise.all(
        keys.slice(at, at + PARALLEL_READS).map(async (key) => {
          const resource: FolderResource = { key, kind, doc: parseFile(await fs.readFile(path.join(dir, jsonFileOf(key)), 'utf8'), key) };
          if (kind === 'scripts') resource.code = await readOptional(path.join(dir, codeFileOf(key)));
          return resource;
        }),
      );
      for (const resource of read) resources.set(resource.key, resource);
    }
  }
  return resources;
}

/** Writes a resource's files, only where their text changed; answers the folder-relative paths written. */
export async function writeResource(dir: string, resource: FolderResource): Promise<string[]> {
  return writeResources(dir, [resource]);
}

/**
 * Writes many resources' files, only where their text changed; answers the folder-relative paths
 * written. Small synchronous writes (a changed file through a temporary file and a rename) are several times
 * faster than their promise forms for the thousands of small files of a large integration; the
 * event loop gets a turn between batches, so an extension host stays responsive.
 */
export async function writeResources(dir: string, resources: readonly FolderResource[]): Promise<string[]> {
  const written: string[] = [];
  /** Files already in each folder written to, listed once (most writes of a first pull are new files). */
  const existing = new Map<string, Set<string>>();
  let sinceYield = 0;
  for (const resource of resources) {
    const { json, code } = renderResource(resource);
    const files: [string, string][] = [[jsonFileOf(resource.key), json]];
    if (code !== undefined) files.push([codeFileOf(resource.key), code]);
    for (const [relative, text] of files) {
      const file = path.join(dir, relative);
      const folder = path.dirname(file);
      let names = existing.get(folder);
      if (!names) {
        fsSync.mkdirSync(folder, { recursive: true });
        names = new Set(fsSync.readdirSync(folder));
        existing.set(folder, names);
      }
      if (writeSyncIfChanged(file, text, names.has(path.basename(file)))) written.push(relative);
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

function writeSyncIfChanged(file: string, text: string, exists: boolean): boolean {
  if (exists && fsSync.readFileSync(file, 'utf8') === text) return false;
  // A new file is written in place: were the pull cut short, the binding file (written last) would
  // not name it, and the next pull writes it again. A file that exists is replaced whole.
  if (!exists) {
    fsSync.writeFileSync(file, text, 'utf8');
    return true;
  }
  const temporary = `${file}.${process.pid}.tmp`;
  fsSync.writeFileSync(temporary, text, 'utf8');
  fsSync.renameSync(temporary, file);
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
