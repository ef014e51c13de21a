/**
 * What a resource document's Handlebars templates render with: the context of the place they are
 * used (src/handlebars/templateContext.ts) filled with a sample. An import's or a lookup's sample
 * comes from where the mapping preview takes it (the first page of the flow's source export); the
 * records the user edits in the playground replace it for that resource. The connection is read
 * as the API returns it, secrets masked. Read once per resource and kept for a minute.
 */
import vscode = require('vscode');
import { EnvironmentStore } from '../environments/environmentStore';
import { kindOf, templateContext, TemplateKind } from '../handlebars/templateContext';
import { isJsonObject } from '../api/types';
import { sampleFor } from '../model/sampleRecords';
import { parseResourceUri } from '../identity';

export interface TemplateSetting {
  kind: TemplateKind;
  context: Record<string, unknown>;
  records: unknown[];
  /** Where the records came from: an export's name, "the playground", or none for the example. */
  from?: string;
}

const KEEP_MS = 60_000;

interface Loaded {
  records: unknown[];
  from?: string;
  connection?: Record<string, unknown>;
}

export class TemplateSamples {
  private readonly loaded = new Map<string, { at: number; value: Promise<Loaded> }>();
  private readonly edited = new Map<string, unknown[]>();

  constructor(private readonly environments: EnvironmentStore) {}

  /** The setting of a document's templates; undefined for documents that are not exports or imports. */
  async settingFor(document: vscode.TextDocument): Promise<TemplateSetting | undefined> {
    const ref = parseResourceUri(document.uri);
    const resourceKind = ref?.kind;
    if (!ref || (resourceKind !== 'exports' && resourceKind !== 'imports')) return undefined;
    const env = this.environments.get(ref.envId);
    if (!env) return undefined;
    let resource: Record<string, unknown> = {};
    try {
      const parsed: unknown = JSON.parse(document.getText());
      if (isJsonObject(parsed)) resource = parsed;
    } catch {
      // A document mid-edit: the templates still render with what is known.
    }
    const kind = kindOf(resourceKind, resource);
    const key = `${ref.envId}:${ref.kind}:${ref.id}`;
    const connectionId = typeof resource._connectionId === 'string' ? resource._connectionId : undefined;
    const loaded = await this.load(`${key}:${connectionId ?? ''}`, async () => {
      const client = await this.environments.client(env);
      const [sample, connection] = await Promise.all([
        kind === 'export' ? Promise.resolve({ records: [] }) : sampleFor(client, resourceKind, ref.id),
        connectionId ? client.connections.get(connectionId).catch(() => undefined) : Promise.resolve(undefined),
      ]);
      return { ...sample, ...(connection ? { connection: connection } : {}) };
    });
    const edited = this.edited.get(key);
    const records = edited ?? loaded.records;
    return {
      kind,
      records,
      ...(edited ? { from: 'the playground' } : loaded.from ? { from: loaded.from } : {}),
      context: templateContext({ kind, records, resource, ...(loaded.connection ? { connection: loaded.connection } : {}) }),
    };
  }

  /** The records the user set in the playground, for this resource's templates from now on. */
  useRecords(uri: vscode.Uri, records: unknown[]): void {
    const ref = parseResourceUri(uri);
    if (ref) this.edited.set(`${ref.envId}:${ref.kind}:${ref.id}`, records);
  }

  private load(key: string, read: () => Promise<Loaded>): Promise<Loaded> {
    const kept = this.loaded.get(key);
    if (kept && Date.now() - kept.at < KEEP_MS) return kept.value;
    const value = read().catch((err: unknown) => {
      this.loaded.delete(key);
      throw err;
    });
    this.loaded.set(key, { at: Date.now(), value });
    return value;
  }
}
