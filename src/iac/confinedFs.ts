/**
 * File access that stays inside a pulled folder. The folder is changed by pull requests, so its
 * entries are hostile: a `scripts/x.js` that is a symbolic link to `~/.ssh/id_rsa` would be read
 * and uploaded as a script, a linked `scripts/` folder would be written through. Here a path is a
 * folder-relative one made of plain names (no `..`, no absolute path, no empty part), every part
 * below the folder's real path is checked with `lstat` to be a real folder or regular file, and
 * the last part is opened with `O_NOFOLLOW` and checked again on the open file, so a link put in
 * its place between the check and the open is refused too. New files are created with `wx`
 * (never through a dangling link) and replaced by a rename (which replaces a name, never follows
 * it). What is refused is an `UnsafeFolderError` that names each path.
 */
import * as fsSync from 'fs';
import * as path from 'path';

export class UnsafeFolderError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(problems.join('; '));
  }
}

/** The code of a file-system error (`ENOENT`, `ELOOP`…), or undefined for anything else thrown. */
function errorCode(err: unknown): string | undefined {
  return err instanceof Error && 'code' in err && typeof err.code === 'string' ? err.code : undefined;
}

/**
 * The largest file of a pulled folder that is read: the largest real scripts and exports are a
 * few hundred KB. A larger one is refused before it is read, since it is read whole and at once
 * (a 500 MB file of zeros, a few hundred KB in a Git pack, would stall VS Code or the CLI).
 */
export const MAX_FOLDER_FILE_BYTES = 10 * 1024 * 1024;

/** `O_NOFOLLOW` where the platform has it (not on Windows, where links need privileges to make). */
const NO_FOLLOW = fsSync.constants.O_NOFOLLOW ?? 0;

/** The folder's real path (the folder itself may be reached through a link the user chose), or its absolute path when it does not exist yet. */
export async function realRoot(dir: string): Promise<string> {
  try {
    return await fsSync.promises.realpath(dir);
  } catch (err) {
    if (errorCode(err) === 'ENOENT') return path.resolve(dir);
    throw err;
  }
}

/** `realRoot`, for the few callers that must answer at once (a binding file's name). */
export function realRootSync(dir: string): string {
  try {
    return fsSync.realpathSync(dir);
  } catch (err) {
    if (errorCode(err) === 'ENOENT') return path.resolve(dir);
    throw err;
  }
}

/** The parts of a folder-relative path (with `/`), refused unless each is a plain name. */
export function partsOf(relative: string): string[] {
  const parts = relative.split('/');
  const bad = parts.find((p) => p === '' || p === '.' || p === '..' || /[\\:\0]/.test(p));
  if (bad !== undefined || path.isAbsolute(relative)) throw new UnsafeFolderError([`${relative} is not a path inside the folder`]);
  return parts;
}

function absoluteOf(root: string, parts: readonly string[]): string {
  const full = path.join(root, ...parts);
  // Defence in depth: plain names cannot leave the root, and this says so for every platform's separators.
  if (!full.startsWith(root.endsWith(path.sep) ? root : root + path.sep))
    throw new UnsafeFolderError([`${parts.join('/')} is outside the folder`]);
  return full;
}

type EntryType = 'missing' | 'file' | 'dir';

function describe(relative: string, stat: fsSync.Stats): string {
  return stat.isSymbolicLink()
    ? `${relative} is a symbolic link: links are never followed in a pulled folder`
    : `${relative} is not a regular file or folder`;
}

/** What the path is, after checking that each folder on the way is a real folder. */
export function entryType(root: string, relative: string): EntryType {
  const parts = partsOf(relative);
  for (let i = 1; i <= parts.length; i++) {
    const at = parts.slice(0, i);
    let stat: fsSync.Stats;
    try {
      stat = fsSync.lstatSync(absoluteOf(root, at));
    } catch (err) {
      if (errorCode(err) === 'ENOENT' || errorCode(err) === 'ENOTDIR') return 'missing';
      throw err;
    }
    const last = i === parts.length;
    if (stat.isDirectory()) {
      if (last) return 'dir';
      continue;
    }
    if (last && stat.isFile()) return 'file';
    throw new UnsafeFolderError([describe(at.join('/'), stat)]);
  }
  return 'missing';
}

/** A regular file's text, or undefined when there is none. */
export function readConfined(root: string, relative: string): string | undefined {
  const type = entryType(root, relative);
  if (type === 'missing') return undefined;
  if (type === 'dir') throw new UnsafeFolderError([`${relative} is a folder, not a file`]);
  return readOpened(root, relative);
}

/**
 * Reads a file whose folder is already known to be real (listed by `listConfined`): one open
 * with `O_NOFOLLOW`, then the open file's own type, so nothing between a check and the read counts.
 */
