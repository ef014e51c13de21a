/**
 * The escape suite for hook scripts, shared by every way a hook runs (Run Hook… and the CLI in
 * QuickJS, Debug Hook… under SES): each case is a script an attacker could put in a shared
 * account, and a check on the run's HookResult. A case proves two things: the attempt ran (the
 * script records every probe it made, with what it found or the error it got, and returns that
 * record) and it found nothing of the host (no probe saw `process`, `require`, a Node module or
 * a global that has them; the token canary, /etc/passwd's text, the marker file a started process
 * would create and a connection to the test's socket never appear).
 *
 * The scripts are engine-agnostic: they never assume which engine runs them, only record what
 * each attempt gave. They avoid text that SES refuses to evaluate (`import(` is only in the case
 * that tries it, whose check accepts a refusal), so the same cases run under QuickJS and SES.
 */
import * as assert from 'assert';
import { existsSync } from 'fs';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';
import type { HookResult } from '../../src/hooks/runner';

/** Put in INTEGRATOR_IO_TOKEN (and the environment) by the tests: it must never come out of a run. */
export const TOKEN_CANARY = 'canary-token-7f3e9b2c41d8';

/** What a test prepares for the cases: a file a started process would create, a socket that counts connections. */
export interface EscapeWorld {
  markerFile: string;
  socketPort: number;
  connections(): number;
  close(): Promise<void>;
}

