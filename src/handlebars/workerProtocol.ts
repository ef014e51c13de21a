/** What the template worker is asked and answers (handlebarsWorker.ts, workerClient.ts). */
import { isJsonObject } from '../api/types';
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

export type WorkerResponse =
  | { id: number; kind: 'answer'; render?: RenderResult; findings?: Finding[] }
  /** The worker failed in a way the engine did not turn into a problem. */
  | { id: number; kind: 'failure'; failure: string };

/** The worker's answer to request `id`: a message between threads arrives untyped, so its kind is checked. */
export function isResponseTo(message: unknown, id: number): message is WorkerResponse {
  if (!isJsonObject(message) || message.id !== id) return false;
  return message.kind === 'answer' || (message.kind === 'failure' && typeof message.failure === 'string');
}
