/**
 * Whether a folder still holds what a plan compared: the same resources with the same content,
 * and the same binding file. A file watcher also reports writes that a plan has already read (the
 * files a pull wrote are reported after the plan that followed the pull began); planning again for
 * them would read the whole integration from the account to show the same plan.
 */
import { canonicalJson } from './canonical';
import { BindingFile, readBindings } from './bindings';
import { FolderResource, hashOfResource, readFolder } from './folder';
import { LogicalKey } from './layout';

export interface PlannedFolder {
  folder: ReadonlyMap<LogicalKey, FolderResource>;
  bindings: BindingFile;
}

export async function folderUnchanged(
  planned: PlannedFolder,
  where: { dir: string; environment: string; baseUrl: string },
): Promise<boolean> {
  let folder: Map<LogicalKey, FolderResource>;
  let bindings: BindingFile;
  try {
    folder = await readFolder(where.dir);
    bindings = await readBindings(where.dir, where.environment, where.baseUrl);
  } catch {
    // A folder that cannot be read (a link, a file that is not JSON) is planned again: the plan says why.
    return false;
  }
  if (canonicalJson(bindings) !== canonicalJson(planned.bindings) || folder.size !== planned.folder.size) return false;
  for (const [key, resource] of folder) {
    const before = planned.folder.get(key);
    if (!before || hashOfResource(before) !== hashOfResource(resource)) return false;
  }
  return true;
}
