/**
 * integrator.io resources as files. `readFile` GETs a resource; `writeFile` is the save
 * pipeline, and deploys it:
 *
 *   parse (refuse invalid JSON) → refuse masked secrets → production confirmation
 *   → conflict check (GET, compare lastModified with the version that was opened)
 *   → PUT the whole document → keep what the server stored → refresh the tree node.
 *
 * Only a deliberate save deploys: an auto-save is refused before anything else (`SaveIntent`).
 * Every refusal or failure throws, so VS Code keeps the editor dirty and offers Retry or
 * Revert: no keystroke is lost. `stat` reports the server's `lastModified` as `mtime`.
 */
import vscode = require('vscode');
import { formatTime } from '../model/format';
import { IntegratorApiError } from '../api';
import { ResourceBase } from '../api/types';
import { EnvironmentInfo } from '../environments/environment';
import { EnvironmentStore } from '../environments/environmentStore';
import { confirmProductionChange } from '../environments/productionGuard';
import { RESOURCE_KINDS } from '../model/resourceKinds';
import { displayText } from '../util/displayText';
import { describeError } from '../util/errors';
import { Logger } from '../util/logger';
import { ConflictNotifier } from './conflicts';
import { CachedResource, DocumentCache } from './documentCache';
import { FlatFileSystem } from './flatFileSystem';
import { masksWithoutSecret, parseResourceText, toDocumentText, UnsaveableDocumentError } from './documentText';
import { DRAFT_PREFIX, fileNameOf, isAccountId, isDraft, parseResourceUri, RESOURCE_SCHEME, ResourceRef } from '../identity';
import { SaveIntent } from './saveIntent';
import { agentEdits } from './agentEdits';
import { askModal } from '../util/dialogs';
import { quotedName } from '../model/accountText';
import { SaveQueue } from './saveQueue';
import { FieldProblems } from './fieldProblems';

/** When a write comes with no editor's save event (a script's workspace.fs write), re-read after this. */
const RELOAD_FALLBACK_MS = 2000;

export interface SavedEvent {
  env: EnvironmentInfo;
  ref: ResourceRef;
  resource: ResourceBase;
  /** For a draft's first save: the draft's URI, and that of the created resource's document. */
  draftUri?: vscode.Uri;
  createdUri?: vscode.Uri;
}

export class ResourceFileSystem extends FlatFileSystem implements vscode.FileSystemProvider, vscode.Disposable {
  private readonly changeEmitter = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.changeEmitter.event;
  private readonly savedEmitter = new vscode.EventEmitter<SavedEvent>();
  /** Fires after a successful save (or create), for the tree and open views. */
  readonly onDidSave = this.savedEmitter.event;
  readonly cache = new DocumentCache();
  private readonly queue = new SaveQueue<Uint8Array>((key, content) => this.save(vscode.Uri.parse(key), content));
  private readonly encoder = new TextEncoder();
  private readonly decoder = new TextDecoder();
  private readonly intent = new SaveIntent(RESOURCE_SCHEME);
  /** How many auto-saves were refused (tests wait on it instead of on a timer). */
  autoSavesRefused = 0;

  constructor(
    private readonly environments: EnvironmentStore,
    private readonly log: Logger,
    private readonly conflicts: ConflictNotifier,
    /** Builds the URI a created draft's resource will have. */
    private readonly uriFor: (env: EnvironmentInfo, ref: ResourceRef, resource: ResourceBase) => vscode.Uri,
  ) {
    super();
  }

  /** The API's field errors of refused saves, on the lines of their fields. */
  readonly problems = new FieldProblems();
  /** Documents whose next save was already confirmed for production (`confirmBeforeSave`). */
  private readonly confirmed = new Set<string>();

  /**
   * Asks the production question before VS Code saves (Ctrl+S in a production document): a "no"
   * then is no failed save, only a document left as it was. A "yes" lets the save through once.
   */
  async confirmBeforeSave(uri: vscode.Uri, text: string): Promise<boolean> {
    const { env, ref } = this.resolve(uri);
    if (!env.production) return true;
    if (!(await confirmProductionChange(env, this.changeOf(uri, ref, text)))) return false;
    this.confirmed.add(uri.toString());
    return true;
  }

  /** Forgets a confirmation no save used (the document was not written after all). */
  forgetConfirmation(uri: vscode.Uri): void {
    this.confirmed.delete(uri.toString());
  }

