/**
 * The retry data of one error as a JSON document whose save writes it back
 * (`PUT /flows/:flowId/:stepId/:retryDataKey/data`), so a record can be fixed before a retry:
 *
 *   integrator-io-retry://<environment id>/<flow id>/<step id>/<retryDataKey>/<step – error code>.retrydata.json
 */
import vscode = require('vscode');
import { EnvironmentStore } from '../environments/environmentStore';
import { confirmProductionChange } from '../environments/productionGuard';
import { describeError } from '../util/errors';
import { Logger } from '../util/logger';
import { parseResourceText, UnsaveableDocumentError } from './documentText';
import { FlatFileSystem } from './flatFileSystem';
import { SaveIntent } from './saveIntent';
import { parseRetryDataUri, RETRY_DATA_SCHEME } from '../identity';

export class RetryDataFileSystem extends FlatFileSystem implements vscode.FileSystemProvider {
  private readonly emitter = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.emitter.event;
  private readonly sizes = new Map<string, number>();
  private readonly intent = new SaveIntent(RETRY_DATA_SCHEME);

  constructor(
    private readonly environments: EnvironmentStore,
    private readonly log: Logger,
  ) {
    super();
  }

  dispose(): void {
    this.intent.dispose();
    this.emitter.dispose();
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
    this.log.debug(`Saving retry data ${uri.path}.`);
    if (this.intent.takeIsAutomatic(uri)) {
      throw new UnsaveableDocumentError('Not saved: auto-save never writes retry data to integrator.io. Save it yourself (Ctrl+S / ⌘S).');
    }
    const body = parseResourceText(new TextDecoder().decode(content));
    const { env, client, flowId, stepId, key } = await this.resolve(uri);
    if (!(await confirmProductionChange(env, { action: 'save retry data', what: `the retry data of error ${key}` }))) {
      throw new UnsaveableDocumentError(`Not saved: saving retry data to the production environment "${env.name}" was cancelled.`);
    }
    try {
      // The document is sent back as it is: `data` is whatever it holds now (absent stays absent).
      await client.errors.updateRetryData(flowId, stepId, key, { ...body, data: body.data });
    } catch (err) {
      throw new Error(`Retry data not saved: ${describeError(err)}`);
    }
    this.sizes.set(uri.toString(), content.byteLength);
  }

  private async resolve(uri: vscode.Uri) {
    const ref = parseRetryDataUri(uri);
    const env = ref && this.environments.get(ref.envId);
    if (!ref || !env) throw vscode.FileSystemError.FileNotFound(uri);
    return { env, client: await this.environments.client(env), flowId: ref.flowId, stepId: ref.stepId, key: ref.retryDataKey };
  }
}
