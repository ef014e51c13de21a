/**
 * The script's world in the Debug Hook compartment (sesSandbox.ts), as source text evaluated
 * inside the compartment: `console`, the loader of the three runtime modules, the
 * `integrator-api` module, and the call of the hook function. Everything the script can touch is
 * made here, by code running in the compartment; the host hands in only text and one hardened
 * function that takes and returns JSON text (the integrator-api calls).
 *
 * The intrinsics are frozen by lockdown(), but the compartment's global object is the script's
 * to change: what this code needs from it (JSON, Date) is taken before the script runs.
 */
import { API_CALLS } from './integratorApiShim';
import { MAX_ERROR_CHARS, MAX_LOG_CHARS, MAX_LOG_LINES, MAX_RESULT_CHARS } from './resultLimits';

export const RUNTIME_MODULES = ['integrator-api', 'dayjs', 'sjcl'] as const;

/**
 * Evaluates to `(hostCall, factories) => world`:
 * - hostCall(path, argsJson) → '{"result":…}' or '{"error":"…"}';
 * - factories: `(module, exports) => void` per runtime module, compiled in the compartment from its source;
 * - world: { globals, hook(fn), run(optionsJson) → outputJson }.
 */
export const WORLD_SOURCE = `(function makeWorld(hostCall, factories) {
  const stringify = JSON.stringify;
  const parse = JSON.parse;
  const now = Date.now;
  const toText = String;
  const MakeError = Error;
  const hasOwn = Object.prototype.hasOwnProperty;
  const own = (object, key) => hasOwn.call(object, key);
  const started = now();
  const logs = [];
  const text = (value) => {
    if (typeof value === 'string') return value;
    try {
      const json = stringify(value);
      return json === undefined ? toText(value) : json;
    } catch {
      return toText(value);
    }
  };
  // Bounded as in Run Hook… (sandboxWorld.ts): a loop of logs cannot fill the host.
  let logChars = 0;
  const log = (level) => (...args) => {
    if (logs.length >= ${MAX_LOG_LINES} || logChars >= ${MAX_LOG_CHARS}) return;
    const line = args.map(text).join(' ').slice(0, ${MAX_LOG_CHARS} - logChars);
    logChars += line.length;
    logs.push({ level, text: line, atMs: now() - started });
    if (logs.length === ${MAX_LOG_LINES} || logChars >= ${MAX_LOG_CHARS}) logs.push({ level: 'warn', text: '(more console output was not kept)', atMs: now() - started });
  };
  const cut = (value) => (value.length > ${MAX_ERROR_CHARS} ? value.slice(0, ${MAX_ERROR_CHARS}) + '…' : value);
  const console = { log: log('log'), debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') };

  const api = {};
  for (const path of ${JSON.stringify(API_CALLS)}) {
    const [group, name] = path.split('.');
    api[group] = api[group] || {};
    api[group][name] = (...args) => {
      const answer = parse(hostCall(path, stringify(args)));
      if (answer.error !== undefined) throw new MakeError(answer.error);
      return answer.result;
    };
  }
  const loaded = { 'integrator-api': api };
  const require = (name) => {
    if (own(loaded, name)) return loaded[name];
    const factory = factories[name];
    if (!own(factories, name) || typeof factory !== 'function')
      throw new MakeError("Cannot find module '" + name + "': integrator.io scripts can import only ${RUNTIME_MODULES.join(', ')}.");
    const module = { exports: {} };
    factory(module, module.exports);
    loaded[name] = module.exports;
    return module.exports;
  };

  let hookFunction;
  // Each property read once, kept only if it is a string: a getter may answer a string to the
  // check and an object to the use.
  const stringAt = (err, key) => {
    if (err === null || typeof err !== 'object') return undefined;
    const value = err[key];
    return typeof value === 'string' ? value : undefined;
  };
  const describe = (err) => {
    const name = stringAt(err, 'name') ?? 'Error';
    const message = stringAt(err, 'message');
    const stack = stringAt(err, 'stack') ?? '';
    return { ok: false, error: cut(message === undefined ? 'Thrown: ' + text(err) : name + ': ' + message), stack: cut(stack) };
  };
  return {
    globals: { console, __require: require, __default: (module) => (module && module.default) || module },
    hook: (fn) => {
      hookFunction = fn;
    },
    run: (optionsJson) => {
      let output;
      try {
        if (typeof hookFunction !== 'function') return stringify({ ok: false, missing: true, logs });
        const result = hookFunction(parse(optionsJson));
        // What the server receives is data: the result as JSON would carry it.
        const json = result === undefined ? undefined : stringify(result);
        output = typeof json === 'string' && json.length > ${MAX_RESULT_CHARS} ? { ok: false, tooLarge: json.length, stack: '' } : { ok: true, resultJson: json };
      } catch (err) {
        try {
          output = describe(err);
        } catch {
          output = { ok: false, error: 'Thrown: a value that could not be read', stack: '' };
        }
      }
      output.logs = logs;
      return stringify(output);
    },
  };
})`;
