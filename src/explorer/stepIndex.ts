/**
 * Names and types of an environment's exports and imports, fetched once as two lists (with a
 * small projection) so that flow steps can be labelled without one request per step.
 */
import { IntegratorClient } from '../api';

export interface StepInfo {
  name: string;
  adaptorType?: string;
  isLookup?: boolean;
  _connectionId?: string;
}

export class StepIndex {
  private loading: Promise<Map<string, StepInfo>> | undefined;

  constructor(private readonly client: () => Promise<IntegratorClient>) {}

  get(): Promise<Map<string, StepInfo>> {
    this.loading ??= this.load().catch((err: unknown) => {
      this.loading = undefined;
      throw err;
    });
    return this.loading;
  }

  reset(): void {
    this.loading = undefined;
  }

  private async load(): Promise<Map<string, StepInfo>> {
    const client = await this.client();
    const fields = ['adaptorType', 'isLookup', '_connectionId'];
    const [exports, imports] = await Promise.all([
      client.exports.listAll({ include: fields, limit: 1000 }),
      client.imports.listAll({ include: fields, limit: 1000 }),
    ]);
    const index = new Map<string, StepInfo>();
    for (const doc of [...exports, ...imports]) {
      const info: StepInfo = { name: doc.name ?? doc._id };
      if (doc.adaptorType) info.adaptorType = doc.adaptorType;
      if (doc.isLookup) info.isLookup = true;
      if (doc._connectionId) info._connectionId = doc._connectionId;
      index.set(doc._id, info);
    }
    return index;
  }
}
