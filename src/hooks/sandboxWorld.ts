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
import { MAX_ERROR_CHARS, MAX_LOG_CHARS, MAX_LOG_LINES, MAX_RESULT_CHARS } from './resultLimits';

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
  var toText = String;
  var create = Object.create;
  // Bound now: the script can replace String.prototype.slice and Function.prototype.call, not these.
  var sliceText = Function.prototype.call.bind(String.prototype.slice);

  // What the host reads is made only of these: entries without a prototype (so no toJSON the
  // script puts on Object.prototype is consulted) holding strings made by concatenation, whose
  // length the script cannot change. The host checks the length again before parsing.
  var logs = [];
  var logChars = 0;
  var logLines = 0;
  function text(value) {
    if (typeof value === 'string') return value;
    try {
      var json = stringify(value);
      return json === undefined ? '' + toText(value) : '' + json;
    } catch (e) {
      return '(a value that could not be written out)';
    }
  }
  function entry(level, line) {
    var e = create(null);
    e.level = level;
    e.text = line;
    e.atMs = now() - started;
    return e;
  }
  function logger(level) {
    return function () {
      if (logLines >= ${MAX_LOG_LINES} || logChars >= ${MAX_LOG_CHARS}) return;
      var line = '';
      for (var i = 0; i < arguments.length; i++) line += (i > 0 ? ' ' : '') + text(arguments[i]);
      var room = ${MAX_LOG_CHARS} - logChars;
      if (line.length > room) line = sliceText(line, 0, room);
      logChars += line.length;
      logLines += 1;
      logs[logs.length] = entry(level, line);
      if (logLines === ${MAX_LOG_LINES} || logChars >= ${MAX_LOG_CHARS}) logs[logs.length] = entry('warn', '(more console output was not kept)');
    };
  }
  function cut(value, max) {
    return value.length > max ? sliceText(value, 0, max) + '…' : value;
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
    // What the function returned, as one letter and text: 'V' and its JSON, 'U' for nothing
    // (undefined, or a value JSON leaves out), 'M' for no such function, 'L' and the length of a
    // JSON too long to hand over.
    run: function (name, optionsJson) {
      var fn = g[name];
      if (typeof fn !== 'function') return 'M';
      var json = stringify(fn(parse(optionsJson)));
      if (typeof json !== 'string') return 'U';
      return json.length > ${MAX_RESULT_CHARS} ? 'L' + json.length : 'V' + json;
    },
    // Written out entry by entry: an Array.prototype.toJSON the script set is never consulted.
    logs: function () {
      var json = '[';
      for (var i = 0; i < logs.length; i++) json += (i > 0 ? ',' : '') + stringify(logs[i]);
      return json + ']';
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
      var described = create(null);
      described.name = cut('' + name, 200);
      described.stack = cut('' + stack, ${MAX_ERROR_CHARS});
      if (message === undefined) described.thrown = cut(text(e), ${MAX_ERROR_CHARS});
      else described.message = cut('' + message, ${MAX_ERROR_CHARS});
      return stringify(described);
    },
  };
})()`;

/** How a module's source is evaluated: as CommonJS, its exports the value of the evaluation. */
export function moduleWrapper(source: string): string {
  return `(function () { var module = { exports: {} }; var exports = module.exports;\n${source}\n;return module.exports; })()`;
}
