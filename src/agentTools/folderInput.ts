/**
 * A folder path from a tool's input. A model writes it, and a model can be talked into anything
 * by what it read, so the path is held to the folders the tool may read (`ToolContext.folders`:
 * VS Code's trusted workspace folders, the MCP server's working directory) by the rules a pulled
 * folder's own files are held to (iac/confinedFs.ts): no `..`, and below the allowed folder's real
 * path every part is a real folder, never a link (checked with `lstat`, part by part). The folder
 * itself may be reached through a link the user chose, as confinedFs allows for a pulled folder.
 * All of this is decided from names and `lstat`, before any file is read.
 */
import * as fs from 'fs';
import * as path from 'path';
import { entryType, UnsafeFolderError } from '../iac/confinedFs';
import { ToolInputError } from './types';

const MAX_PATH = 1_000;

/** The path's own text, checked: a non-empty path with no `..` part and no NUL. */
export function folderText(value: unknown, key: string): string {
  if (typeof value !== 'string' || !value.trim()) throw new ToolInputError(`"${key}" is required: a folder path.`);
  if (value.length > MAX_PATH) throw new ToolInputError(`"${key}" is longer than ${MAX_PATH} characters.`);
  if (value.includes('\0')) throw new ToolInputError(`"${key}" is not a path.`);
  if (value.split(/[\\/]/).includes('..')) throw new ToolInputError(`"${key}" may not step out of a folder with "..".`);
  return value.trim();
}

/** An allowed folder: as given, and its real path. */
interface Allowed {
  given: string;
  real: string;
}

/**
 * The real path of the folder `wanted` names, inside one of `folders`: a path relative to an
 * allowed folder, or an absolute one below it. Refused (ToolInputError, naming no path it was
 * not given) when it lies outside them, goes through a link, or is not a folder.
 */
export function confinedFolder(wanted: string, folders: readonly string[]): string {
  const allowed = folders.flatMap(allowedOf);
  if (!allowed.length)
    throw new ToolInputError('No folder may be read here (VS Code: a trusted workspace folder; the MCP server: its working directory).');
  const found: string[] = [];
  for (const root of allowed) {
    const relative = relativeTo(wanted, root);
    if (relative === undefined) continue;
    const folder = checkedFolder(root.real, relative, wanted);
    if (folder !== undefined && !found.includes(folder)) found.push(folder);
  }
  if (found.length === 0)
    throw new ToolInputError(
      `"${wanted}" is not a folder inside ${folders.length === 1 ? 'the folder' : 'one of the folders'} this tool may read.`,
    );
  if (found.length > 1) throw new ToolInputError(`"${wanted}" names a folder in several workspace folders: give its absolute path.`);
  return found[0]!;
}

function allowedOf(folder: string): Allowed[] {
  try {
    return [{ given: path.resolve(folder), real: fs.realpathSync(folder) }];
  } catch {
    return []; // a workspace folder that is gone allows nothing
  }
}

/** `wanted` relative to the allowed folder (as given or as its real path), with `/`; undefined when it is not below it. */
function relativeTo(wanted: string, root: Allowed): string | undefined {
  if (!path.isAbsolute(wanted)) return posix(path.normalize(wanted));
  const absolute = path.resolve(wanted);
  for (const base of [root.given, root.real]) {
    const relative = path.relative(base, absolute);
    if (relative === '') return '';
    if (!relative.startsWith('..') && !path.isAbsolute(relative)) return posix(relative);
  }
  return undefined;
}

const posix = (relative: string) => (relative === '.' ? '' : relative.split(path.sep).join('/').replace(/\/+$/, ''));

/** The folder's path below `real`, when every part of it is a real folder; refused when a part is a link. */
function checkedFolder(real: string, relative: string, wanted: string): string | undefined {
  if (relative === '') return real;
  let type: string;
  try {
    type = entryType(real, relative);
  } catch (err) {
    if (err instanceof UnsafeFolderError) throw new ToolInputError(`"${wanted}" is refused: ${err.problems.join('; ')}.`);
    throw err;
  }
  if (type !== 'dir') return undefined;
  const folder = path.join(real, ...relative.split('/'));
  // Every part was lstat'ed as a real folder; the real path says the same, or something moved.
  if (fs.realpathSync(folder) !== folder) throw new ToolInputError(`"${wanted}" is refused: it changed while it was checked.`);
  return folder;
}

/**
 * A checked folder (confinedFolder's answer) as it is now, to be checked again once it has been
 * read: the reading (iac/plan.ts) resolves the path again, so a part of it made a link after the
 * check would have it read another folder. `unchanged()` throws unless the path still resolves
 * to itself and to the same folder (device and inode), so such an answer is never given.
 */
export function heldFolder(folder: string, wanted: string): { unchanged(): void } {
  const before = fs.statSync(folder);
  return {
    unchanged() {
      let same = false;
      try {
        const now = fs.statSync(folder);
        same = fs.realpathSync(folder) === folder && now.dev === before.dev && now.ino === before.ino;
      } catch {
        // Gone: not the folder that was checked either.
      }
      if (!same)
        throw new ToolInputError(`"${wanted}" is refused: the folder changed while it was read, so nothing read from it is answered.`);
    },
  };
}
