/**
 * The retry data of one error as a JSON document whose save writes it back
 * (`PUT /flows/:flowId/:stepId/:retryDataKey/data`), so a record can be fixed before a retry:
 *
 *   integrator-io-retry://<environment id>/<flow id>/<step id>/<retryDataKey>.retrydata.json
 */
import * as vscode from 'vscode';
import { EnvironmentStore } from '../environments/environmentStore';
import { describeError } from '../util/errors';
import { parseResourceText } from './documentText';
import { FlatFileSystem } from './flatFileSystem';

export const RETRY_DATA_SCHEME = 'integrator-io-retry';

export function retryDataUri(envId: string, flowId: string, stepId: string, retryDataKey: string): vscode.Uri {
  return vscode.Uri.from({ scheme: RETRY_DATA_SCHEME, authority: envId, path: `/${flowId}/${stepId}/${retryDataKey}.retrydata.json` });
}

export class RetryDataFileSystem extends FlatFileSystem implements vscode.FileSystemProvider {
  private readonly emitter = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.emitter.event;
  private readonly sizes = new Map<string, number>();

  constructor(private readonly environments: EnvironmentStore) {
    super();
  }

  stat(uri: vscode.Uri): vscode.FileStat {
    return { type: vscode.FileType.File, ctime: 0, mtime: 0, size: this.sizes.get(uri.toString()) ?? 0 };
  }

  async readFile(uri: vscode.Uri): Promise<Uint8Array> {
    const { client, flowId, stepId, key } = await this.resolve(uri);
    const data = await client.errors.getRetryData(flowId, stepId, key);
    const bytes = new TextEncoder().encode(`${JSON.stringify(data, null, 2)}\n`);
    this.sizes.set(uri.toString(), bytes.byteLength);
    return bytes;
  }

  async writeFile(uri: vscode.Uri, content: Uint8Array): Promise<void> {
    const body = parseResourceText(new TextDecoder().decode(content));
    const { client, flowId, stepId, key } = await this.resolve(uri);
    try {
      await client.errors.updateRetryData(flowId, stepId, key, body as { data: unknown });
    } catch (err) {
      throw new Error(`Retry data not saved: ${describeError(err)}`);
    }
    this.sizes.set(uri.toString(), content.byteLength);
  }

  private async resolve(uri: vscode.Uri) {
    const [flowId, stepId, file] = uri.path.split('/').filter(Boolean);
    const env = this.environments.get(uri.authority);
    if (!env || !flowId || !stepId || !file) throw vscode.FileSystemError.FileNotFound(uri);
    return { client: await this.environments.client(env), flowId, stepId, key: file.replace(/\.retrydata\.json$/, '') };
  }
}
