/**
 * The program a Debug Hook session runs (dist/hookDebug.js, under VS Code's Node debugger): one
 * hook function on its sample, in this process so that the debugger's breakpoints in the script
 * file stop it, then the result written where the extension reads it.
 *
 *   node dist/hookDebug.js <request.json>
 *   request: { scriptFile, functionName, type, inputFile, resultFile }
 *
 * integrator-api calls are not answered while debugging (the extension's client is not in this
 * process): they throw a clear error.
 */
import * as fs from 'fs';
import { fillOptions, HookType } from './contracts';
import { executeHook } from './execute';
import { resultOf } from './runner';

interface DebugRequest {
  scriptFile: string;
  functionName: string;
  type: HookType;
  inputFile: string;
  resultFile: string;
}

function main(): void {
  const request = JSON.parse(fs.readFileSync(process.argv[2]!, 'utf8')) as DebugRequest;
  const started = performance.now();
  const { options, filled } = fillOptions(request.type, JSON.parse(fs.readFileSync(request.inputFile, 'utf8')) as unknown);
  const output = executeHook(
    { source: fs.readFileSync(request.scriptFile, 'utf8'), filename: request.scriptFile, functionName: request.functionName, options },
    (path) => {
      throw new Error(`integrator-api ${path} is not answered while debugging; use Run Hook… for runs that call the API`);
    },
  );
  const result = resultOf(request.type, options, filled, output, [], Math.round(performance.now() - started));
  fs.writeFileSync(request.resultFile, JSON.stringify(result));
}

main();
