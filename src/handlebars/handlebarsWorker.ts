/**
 * The thread templates are rendered and checked in (workerClient.ts starts it): a runaway
 * template, or a regular expression that backtracks for ever inside a regex helper, ends this
 * thread at the time limit, never the extension host or the command line.
 */
import { parentPort } from 'worker_threads';
import { analyse } from './analysis';
import { render } from './engine';
import { WorkerRequest, WorkerResponse } from './workerProtocol';

parentPort?.on('message', (request: WorkerRequest) => {
  let response: WorkerResponse;
  try {
    response = {
      id: request.id,
      kind: 'answer',
      ...(request.render ? { render: render(request.template, request.context, { escape: request.escape }) } : {}),
      ...(request.analyse ? { findings: analyse(request.template, { kind: request.kind, context: request.context }) } : {}),
    };
  } catch (err) {
    response = { id: request.id, kind: 'failure', failure: err instanceof Error ? err.message : String(err) };
  }
  parentPort?.postMessage(response);
});
