/** What the template worker is asked and answers (handlebarsWorker.ts, workerClient.ts). */
import type { Finding } from './analysis';
import type { EscapeMode, RenderResult } from './engine';
import type { TemplateKind } from './templateContext';

export interface WorkerRequest {
  id: number;
  template: string;
  context: unknown;
  escape?: EscapeMode;
  kind?: TemplateKind;
  render?: boolean;
  analyse?: boolean;
}

export interface WorkerResponse {
  id: number;
  render?: RenderResult;
  findings?: Finding[];
  /** The worker failed in a way the engine did not turn into a problem. */
  failure?: string;
}