  /** The change a save makes, as the production question names it. */
  private changeOf(uri: vscode.Uri, ref: ResourceRef, text: string) {
    const info = RESOURCE_KINDS[ref.kind];
    let name: string | undefined;
    try {
      const body = ref.kind === 'scripts' ? undefined : parseResourceText(text);
      name = typeof body?.name === 'string' ? body.name : undefined;
    } catch {
      // Invalid JSON: the save refuses it before asking anything.
    }
    return {
      action: isDraft(ref) ? 'create' : 'save',
      what: `${info.singular} "${name ?? fileNameOf(uri)}"`,
      showDiff: isDraft(ref) ? undefined : () => this.conflicts.compare(uri),
    };
  }

  // Reading --------------------------------------------------------------------------------

  async stat(uri: vscode.Uri): Promise<vscode.FileStat> {
    const key = uri.toString();
    const draft = this.cache.draft(key);
    if (draft) return { type: vscode.FileType.File, ctime: 0, mtime: 0, size: draft.byteLength };
    const entry = this.cache.get(key) ?? (await this.load(uri));
    const mtime = entry.justWritten?.mtime ?? (Date.parse(entry.resource.lastModified ?? '') || 0);
    const size = entry.justWritten?.size ?? entry.text.byteLength;
    return { type: vscode.FileType.File, ctime: Date.parse(entry.resource.createdAt ?? '') || mtime, mtime, size };
  }

  async readFile(uri: vscode.Uri): Promise<Uint8Array> {
    const draft = this.cache.draft(uri.toString());
    if (draft) return draft;
    const saved = this.cache.get(uri.toString());
    if (saved?.fresh) {
      // The re-read after a save: the PUT's answer is what the server stored; no second GET.
      saved.fresh = false;
      return saved.text;
    }
    return (await this.load(uri)).text;
  }

  /** The server's current version of a resource as document text (for diffs). */
  async remoteText(uri: vscode.Uri): Promise<string> {
    const { env, ref } = this.resolve(uri);
    const client = await this.environments.client(env);
    return toDocumentText(ref.kind, await RESOURCE_KINDS[ref.kind].collection(client).get(ref.id));
  }

  /** A new, unsaved resource document with the given starting text. */
  createDraft(uri: vscode.Uri, text: string): void {
    this.cache.setDraft(uri.toString(), this.encoder.encode(text));
  }

  // Writing --------------------------------------------------------------------------------

  writeFile(uri: vscode.Uri, content: Uint8Array): Promise<void> {
    if (this.intent.takeIsAutomatic(uri)) {
      this.autoSavesRefused++;
      const env = this.environments.get(parseResourceUri(uri)?.envId ?? '');
      this.log.info(`Auto-save of ${fileNameOf(uri)} not deployed; it deploys on an explicit save.`);
      return Promise.reject(
        new UnsaveableDocumentError(
          `Not deployed: auto-save never deploys to integrator.io. Your edit stays here; save it yourself (Ctrl+S / ⌘S) to deploy it${env ? ` to "${env.name}"` : ''}.`,
        ),
      );
    }
    if (agentEdits.has(uri.toString())) return this.agreedAgentEdit(uri).then(() => this.queue.enqueue(uri.toString(), content));
    return this.queue.enqueue(uri.toString(), content);
  }

  /** An agent's edit deploys only once a person says so here, however the save was started (agentEdits.ts). */
  private async agreedAgentEdit(uri: vscode.Uri): Promise<void> {
    const env = this.environments.get(parseResourceUri(uri)?.envId ?? '');
    // Names are anyone's text: quoted on one line and cut, so a name cannot restate what is asked.
    const where = env ? `${env.production ? 'the PRODUCTION environment' : 'the environment'} ${quotedName(env.name)}` : 'integrator.io';
    const deploy: vscode.MessageItem = { title: 'Deploy the Edit' };
    const answer = await askModal(
      `${env?.production ? 'PRODUCTION: ' : ''}Deploy an agent's edit of ${quotedName(fileNameOf(uri))} to ${where}?`,
      'An agent changed this document. Review the change (Compare with the account) before it reaches integrator.io.',
      deploy,
      { title: 'Not Now', isCloseAffordance: true },
    );
    if (answer !== deploy) {
      this.log.info(`The agent's edit of ${fileNameOf(uri)} was not deployed: it waits for the user's review.`);
      throw new UnsaveableDocumentError(`Not deployed: an agent's edit waits for your review. It stays here; save it again to be asked.`);
    }
    agentEdits.clear(uri.toString());
  }