export function readOpened(root: string, relative: string): string {
  let fd: number;
  try {
    fd = fsSync.openSync(absoluteOf(root, partsOf(relative)), fsSync.constants.O_RDONLY | NO_FOLLOW);
  } catch (err) {
    if (errorCode(err) === 'ELOOP')
      throw new UnsafeFolderError([`${relative} is a symbolic link: links are never followed in a pulled folder`]);
    throw err;
  }
  try {
    const stat = fsSync.fstatSync(fd);
    if (!stat.isFile()) throw new UnsafeFolderError([`${relative} is not a regular file or folder`]);
    // A hard link is a second name of a file that may lie outside the folder (an archive can carry one; Git cannot).
    if (stat.nlink > 1)
      throw new UnsafeFolderError([
        `${relative} is a hard link (one of ${stat.nlink} names of a file): only a file of the folder's own is read`,
      ]);
    if (stat.size > MAX_FOLDER_FILE_BYTES)
      throw new UnsafeFolderError([
        `${relative} is ${megabytes(stat.size)} MB, larger than the ${megabytes(MAX_FOLDER_FILE_BYTES)} MB a file of a pulled folder may be: it is not read`,
      ]);
    return fsSync.readFileSync(fd, 'utf8');
  } finally {
    fsSync.closeSync(fd);
  }
}

const megabytes = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

/** A real folder's entries, or undefined when it does not exist; links and other odd entries in it are refused by name. */
export function listConfined(root: string, relative: string, refuse: (name: string) => boolean = () => true): string[] | undefined {
  const type = entryType(root, relative);
  if (type === 'missing') return undefined;
  if (type === 'file') throw new UnsafeFolderError([`${relative} is a file, not a folder`]);
  const entries = fsSync.readdirSync(absoluteOf(root, partsOf(relative)), { withFileTypes: true });
  const odd = entries.filter((e) => !e.isFile() && !e.isDirectory() && refuse(e.name));
  if (odd.length)
    throw new UnsafeFolderError(
      odd.map((e) =>
        e.isSymbolicLink()
          ? `${relative}/${e.name} is a symbolic link: links are never followed in a pulled folder`
          : `${relative}/${e.name} is not a regular file or folder`,
      ),
    );
  return entries.filter((e) => e.isFile()).map((e) => e.name);
}

/** Makes the folders of a relative path, each a real folder (a link on the way is refused, never followed). */
export function ensureFolder(root: string, relative: string): void {
  fsSync.mkdirSync(root, { recursive: true });
  const parts = partsOf(relative);
  for (let i = 1; i <= parts.length; i++) {
    const full = absoluteOf(root, parts.slice(0, i));
    try {
      fsSync.mkdirSync(full);
    } catch (err) {
      if (errorCode(err) !== 'EEXIST') throw err;
    }
    const stat = fsSync.lstatSync(full);
    if (!stat.isDirectory()) throw new UnsafeFolderError([describe(parts.slice(0, i).join('/'), stat)]);
  }
}

/**
 * Writes `text` whole: a new file is created with `wx` (so a dangling link in its place fails);
 * a file that exists is replaced through a temporary file (also `wx`) and a rename.
 */
export function writeConfined(root: string, relative: string, text: string, exists: boolean): void {
  const full = absoluteOf(root, partsOf(relative));
  if (!exists) {
    fsSync.writeFileSync(full, text, { encoding: 'utf8', flag: 'wx' });
    return;
  }
  const temporary = `${full}.${process.pid}.tmp`;
  try {
    fsSync.unlinkSync(temporary);
  } catch {
    // Left over from an interrupted write, or (usually) not there.
  }
  fsSync.writeFileSync(temporary, text, { encoding: 'utf8', flag: 'wx' });
  fsSync.renameSync(temporary, full);
}

/** Writes `text` unless the file already holds it; false when it did. The folders on the way are made real folders. */
export function writeIfChangedConfined(root: string, relative: string, text: string): boolean {
  const parts = partsOf(relative);
  if (parts.length > 1) ensureFolder(root, parts.slice(0, -1).join('/'));
  const type = entryType(root, relative);
  if (type === 'dir') throw new UnsafeFolderError([`${relative} is a folder, not a file`]);
  if (type === 'file' && readOpened(root, relative) === text) return false;
  writeConfined(root, relative, text, type === 'file');
  return true;
}

/** Removes a file (a link is removed itself, never its target); false when there was none. */
export function removeConfined(root: string, relative: string): boolean {
  const parts = partsOf(relative);
  if (parts.length > 1 && entryType(root, parts.slice(0, -1).join('/')) === 'missing') return false;
  try {
    fsSync.unlinkSync(absoluteOf(root, parts));
    return true;
  } catch (err) {
    if (errorCode(err) === 'ENOENT') return false;
    throw err;
  }
}
