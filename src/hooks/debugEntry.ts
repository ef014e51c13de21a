/**
 * The program a Debug Hook session runs (dist/hookDebug.js, under VS Code's Node debugger): one
 * hook function on its sample, in this process so that the debugger's breakpoints in the script
 * file stop it, then the result written where the extension reads it.
 *
 *   node dist/hookDebug.js <request.json>
 *   request: { scriptFile, functionName, type, inputFile, resultFile, memoryLimitMb?, bridge?: { url, secret } }
 *
 * The script runs in a Hardened JavaScript compartment (sesSandbox.ts). The process itself is
 * fenced by how the extension starts it (debugLaunch.ts): no environment of the host, a heap
 * limit; and by a watch on its memory (memoryWatch.ts), which holds under the debugger too. integrator-api calls go to the extension's bridge (apiBridge.ts), synchronously for the
 * script (syncCall.ts); without a bridge they fail with the reason.
 */
import * as fs from 'fs';
import * as path from 'path';
import { field } from '../api/types';
import { fillOptions, HookType, isHookType } from './contracts';
import { DEFAULT_MEMORY_LIMIT_MB } from './debugLaunch';
import { MEMORY_NOTE, watchMemory } from './memoryWatch';
import { CallLog } from './callLog';
import { resultOf } from './runner';
import { runtimeSources } from './runtimeSources';
import { runInCompartment } from './sesSandbox';
import { syncBridgeCaller } from './syncCall';

interface DebugRequest {
  scriptFile: string;
  functionName: string;
  type: HookType;
  inputFile: string;
  resultFile: string;
  memoryLimitMb?: number;
  bridge?: { url: string; secret: string };
}

/** The request file, checked: it crosses from the extension to this process. */
function requestOf(value: unknown): DebugRequest {
  const text = (key: string): string => {
    const found = field(value, key);
    if (typeof found !== 'string') throw new Error(`The debug request has no ${key}.`);
    return found;
  };
  const type = text('type');
  if (!isHookType(type)) throw new Error(`The debug request names no hook type it knows: ${type}.`);
  const memoryLimitMb = field(value, 'memoryLimitMb');
  const bridge = field(value, 'bridge');
  const url = field(bridge, 'url');
  const secret = field(bridge, 'secret');
  return {
    scriptFile: text('scriptFile'),
    functionName: text('functionName'),
    type,
    inputFile: text('inputFile'),
    resultFile: text('resultFile'),
    ...(typeof memoryLimitMb === 'number' ? { memoryLimitMb } : {}),
    ...(typeof url === 'string' && typeof secret === 'string' ? { bridge: { url, secret } } : {}),
  };
}

function main(): void {
  const request = requestOf(JSON.parse(fs.readFileSync(process.argv[2]!, 'utf8')));
  const stopWatch = watchMemory(request.memoryLimitMb ?? DEFAULT_MEMORY_LIMIT_MB, path.join(path.dirname(request.resultFile), MEMORY_NOTE));
  const started = performance.now();
  const { options, filled } = fillOptions(request.type, JSON.parse(fs.readFileSync(request.inputFile, 'utf8')));
  const bridge = request.bridge && syncBridgeCaller(request.bridge);
  const calls = new CallLog();
  const output = runInCompartment({
    source: fs.readFileSync(request.scriptFile, 'utf8'),
    filename: request.scriptFile,
    functionName: request.functionName,
    optionsJson: JSON.stringify(options),
    modules: runtimeSources(),
    callHost: (path, args) => {
      if (!bridge) throw new Error(`integrator-api ${path}: this debug run has no environment to call`);
      const admitted = calls.admit();
      if (!admitted.ok) throw new Error(admitted.error);
      const callStarted = performance.now();
      try {
        const result = bridge(path, args);
        calls.record({ path, ms: Math.round(performance.now() - callStarted) });
        return result;
      } catch (err) {
        calls.record({ path, ms: Math.round(performance.now() - callStarted), error: err instanceof Error ? err.message : String(err) });
        throw err;
      }
    },
  });
  const result = resultOf(request.type, options, filled, output, calls.list(), Math.round(performance.now() - started));
  // A new file only: the folder is the run's own (hookDebugSession.ts), and nothing may be there yet.
  fs.writeFileSync(request.resultFile, JSON.stringify(result), { flag: 'wx', mode: 0o600 });
  stopWatch();
  // Promise callbacks the script queued would otherwise run on, with no time limit, and keep the
  // debug session open after the result is written.
  process.exit(0);
}

main();