  private async save(uri: vscode.Uri, content: Uint8Array): Promise<void> {
    const { env, ref } = this.resolve(uri);
    const text = this.decoder.decode(content);
    const info = RESOURCE_KINDS[ref.kind];
    this.problems.clear(uri);
    try {
      const body = ref.kind === 'scripts' ? undefined : parseResourceText(text);
      const opened = isDraft(ref) ? undefined : this.cache.get(uri.toString())?.resource;
      const masked = body ? masksWithoutSecret(body, opened) : [];
      if (masked.length) {
        const where = isDraft(ref) ? `a new ${info.singular} has no stored secret` : 'they were not masked when you opened it';
        throw new UnsaveableDocumentError(
          `Not saved: ${masked.join(', ')} ${masked.length === 1 ? 'holds' : 'hold'} "******", the API's mask for a secret, but ${where}, ` +
            'so there is no secret for the mask to keep. Type the real value, or remove the field.',
        );
      }
      const createdKey = isDraft(ref) ? this.cache.createdFrom(uri.toString()) : undefined;
      if (createdKey) {
        // Saved again before the draft's editor was replaced: update what it created, never
        // create twice. That save asks the production question itself, so it is asked once.
        return await this.save(vscode.Uri.parse(createdKey), content);
      }
      const preconfirmed = this.confirmed.delete(uri.toString());
      if (!preconfirmed && !(await confirmProductionChange(env, this.changeOf(uri, ref, text)))) {
        throw new UnsaveableDocumentError(`Not saved: saving to the production environment "${env.name}" was cancelled.`);
      }
      const client = await this.environments.client(env);
      const collection = info.collection(client);

      const unusable = isDraft(ref) ? this.cache.unusableCreation(uri.toString()) : undefined;
      if (unusable) throw new UnsaveableDocumentError(unusableIdMessage(info.singular, unusable));
      if (isDraft(ref)) {
        const created = await collection.create(ref.kind === 'scripts' ? { name: 'New script', content: text } : body!);
        if (!isAccountId(created._id)) {
          this.cache.createdUnusable(uri.toString(), created._id);
          throw new UnsaveableDocumentError(unusableIdMessage(info.singular, created._id));
        }
        const createdRef: ResourceRef = { ...ref, id: created._id };
        const createdUri = this.uriFor(env, createdRef, created);
        this.cache.draftCreated(uri.toString(), createdUri.toString(), content);
        this.remember(createdUri, ref.kind, created);
        this.log.info(`${env.name}: created ${info.singular} "${created.name ?? created._id}" (${created._id}).`);
        this.savedEmitter.fire({ env, ref: createdRef, resource: created, draftUri: uri, createdUri });
        return;
      }

      // Conflict check: has anyone changed it since this version was opened?
      const current = await collection.get(ref.id);
      const baseline = this.cache.get(uri.toString())?.baseline;
      if (baseline !== undefined && current.lastModified !== baseline && !this.conflicts.takeOverwrite(uri)) {
        const who = await this.conflicts.whoChanged(client, ref);
        this.conflicts.notify(uri, info.singular, who, current.lastModified);
        throw new UnsaveableDocumentError(
          `Not saved: this ${info.singular} was changed by ${who} at ${formatTime(current.lastModified, 'an unknown time')} since you opened it. ` +
            'Use Compare or Overwrite in the notification.',
        );
      }

      const document = ref.kind === 'scripts' ? { ...current, content: text } : body!;
      const stored = await collection.update(ref.id, document);
      const entry = this.remember(uri, ref.kind, stored);
      this.reloadAfterSave(uri, entry, content.byteLength);
      this.log.info(`${env.name}: saved ${info.singular} "${stored.name ?? stored._id}" (lastModified ${stored.lastModified ?? '?'}).`);
      this.savedEmitter.fire({ env, ref, resource: stored });
    } catch (err) {
      throw this.saveError(err, env, info.singular, { uri, text });
    }
  }

  // Helpers --------------------------------------------------------------------------------

  private async load(uri: vscode.Uri) {
    const { env, ref } = this.resolve(uri);
    if (isDraft(ref)) {
      // No draft of that name here (gone with a reload), or an account's resource whose id looks like one.
      throw new Error(
        `Cannot open ${RESOURCE_KINDS[ref.kind].singular} "${displayText(ref.id)}": an id starting with "${DRAFT_PREFIX}" names an unsaved draft, ` +
          'which lasts until it is saved or the window reloads. A resource of the account with such an id cannot be opened here: open it in integrator.io.',
      );
    }
    try {
      const client = await this.environments.client(env);
      const resource = await RESOURCE_KINDS[ref.kind].collection(client).get(ref.id);
      return this.remember(uri, ref.kind, resource);
    } catch (err) {
      if (err instanceof IntegratorApiError && err.isNotFound) throw vscode.FileSystemError.FileNotFound(uri);
      throw new Error(`Could not open ${RESOURCE_KINDS[ref.kind].singular} ${ref.id} from "${env.name}": ${describeError(err)}`);
    }
  }

