/**
 * What the file system knows of each open resource document: the server's version as last
 * read or saved (its `lastModified` is the version the user is editing), and drafts of new
 * resources that exist only locally until their first save.
 */
import { ResourceBase } from '../api/types';

export interface CachedResource {
  resource: ResourceBase;
  text: Uint8Array;
  /** `lastModified` of the version that was opened (or last saved): the conflict check's baseline. */
  baseline: string | undefined;
  /**
   * Right after a save, what `stat` reports: the text as the editor wrote it. It is cleared a
   * moment later with a change event, so VS Code re-reads the version the server stored.
   */
  justWritten?: { mtime: number; size: number };
  /** Set after a save: the next read serves this stored version instead of fetching it again. */
  fresh?: boolean;
}

export class DocumentCache {
  private readonly entries = new Map<string, CachedResource>();
  private readonly drafts = new Map<string, Uint8Array>();
  /** Drafts already created on the server, and the URI of what they became. */
  private readonly createdDrafts = new Map<string, string>();
  private readonly unusableCreations = new Map<string, string>();

  get(key: string): CachedResource | undefined {
    return this.entries.get(key);
  }

  set(key: string, entry: CachedResource): void {
    this.entries.set(key, entry);
  }

  draft(key: string): Uint8Array | undefined {
    return this.drafts.get(key);
  }

  setDraft(key: string, text: Uint8Array): void {
    this.drafts.set(key, text);
  }

  /** Remembers that a draft was created; its editor may stay open until it is replaced. */
  draftCreated(key: string, createdKey: string, writtenText: Uint8Array): void {
    this.drafts.set(key, writtenText);
    this.createdDrafts.set(key, createdKey);
  }

  /** The URI (as text) of the resource a draft became, if it was created. */
  createdFrom(key: string): string | undefined {
    return this.createdDrafts.get(key);
  }

  /** Remembers that a draft was created with an id no document can have (`new-…`): it must not be created again. */
  createdUnusable(key: string, id: string): void {
    this.unusableCreations.set(key, id);
  }

  /** The id a draft was created with, when no document can have it. */
  unusableCreation(key: string): string | undefined {
    return this.unusableCreations.get(key);
  }
}