export async function openEscapeWorld(): Promise<EscapeWorld> {
  let connections = 0;
  const server = net.createServer((socket) => {
    connections++;
    socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const socketPort = (server.address() as net.AddressInfo).port;
  const markerFile = path.join(os.tmpdir(), `hook-escape-${process.pid}-${Date.now().toString(36)}`);
  return {
    markerFile,
    socketPort,
    connections: () => connections,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export interface EscapeCase {
  name: string;
  type: 'preSavePage';
  functionName: 'preSavePage';
  source: string;
  /** The hook's `options` (a sample, as JSON would carry it). */
  input: { data: unknown[] };
  /** Asserts that the attempts ran and found nothing of the host. */
  check(result: HookResult, world: EscapeWorld): void;
}

/** What every script starts with: the probe record, and how it tells a host value from a sandbox one. */
const PRELUDE = String.raw`
var __probe = { ran: [], leaks: [], seen: {} };
var HOST_GLOBALS = ['process', 'require', 'module', 'Buffer', 'global', 'setTimeout', 'setInterval', 'setImmediate',
  'fetch', 'XMLHttpRequest', 'WebSocket', 'Worker', 'importScripts', 'Deno', 'Bun'];
function hostSign(v) {
  try {
    if (typeof v === 'string') return v.indexOf('root:x:0:0') >= 0 ? 'the text of /etc/passwd' : '';
    if (v === null || (typeof v !== 'object' && typeof v !== 'function')) return '';
    if (v.env && typeof v.env === 'object') return 'an object with env (process)';
    if (typeof v.pid === 'number') return 'an object with pid (process)';
    if (v.versions && v.versions.node) return 'versions.node (process)';
    if (typeof v.binding === 'function' || typeof v.dlopen === 'function') return 'process.binding';
    if (typeof v.resolve === 'function' && v.cache) return 'require';
    if (typeof v.readFileSync === 'function' || typeof v.execSync === 'function' || typeof v.spawn === 'function' || typeof v.createConnection === 'function') return 'a Node module';
    for (var i = 0; i < HOST_GLOBALS.length; i++) {
      var d = Object.getOwnPropertyDescriptor(v, HOST_GLOBALS[i]);
      if (d && d.value !== undefined) return 'an object with ' + HOST_GLOBALS[i] + ' (a host global)';
    }
  } catch (e) {
    return '';
  }
  return '';
}
function errText(e) {
  try {
    return 'threw ' + (e && e.name) + ': ' + String(e && e.message).slice(0, 120);
  } catch (x) {
    return 'threw something';
  }
}
function attempt(label, fn) {
  var seen;
  try {
    var v = fn();
    var sign = hostSign(v);
    if (sign) __probe.leaks.push(label + ': ' + sign);
    seen = typeof v === 'string' ? 'string ' + v.slice(0, 60) : typeof v;
  } catch (e) {
    seen = errText(e);
  }
  __probe.ran.push(label);
  __probe.seen[label] = seen;
}
var GET_HOST = 'return typeof process !== "undefined" ? process : typeof require !== "undefined" ? require : this';
/** The constructor chain of one value: every route from it to a Function constructor, asked for the host. */
function chain(label, v) {
  attempt(label + '.constructor.constructor', function () { return v.constructor.constructor(GET_HOST)(); });
  attempt(label + ' prototypes', function () {
    var p = v;
    for (var i = 0; i < 6 && p; i++) {
      p = Object.getPrototypeOf(p);
      if (p && typeof p.constructor === 'function') {
        var got = p.constructor.constructor(GET_HOST)();
        if (hostSign(got)) return got;
      }
    }
    return undefined;
  });
  attempt(label + '.__proto__', function () { return v.__proto__.constructor.constructor(GET_HOST)(); });
  if (typeof v === 'function') {
    attempt(label + '.constructor()', function () { return v.constructor(GET_HOST)(); });
    attempt(label + '.call.constructor', function () { return v.call.constructor(GET_HOST)(); });
  }
}
/** Calls a function the script was given with an object whose getter looks for who read it. */
function callWithGetter(label, fn) {
  var got;
  var trap = {};
  Object.defineProperty(trap, 'x', { enumerable: true, get: function () { got = arguments.callee.caller; return 1; } });
  attempt(label + ' called with a getter', function () {
    try { fn(trap); } catch (e) { walk(label + ' error', e, 1, []); }
    return got;
  });
  if (typeof got === 'function') chain(label + ' getter caller', got);
}
/** A Node module from a process object, the ways Node offers one (a worker has no mainModule). */
function nodeModule(p, name) {
  return typeof p.getBuiltinModule === 'function' ? p.getBuiltinModule(name) : p.mainModule.require(name);
}
function leak(label, why) {
  if (why) __probe.leaks.push(label + ': ' + why);
}
/** Every object and function reachable from a value, to a depth: each gets its constructor chain tried. */
function walk(label, v, depth, seenList) {
  if (v === null || (typeof v !== 'object' && typeof v !== 'function')) return;
  if (seenList.indexOf(v) >= 0 || seenList.length > 200) return;
  seenList.push(v);
  chain(label, v);
  if (depth <= 0) return;
  var names = [];
  try { names = Object.getOwnPropertyNames(v); } catch (e) { return; }
  for (var i = 0; i < names.length; i++) {
    var d;
    try { d = Object.getOwnPropertyDescriptor(v, names[i]); } catch (e) { continue; }
    if (d && 'value' in d) walk(label + '.' + names[i], d.value, depth - 1, seenList);
  }
}
function report() {
  return { data: [__probe], errors: [] };
}
`;

const SAMPLE = { data: [{ id: 1, name: 'Ada', lines: [{ sku: 'A-1', qty: 2 }], address: { city: 'Lyon' } }] };

function script(body: string): string {
  return `${PRELUDE}\nfunction preSavePage(options) {\n${body}\n  return report();\n}\n`;
}

interface Probe {
  ran: string[];
  leaks: string[];
  seen: Record<string, string>;
}

/** The probe record a case's script returned. */
export function probeOf(result: HookResult): Probe {
  assert.ok(result.returned, `the script ran to its end: ${result.error ?? ''}`);
  const probe = (result.result as { data?: Probe[] } | undefined)?.data?.[0];
  assert.ok(probe && Array.isArray(probe.ran), 'the script returned its probe record');
  return probe;
}

/** Nothing of the host in anything the run gave back, nor on the machine. */
export function assertNothingOfTheHost(result: HookResult, world: EscapeWorld): void {
  const text = JSON.stringify(result);
  assert.ok(!text.includes(TOKEN_CANARY), 'the token never comes out of a run');
  assert.ok(!text.includes('root:x:0:0'), '/etc/passwd is never read');
  assert.ok(!existsSync(world.markerFile), 'no process was started (its marker file does not exist)');
  assert.strictEqual(world.connections(), 0, 'no socket reached the test server');
}

/** The attempts ran (each label, or every label starting with each prefix, is in the record) and none leaked. */
function ranAndFoundNothing(prefixes: string[]) {
  return (result: HookResult, world: EscapeWorld): void => {
    const probe = probeOf(result);
    for (const prefix of prefixes) {
      assert.ok(
        probe.ran.some((label) => label.startsWith(prefix)),
        `the attempt "${prefix}" ran (ran: ${probe.ran.slice(0, 8).join(', ')}…)`,
      );
    }
    assert.deepStrictEqual(probe.leaks, [], 'no attempt found anything of the host');
    assertNothingOfTheHost(result, world);
  };
}

const makeCase = (name: string, body: string, attempts: string[]): EscapeCase => ({
  name,
  type: 'preSavePage',
  functionName: 'preSavePage',
  source: script(body),
  input: SAMPLE,
  check: ranAndFoundNothing(attempts),
});

/** The cases; `world` gives the marker file and the socket port the scripts aim at. */
export function hookEscapeCases(world: EscapeWorld): EscapeCase[] {
  const marker = JSON.stringify(world.markerFile);
  const passwd = JSON.stringify('/etc/passwd');
  return [
    makeCase(
      'the constructor chain of options, its arrays, objects and any functions',
      `  walk('options', options, 4, []);
  attempt('options has no functions', function () {
    var fns = [];
    (function look(v, d) { if (v && typeof v === 'object' && d > 0) for (var k in v) { if (typeof v[k] === 'function') fns.push(k); look(v[k], d - 1); } })(options, 5);
    leak('options has no functions', fns.join(','));
    return fns.length;
  });`,
      [
        'options.constructor.constructor',
        'options.data.constructor.constructor',
        'options.data.0.lines.0 prototypes',
        'options has no functions',
      ],
    ),
    makeCase(
      'the constructor chain of console and its methods',
      `  walk('console', console, 1, []);
  ['log', 'debug', 'info', 'warn', 'error'].forEach(function (m) { chain('console.' + m, console[m]); callWithGetter('console.' + m, console[m]); });
  console.log({ toJSON: function () { attempt('console toJSON caller', function () { return arguments.callee.caller; }); return 1; } });
  console.log({ toString: function () { attempt('console toString', function () { return this; }); return 'x'; } });`,
      [
        'console.constructor.constructor',
        'console.log.constructor()',
        'console.error.call.constructor',
        'console.warn called with a getter',
      ],
    ),
    makeCase(
      'the constructor chain of integrator-api, its functions, answers and the errors its calls throw',
      `  walk('api', api, 3, []);
  ['run', 'runVirtual'].forEach(function (n) {
    var answer, error;
    try { answer = api.exports[n]({ _id: 'x', toJSON: function () { attempt('api toJSON', function () { return arguments.callee.caller; }); return { _id: 'x' }; } }); }
    catch (e) { error = e; }
    attempt('api.exports.' + n + ' answered or threw', function () { return answer !== undefined ? 'answered' : error !== undefined ? 'threw' : 'neither'; });
    if (answer !== undefined) walk('answer of exports.' + n, answer, 3, []);
    if (error !== undefined) walk('error of exports.' + n, error, 2, []);
  });
  callWithGetter('api.imports.run', api.imports.run);
  var thrown;
  try { api.flows.run(undefined); } catch (e) { thrown = e; }
  if (thrown !== undefined) walk('error of flows.run', thrown, 2, []);
  attempt('error of flows.run exists', function () { return thrown === undefined ? 'no error' : 'an error'; });`.replace(
        /^/,
        '  var api = __integratorApi;\n',
      ),
      [
        'api.constructor.constructor',
        'api.exports.run.constructor()',
        'api.exports.run answered or threw',
        'api.exports.runVirtual answered or threw',
        'api.imports.run called with a getter',
      ],
    ),
    makeCase(
      'the constructor chain of dayjs, its instances and functions',
      `  walk('dayjs', dayjs, 2, []);
  walk('dayjs()', dayjs('2026-01-02'), 1, []);
  walk('dayjs.prototype', Object.getPrototypeOf(dayjs()), 1, []);`,
      ['dayjs.constructor.constructor', 'dayjs.extend', 'dayjs().constructor.constructor', 'dayjs.prototype.format'],
    ),
    makeCase(
      'the constructor chain of sjcl and its functions',
      `  walk('sjcl', sjcl, 3, []);
  walk('sjcl bits', sjcl.hash.sha256.hash('abc'), 1, []);`,
      ['sjcl.constructor.constructor', 'sjcl.hash.sha256', 'sjcl.codec.hex.fromBits', 'sjcl bits'],
    ),
    makeCase(
      'Function and eval',
      `  attempt('Function', function () { return Function(GET_HOST)(); });
  attempt('new Function', function () { return new Function('return process')(); });
  attempt('eval process', function () { return eval('process'); });
  attempt('indirect eval', function () { return (0, eval)(GET_HOST.replace('return ', '')); });
  attempt('eval require', function () { return eval('require')('fs'); });
  attempt('Function this', function () { return Function('return this')(); });`,
      ['Function', 'new Function', 'eval process', 'indirect eval', 'eval require', 'Function this'],
    ),
    makeCase(
      'Error.prepareStackTrace and Error.captureStackTrace',
      `  var frames = [];
  attempt('set Error.prepareStackTrace', function () {
    Error.prepareStackTrace = function (e, callSites) {
      for (var i = 0; i < callSites.length; i++) {
        var s = callSites[i];
        try { frames.push(s.getThis && s.getThis()); } catch (x) { /* not offered */ }
        try { frames.push(s.getFunction && s.getFunction()); } catch (x) { /* not offered */ }
      }
      return 'prepared';
    };
    return typeof Error.prepareStackTrace;
  });
  try { console.log(new Error('x').stack); } catch (e) { /* the stack is optional */ }
  try { __integratorApi.flows.run({}); } catch (e) { try { String(e.stack); } catch (x) { /* optional */ } }
  try { JSON.parse('{', function () { return 1; }); } catch (e) { try { String(e.stack); } catch (x) { /* optional */ } }
  attempt('frames seen by prepareStackTrace', function () {
    for (var i = 0; i < frames.length; i++) { if (hostSign(frames[i])) return frames[i]; if (typeof frames[i] === 'function') chain('frame ' + i, frames[i]); }
    return frames.length;
  });
  attempt('Error.captureStackTrace', function () {
    var o = {};
    Error.captureStackTrace(o);
    return o.stack;
  });
  attempt('captureStackTrace with a host function', function () {
    var o = {};
    Error.captureStackTrace(o, console.log);
    return o.stack;
  });`,
      [
        'set Error.prepareStackTrace',
        'frames seen by prepareStackTrace',
        'Error.captureStackTrace',
        'captureStackTrace with a host function',
      ],
    ),
    makeCase(
      'the constructors of async functions and generators',
      `  chain('async function', async function () {});
  chain('generator', function* () {});
  chain('async generator', async function* () {});
  chain('arrow', () => 1);
  attempt('AsyncFunction(host)', function () { return Object.getPrototypeOf(async function () {}).constructor(GET_HOST); });
  attempt('GeneratorFunction(host)', function () { return Object.getPrototypeOf(function* () {}).constructor(GET_HOST)().next().value; });
  attempt('generator object', function () { return Object.getPrototypeOf(Object.getPrototypeOf((function* () {})())).constructor.constructor(GET_HOST)(); });`,
      [
        'async function.constructor()',
        'generator.constructor()',
        'async generator.constructor()',
        'AsyncFunction(host)',
        'GeneratorFunction(host)',
        'generator object',
      ],
    ),
    makeCase(
      'Proxy handed to the functions the script gets',
      `  var caught = [];
  function spy(label) {
    return new Proxy({}, {
      get: function (t, k, receiver) { caught.push([label + ' get', receiver]); return undefined; },
      getPrototypeOf: function (t) { caught.push([label + ' getPrototypeOf', t]); return Object.prototype; },
      ownKeys: function (t) { caught.push([label + ' ownKeys', t]); return []; },
      apply: function (t, self, args) { caught.push([label + ' apply', self]); caught.push([label + ' args', args]); return 1; },
    });
  }
  try { console.log(spy('console')); } catch (e) { /* refused */ }
  try { __integratorApi.exports.runVirtual(spy('api')); } catch (e) { caught.push(['api error', e]); }
  try { dayjs(spy('dayjs')); } catch (e) { /* refused */ }
  try { JSON.stringify(spy('json')); } catch (e) { /* refused */ }
  attempt('what the proxies caught', function () {
    for (var i = 0; i < caught.length; i++) {
      if (hostSign(caught[i][1])) return caught[i][1];
      if (caught[i][1] && typeof caught[i][1] === 'object') chain('caught ' + caught[i][0], caught[i][1]);
    }
    return caught.length;
  });`,
      ['what the proxies caught'],
    ),
    makeCase(
      'Symbol.species',
      `  var speciesArgs = [];
  function Grab() { speciesArgs.push(arguments); chain('species this', this); return []; }
  attempt('Array species', function () {
    var a = options.data.slice();
    a.constructor = {};
    a.constructor[Symbol.species] = Grab;
    a.map(function (x) { return x; });
    return speciesArgs.length;
  });
  attempt('Promise species', function () {
    var p = Promise.resolve(1);
    p.constructor = {};
    p.constructor[Symbol.species] = function (exec) { exec(function () {}, function () {}); chain('promise species executor', exec); };
    p.then(function () {});
    return 'set';
  });
  attempt('species args', function () { for (var i = 0; i < speciesArgs.length; i++) if (hostSign(speciesArgs[i][0])) return speciesArgs[i][0]; return speciesArgs.length; });`,
      ['Array species', 'Promise species', 'species args'],
    ),
    makeCase(
      'WebAssembly',
      `  attempt('typeof WebAssembly', function () { return typeof WebAssembly; });
  if (typeof WebAssembly !== 'undefined') {
    chain('WebAssembly', WebAssembly);
    attempt('a WebAssembly module', function () {
      var bytes = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]);
      var inst = new WebAssembly.Instance(new WebAssembly.Module(bytes), {});
      walk('wasm instance', inst, 2, []);
      return inst.exports;
    });
  }`,
      ['typeof WebAssembly'],
    ),
    makeCase(
      'SharedArrayBuffer and Atomics',
      `  attempt('typeof SharedArrayBuffer', function () { return typeof SharedArrayBuffer; });
  attempt('typeof Atomics', function () { return typeof Atomics; });
  if (typeof SharedArrayBuffer !== 'undefined') {
    chain('SharedArrayBuffer', new SharedArrayBuffer(8));
    attempt('Atomics.wait', function () { return Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5); });
  }
  if (typeof Atomics !== 'undefined') chain('Atomics', Atomics);`,
      ['typeof SharedArrayBuffer', 'typeof Atomics'],
    ),
    importCase(),
    makeCase(
      'require, process, module and the host globals',
      `  attempt('require', function () { return require('fs'); });
  attempt('process', function () { return process; });
  attempt('module', function () { return module.require('fs'); });
  attempt('globalThis.process', function () { return globalThis.process; });
  attempt('__require of a Node module', function () { return __require('fs'); });
  attempt('__require of child_process', function () { return __require('child_process'); });
  HOST_GLOBALS.forEach(function (n) {
    attempt('typeof ' + n, function () { var t = typeof globalThis[n]; if (t !== 'undefined') leak('typeof ' + n, 'a host global ' + t); return t; });
  });`,
      ['require', 'process', 'module', 'globalThis.process', '__require of a Node module', 'typeof setTimeout', 'typeof fetch'],
    ),
    makeCase(
      'a walk of globalThis and its prototypes',
      `  var names = [];
  attempt('globalThis names', function () {
    for (var o = globalThis; o; o = Object.getPrototypeOf(o)) names = names.concat(Object.getOwnPropertyNames(o));
    leak('globalThis names', names.filter(function (n) { return HOST_GLOBALS.indexOf(n) >= 0; }).join(','));
    return names.length;
  });
  var seenList = [];
  for (var i = 0; i < names.length; i++) {
    var d = Object.getOwnPropertyDescriptor(globalThis, names[i]);
    if (d && 'value' in d) walk('globalThis.' + names[i], d.value, 1, seenList);
  }
  attempt('globalThis itself', function () { return globalThis; });`,
      ['globalThis names', 'globalThis.Object.constructor.constructor', 'globalThis.console', 'globalThis itself'],
    ),
    makeCase(
      'reading INTEGRATOR_IO_TOKEN from the environment',
      `  var routes = [
    function () { return process.env.INTEGRATOR_IO_TOKEN; },
    function () { return Function(GET_HOST)().env.INTEGRATOR_IO_TOKEN; },
    function () { return console.log.constructor(GET_HOST)().env.INTEGRATOR_IO_TOKEN; },
    function () { return options.constructor.constructor(GET_HOST)().env.INTEGRATOR_IO_TOKEN; },
    function () { return dayjs.constructor(GET_HOST)().env.INTEGRATOR_IO_TOKEN; },
    function () { return __integratorApi.exports.run.constructor(GET_HOST)().env.INTEGRATOR_IO_TOKEN; },
    function () { return globalThis.process.env.INTEGRATOR_IO_TOKEN; },
  ];
  routes.forEach(function (r, i) { attempt('token route ' + i, r); });
  console.log(String(__probe.seen['token route 0']));`,
      ['token route 0', 'token route 3', 'token route 6'],
    ),
    makeCase(
      'reading a file (/etc/passwd)',
      `  var file = ${passwd};
  attempt('fs via require', function () { return require('fs').readFileSync(file, 'utf8'); });
  attempt('fs via Function', function () { return nodeModule(Function('return process')(), 'fs').readFileSync(file, 'utf8'); });
  attempt('fs via console', function () { return nodeModule(console.log.constructor('return process')(), 'fs').readFileSync(file, 'utf8'); });
  attempt('fs via options', function () { return nodeModule(options.constructor.constructor('return process')(), 'fs').readFileSync(file, 'utf8'); });
  attempt('fs via __require', function () { return __require('fs').readFileSync(file, 'utf8'); });
  attempt('fs via std', function () { return std.loadFile(file); });`,
      ['fs via require', 'fs via Function', 'fs via console', 'fs via options', 'fs via __require', 'fs via std'],
    ),
    makeCase(
      'starting a process',
      `  var cmd = 'touch ' + ${marker};
  attempt('child_process via require', function () { return require('child_process').execSync(cmd); });
  attempt('child_process via options', function () { return nodeModule(options.constructor.constructor('return process')(), 'child_process').execSync(cmd).toString(); });
  attempt('child_process via console', function () { return nodeModule(console.log.constructor('return process')(), 'child_process').execSync(cmd).toString(); });
  attempt('spawn via binding', function () { return Function('return process')().binding('spawn_sync'); });
  attempt('os.exec', function () { return os.exec(['touch', ${marker}]); });`,
      ['child_process via require', 'child_process via options', 'child_process via console', 'spawn via binding', 'os.exec'],
    ),
    makeCase(
      'opening a socket',
      `  var port = ${world.socketPort};
  attempt('net via require', function () { return require('net').connect(port, '127.0.0.1'); });
  attempt('net via dayjs', function () { nodeModule(dayjs.constructor('return process')(), 'net').connect(port, '127.0.0.1'); return 'connecting'; });
  attempt('net via a spawned process', function () {
    var cp = nodeModule(options.constructor.constructor('return process')(), 'child_process');
    return cp.execFileSync(Function('return process')().execPath, ['-e', 'require("net").connect(' + port + ', "127.0.0.1", () => process.exit(0))']).toString();
  });
  attempt('fetch', function () { return fetch('http://127.0.0.1:' + port + '/'); });
  attempt('XMLHttpRequest', function () { var x = new XMLHttpRequest(); x.open('GET', 'http://127.0.0.1:' + port + '/', false); x.send(); return x; });
  attempt('WebSocket', function () { return new WebSocket('ws://127.0.0.1:' + port + '/'); });`,
      ['net via require', 'net via dayjs', 'net via a spawned process', 'fetch', 'XMLHttpRequest', 'WebSocket'],
    ),
  ].map(withModules);
}

/**
 * `import()`: the one case that writes it. An engine may refuse the whole script for it (SES
 * does, before running anything), which is also containment: the check accepts that refusal or
 * a record whose import attempts found nothing.
 */
function importCase(): EscapeCase {
  const body = `  var got = [];
  attempt('import() of fs', function () {
    var p = import('fs');
    p.then(function (m) { got.push(m); console.log('import settled: ' + (hostSign(m) || 'nothing of the host')); }, function (e) { console.log('import refused: ' + errText(e)); });
    return typeof p;
  });
  attempt('import() of child_process', function () { return typeof import('child_process'); });`;
  const ranOrRefused = ranAndFoundNothing(['import() of fs', 'import() of child_process']);
  return {
    name: 'import()',
    type: 'preSavePage',
    functionName: 'preSavePage',
    source: script(body),
    input: SAMPLE,
    check(result, world) {
      assert.ok(!result.logs.some((l) => /^import settled: (?!nothing)/.test(l.text)), 'an import never settled with a host module');
      if (!result.returned) {
        assert.match(result.error ?? '', /import/i, 'the engine refused the script because of import()');
        assertNothingOfTheHost(result, world);
        return;
      }
      ranOrRefused(result, world);
    },
  };
}

/** The modules every case has at hand, imported as real scripts import them. */
function withModules(c: EscapeCase): EscapeCase {
  const imports = [
    "import * as __integratorApi from 'integrator-api';",
    "import dayjs from 'dayjs';",
    "import * as sjcl from 'sjcl';",
  ].join('\n');
  return { ...c, source: `${imports}\n${c.source}` };
}

/** Two scripts that try to allocate 1.5 GB: the run must stop with the memory message, and the next run work. */
export const MEMORY_CASES: { name: string; source: string }[] = [
  {
    name: 'arrays',
    source:
      'function preSavePage(options) {\n  var keep = [];\n  for (var i = 0; i < 1536; i++) { var a = new Array(131072); for (var j = 0; j < a.length; j++) a[j] = i + j + 0.5; keep.push(a); }\n  return { data: [keep.length], errors: [] };\n}\n',
  },
  {
    name: 'ArrayBuffers',
    source:
      'function preSavePage(options) {\n  var keep = [];\n  for (var i = 0; i < 1536; i++) { var b = new Uint8Array(new ArrayBuffer(1024 * 1024)); b.fill(i & 255); keep.push(b); }\n  return { data: [keep.length], errors: [] };\n}\n',
  },
];