  /**
   * The editor must end up holding exactly what the server stored (its new `lastModified`
   * included). VS Code stats the file right after writing it: report the written text then.
   * Once VS Code has finished the save (`onDidSaveTextDocument`), report the stored version and
   * signal a change, so that it reads it. Waiting for that event, not for a timer, matters: on a
   * busy machine VS Code's own stat could come after a timer, see the stored version's mtime
   * already, and never re-read. Writes that no editor makes (no save event) get the change after
   * a moment instead.
   */
  private reloadAfterSave(uri: vscode.Uri, entry: CachedResource, writtenSize: number): void {
    entry.justWritten = { mtime: (Date.parse(entry.resource.lastModified ?? '') || Date.now()) - 1, size: writtenSize };
    entry.fresh = true;
    const key = uri.toString();
    let done = false;
    const reload = () => {
      if (done) return;
      done = true;
      subscription.dispose();
      clearTimeout(fallback);
      entry.justWritten = undefined;
      this.changeEmitter.fire([{ type: vscode.FileChangeType.Changed, uri }]);
    };
    const subscription = vscode.workspace.onDidSaveTextDocument((document) => {
      if (document.uri.toString() === key) reload();
    });
    const fallback = setTimeout(reload, RELOAD_FALLBACK_MS);
  }

  private remember(uri: vscode.Uri, kind: ResourceRef['kind'], resource: ResourceBase): CachedResource {
    const entry: CachedResource = { resource, text: this.encoder.encode(toDocumentText(kind, resource)), baseline: resource.lastModified };
    this.cache.set(uri.toString(), entry);
    return entry;
  }

  private resolve(uri: vscode.Uri): { env: EnvironmentInfo; ref: ResourceRef } {
    const ref = parseResourceUri(uri);
    if (!ref) throw vscode.FileSystemError.FileNotFound(uri);
    const env = this.environments.get(ref.envId);
    if (!env)
      throw new Error(`The environment of this document was removed from VS Code. Add it again to open or save ${fileNameOf(uri)}.`);
    return { env, ref };
  }

  /** An error whose message says what happened and keeps field errors with their fields. */
  private saveError(err: unknown, env: EnvironmentInfo, singular: string, saved: { uri: vscode.Uri; text: string }): Error {
    if (err instanceof UnsaveableDocumentError) {
      this.log.warn(`${env.name}: ${err.message}`);
      return err;
    }
    let message: string;
    if (err instanceof IntegratorApiError && err.status >= 400 && err.status < 500 && !err.isUnauthorized && err.status !== 429) {
      // Each error goes on its field's line (Problems view); the message stays short.
      const lines = err.errors.map((e) => (e.field ? `${e.field}: ${e.message}` : e.message));
      const placed = this.problems.show(saved.uri, saved.text, err.errors, err.status);
      // VS Code wraps this in its own save-failure notice: short when the document shows the detail.
      const detail = placed
        ? `${placed === 1 ? 'The field it named is' : `The ${placed} fields it named are`} marked in the document (Problems view).`
        : `${lines.slice(0, 2).join('; ')}${lines.length > 2 ? ` (and ${lines.length - 2} more)` : ''}`;
      message = `Not saved: the API refused the ${singular} (${err.status}). ${detail}`;
      this.log.error(`${env.name}: saving a ${singular} failed`, `${err.status}: ${lines.join('; ')}`);
      return new UnsaveableDocumentError(message);
    } else {
      message = `Not saved: ${describeError(err)}`;
    }
    this.log.error(`${env.name}: saving a ${singular} failed`, message);
    return new Error(message);
  }

  dispose(): void {
    this.problems.dispose();
    this.intent.dispose();
    this.changeEmitter.dispose();
    this.savedEmitter.dispose();
  }
}

/** Why a draft created with an id no document can have is neither opened nor created again. */
function unusableIdMessage(singular: string, id: string): string {
  return (
    `integrator.io created this ${singular} with the id "${displayText(id)}", which starts like a draft's ("${DRAFT_PREFIX}"), ` +
    'so it cannot be opened or saved here: edit it in integrator.io. Saving this draft again does not create it a second time.'
  );
}
