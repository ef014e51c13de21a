/**
 * The script's world inside QuickJS, as JavaScript source evaluated in each new context before
 * the script (quickjsSandbox.ts). Everything the script can touch is made here, inside the
 * sandbox: `console`, the `integrator-api` module, `__require`/`__default` for the rewritten
 * imports (scriptSource.ts). Nothing of the host is handed in but one function, `__callApi`,
 * which takes and returns JSON text; the world takes it off the global object before the script
 * runs. Values cross out only as JSON text, made with the JSON functions captured here before the
 * script could replace them.
 *
 * The source evaluates to the object the host drives the run with: `define` (a module's exports,
 * from its source), `run` (the function, called on options given as JSON text), `logs` and
 * `describe` (an error as JSON text).
 */
import { API_CALLS } from './integratorApiShim';

/** Console output kept per run: enough for any real debugging, bounded so a loop of logs cannot fill the host. */
export const MAX_LOG_LINES = 10_000;
export const MAX_LOG_CHARS = 4_000_000;

export const MODULE_NAMES = ['integrator-api', 'dayjs', 'sjcl'] as const;

export const WORLD_SOURCE = `(function () {
  'use strict';
  var g = globalThis;
  var callApi = g.__callApi;
  delete g.__callApi;
  var parse = JSON.parse;
  var stringify = JSON.stringify;
  var now = Date.now;
  var started = now();
  var hasOwn = Object.prototype.hasOwnProperty;

  var logs = [];
  var logChars = 0;
  function text(value) {
    if (typeof value === 'string') return value;
    try {
      var json = stringify(value);
      return json === undefined ? String(value) : json;
    } catch (e) {
      return String(value);
    }
  }
  function logger(level) {
    return function () {
      if (logs.length > ${MAX_LOG_LINES} || logChars > ${MAX_LOG_CHARS}) return;
      var parts = [];
      for (var i = 0; i < arguments.length; i++) parts[i] = text(arguments[i]);
      var line = parts.join(' ');
      logChars += line.length;
      logs[logs.length] =
        logs.length === ${MAX_LOG_LINES} || logChars > ${MAX_LOG_CHARS}
          ? { level: 'warn', text: '(more console output was not kept)', atMs: now() - started }
          : { level: level, text: line, atMs: now() - started };
    };
  }
  g.console = { log: logger('log'), debug: logger('debug'), info: logger('info'), warn: logger('warn'), error: logger('error') };

  var api = {};
  ${JSON.stringify(API_CALLS)}.forEach(function (path) {
    var parts = path.split('.');
    api[parts[0]] = api[parts[0]] || {};
    api[parts[0]][parts[1]] = function () {
      var args = [];
      for (var i = 0; i < arguments.length; i++) args[i] = arguments[i];
      var answer = parse(callApi(stringify({ path: path, args: args })));
      if (hasOwn.call(answer, 'error')) throw new Error(answer.error);
      return answer.result;
    };
  });

  var modules = { 'integrator-api': api };
  var known = ${JSON.stringify(MODULE_NAMES)};
  g.__require = function (name) {
    if (hasOwn.call(modules, name)) return modules[name];
    if (known.indexOf(name) >= 0) throw new Error("Module '" + name + "' is loaded for scripts that import it by name.");
    throw new Error("Cannot find module '" + name + "': integrator.io scripts can import only " + known.join(', ') + '.');
  };
  g.__default = function (module) {
    return module && module['default'] !== undefined ? module['default'] : module;
  };

  return {
    define: function (name, exported) {
      modules[name] = exported;
    },
    run: function (name, optionsJson) {
      var fn = g[name];
      if (typeof fn !== 'function') return stringify({ missing: true });
      var value = fn(parse(optionsJson));
      return value === undefined ? '{}' : stringify({ value: value });
    },
    logs: function () {
      return stringify(logs);
    },
    describe: function (e) {
      var name = 'Error';
      var message;
      var stack = '';
      try {
        if (e !== null && typeof e === 'object' && typeof e.name === 'string') name = e.name;
        if (e !== null && typeof e === 'object' && typeof e.message === 'string') message = e.message;
        if (e !== null && typeof e === 'object' && typeof e.stack === 'string') stack = e.stack;
      } catch (x) {
        /* a getter that throws: what was read so far */
      }
      return stringify({ name: name, message: message, stack: stack, thrown: message === undefined ? text(e) : undefined });
    },
  };
})()`;

/** How a module's source is evaluated: as CommonJS, its exports the value of the evaluation. */
export function moduleWrapper(source: string): string {
  return `(function () { var module = { exports: {} }; var exports = module.exports;\n${source}\n;return module.exports; })()`;
}
