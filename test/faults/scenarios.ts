/**
 * The fault and security scenarios `npm test` must cover, each with the fault it injects, what
 * must hold, and the tests (by suite and a part of their full title) that check it. The summary
 * printed at the end of `npm test` is built from this list and the suites' results, so a
 * scenario whose tests were renamed or removed shows as NOT RUN instead of silently vanishing.
 */
import { SuiteName } from '../support/results';

export interface Scenario {
  group: string;
  scenario: string;
  /** The fault switch or input, in a few words. */
  fault: string;
  /** What must hold, in a few words. */
  holds: string;
  tests: { suite: SuiteName; title: string }[];
}

const FAULTS_IN_VSCODE = 'faults during work';
const duringEach = (fault: string, save: string) => [
  { suite: 'vscode' as const, title: `${FAULTS_IN_VSCODE} ${fault} during a list` },
  { suite: 'vscode' as const, title: `${FAULTS_IN_VSCODE} ${fault} during open` },
  { suite: 'vscode' as const, title: `resource documents keeps the document dirty and intact after ${save}` },
  { suite: 'vscode' as const, title: `${FAULTS_IN_VSCODE} ${fault} during a run` },
  { suite: 'vscode' as const, title: `${FAULTS_IN_VSCODE} ${fault} during a mapping preview` },
];

/** An escape case (test/support/hookEscapeCases.ts) through Run Hook…'s runner, with an API that answers and one that throws, and through the CLI. */
const ESCAPE = 'hook escape suite';
const escapeTests = (...cases: string[]) =>
  cases.flatMap((name) => [
    { suite: 'unit' as const, title: `${ESCAPE} Run Hook… (integrator-api answers): ${name}` },
    { suite: 'unit' as const, title: `${ESCAPE} Run Hook… (integrator-api throws): ${name}` },
    { suite: 'unit' as const, title: `${ESCAPE} through integrator-io hook run the CLI with INTEGRATOR_IO_TOKEN set: ${name}` },
  ]);
const HOOK_HOLDS = 'the attempt ran (its record says what it got) and found no host value; the token canary never in the output';

const FOLDER = 'a pulled folder stays a folder';
const folderTest = (title: string) => ({ suite: 'unit' as const, title: `${FOLDER} ${title}` });

export const SCENARIOS: Scenario[] = [
  {
    group: 'Faults during work',
    scenario: '429 storm during a tree load',
    fault: '6 × 429, Retry-After 1 s',
    holds: 'every list arrives; no retry before Retry-After',
    tests: [
      { suite: 'vscode', title: `${FAULTS_IN_VSCODE} 429 storms with Retry-After during a tree load` },
      { suite: 'unit', title: 'transport and errors waits for Retry-After on 429 and then succeeds' },
    ],
  },
  {
    group: 'Faults during work',
    scenario: '429 storm during a save',
    fault: '2 × 429 on GET, 1 × 429 (2 s) on PUT',
    holds: 'saved once; no retry before Retry-After',
    tests: [{ suite: 'vscode', title: `${FAULTS_IN_VSCODE} 429 storms with Retry-After during a save` }],
  },
  {
    group: 'Faults during work',
    scenario: '5xx during list, open, save, run, mapping',
    fault: '503 / 500 on every matching request',
    holds: 'clear error; spinner ends; dirty stays dirty; nothing half-written',
    tests: duringEach('503 answers', 'a 500'),
  },
  {
    group: 'Faults during work',
    scenario: 'dropped connections during list, open, save, run, mapping',
    fault: 'socket destroyed',
    holds: 'clear error; spinner ends; dirty stays dirty; nothing half-written',
    tests: [
      ...duringEach('dropped connections', 'a dropped connection'),
      { suite: 'unit', title: 'transport and errors retries a GET whose connection was dropped, but not a flow run' },
    ],
  },
  {
    group: 'Faults during work',
    scenario: '10-second stall during list, open, save, run, mapping',
    fault: 'no answer for 10 s; time-out 1 s',
    holds: 'time-out error; spinner ends; dirty stays dirty; nothing half-written',
    tests: [
      ...duringEach('a 10-second stall', 'a time-out'),
      { suite: 'unit', title: 'transport and errors times out a stalled request with a clear error' },
    ],
  },
  {
    group: 'Faults during work',
    scenario: 'a stalled ping, disable or delete',
    fault: 'no answer for 10 s; time-out 2 s',
    holds: 'the row says what it waits on, with a spinner, until the answer; nothing written',
    tests: ['pinging', 'disabling', 'deleting'].map((doing) => ({
      suite: 'vscode' as const,
      title: `${FAULTS_IN_VSCODE} a stalled answer: the row says what it waits on, with a spinner, until the answer comes ${doing}:`,
    })),
  },
  {
    group: 'Faults during work',
    scenario: 'a run whose job fails',
    fault: 'source connection offline',
    holds: 'the run is reported failed',
    tests: [
      { suite: 'vscode', title: 'actions reports a run whose job fails' },
      { suite: 'unit', title: 'flow runs and jobs fails a run whose source connection is offline' },
    ],
  },
  {
    group: 'Faults during work',
    scenario: 'a job that never ends',
    fault: "jobs: 'hang'",
    holds: 'the follower gives up with a message; the job can be cancelled',
    tests: [{ suite: 'vscode', title: 'actions stops following a job that never ends, and the job can still be cancelled' }],
  },
  {
    group: 'Conflicts and bad input',
    scenario: 'two editors of one resource saving in turn',
    fault: 'changed on the server since it was opened',
    holds: 'conflict named; nothing overwritten unless asked',
    tests: [
      { suite: 'vscode', title: 'resource documents refuses a conflicting save, naming who changed it, and overwrites only when asked' },
    ],
  },
  {
    group: 'Conflicts and bad input',
    scenario: 'malformed answers fed to the client',
    fault: 'fast-check: wrong types, huge strings, bad JSON, HTML',
    holds: 'a result or a typed error; no unhandled rejection',
    tests: [{ suite: 'unit', title: 'malformed API responses (property-based) lists, gets, saves and pings' }],
  },
  {
    group: 'Conflicts and bad input',
    scenario: 'malformed answers fed to the tree',
    fault: 'fast-check answers to every list',
    holds: 'rows or an error row; no crash; no token shown',
    tests: [
      { suite: 'vscode', title: 'malformed answers fed to the tree (property-based)' },
      { suite: 'unit', title: 'malformed API responses (property-based) describes any resource shape' },
    ],
  },
  {
    group: 'Conflicts and bad input',
    scenario: 'invalid JSON and misplaced masks on save',
    fault: 'unparsable text; "******" typed where no secret was',
    holds: 'refused with line and column or the field; nothing sent',
    tests: [
      { suite: 'vscode', title: 'resource documents refuses invalid JSON without sending anything, keeping the text' },
      { suite: 'vscode', title: 'resource documents refuses a mask typed where there was no secret' },
      { suite: 'unit', title: 'which masks a document may send back' },
    ],
  },
  {
    group: 'Deliberate deploys',
    scenario: 'auto-save on',
    fault: 'files.autoSave afterDelay (100 ms), an edit, then waiting',
    holds: 'no request; the edit stays dirty; Ctrl+S sends one PUT',
    tests: [{ suite: 'vscode', title: 'resource documents never deploys on auto-save' }],
  },
  {
    group: 'Deliberate deploys',
    scenario: 'every write to production asks',
    fault: 'saves, creates, error resolve/retry, retry data in a production environment',
    holds: 'cancelled: nothing written; default button writes nothing; one question per save',
    tests: [
      { suite: 'vscode', title: 'production environments a save asks first' },
      { suite: 'vscode', title: 'production environments a draft asks once' },
      { suite: 'vscode', title: 'production environments saving retry data asks first' },
      { suite: 'vscode', title: 'actions runs a disabled flow only once the user says so' },
      {
        suite: 'ui',
        title: 'production: the save question names what and where, its default button writes nothing, and Resolve and Retry ask',
      },
    ],
  },
  {
    group: 'Deliberate deploys',
    scenario: 'the environment in front of the user',
    fault: 'documents of a production and a sandbox environment; an environment added',
    holds: 'the status bar follows the focused document; production stands out',
    tests: [
      { suite: 'vscode', title: 'production environments the status bar shows the environment of the focused document' },
      { suite: 'vscode', title: 'production environments views of a production environment say so in their title' },
    ],
  },
  {
    group: 'Deliberate deploys',
    scenario: 'sign-in with another user’s token',
    fault: '/tokenInfo names another user than the environment was added with',
    holds: 'asks; the old token stays unless told',
    tests: [{ suite: 'vscode', title: 'production environments a sign-in with another user’s token asks' }],
  },
  {
    group: 'Real secrets and real accounts',
    scenario: 'masked secrets sent back',
    fault: 'PUT / JSON Patch / distributed PUT with "******"; POST with "******"',
    holds: 'the stored secret is kept (ping unchanged); a create with a mask is a 422 naming the field',
    tests: [
      { suite: 'unit', title: 'secrets a PUT of the fetched document with its masks keeps the stored secret' },
      { suite: 'unit', title: 'secrets creating with a mask is a 422' },
      { suite: 'unit', title: 'secrets the sandbox masks exactly the fields the schemas mark writeOnly' },
      { suite: 'vscode', title: 'resource documents saves a connection with its masked OAuth tokens untouched' },
    ],
  },
  {
    group: 'Real secrets and real accounts',
    scenario: 'legacy shapes from real accounts',
    fault: '_exportId/_importId flows, wrapper connection and exports, distributed export, _connectorId, _stackId: null',
    holds: 'no schema error; a save changes nothing but the edit; the flow runs',
    tests: [{ suite: 'vscode', title: 'documents from real accounts (legacy shapes)' }],
  },
  {
    group: "The sandbox's own safety",
    scenario: 'SIGKILL in the middle of writes',
    fault: 'kill -9 during 20 concurrent creates',
    holds: 'the data file loads; every acknowledged write is in it',
    tests: [
      { suite: 'unit', title: 'sandbox process and data file has every acknowledged write on disk, even when killed without warning' },
    ],
  },
  {
    group: "The sandbox's own safety",
    scenario: 'loopback only, and a token required',
    fault: 'no token; wrong token',
    holds: 'binds 127.0.0.1; refuses to start without a token; 401 without it',
    tests: [
      { suite: 'unit', title: 'sandbox process and data file starts in-process on a free port bound to 127.0.0.1' },
      { suite: 'unit', title: 'sandbox process and data file refuses to start without a token' },
      { suite: 'unit', title: 'transport and errors turns 401 into a typed error that never contains the token' },
    ],
  },
  {
    group: 'Secrets and hostile content',
    scenario: 'the token appears nowhere',
    fault: 'servers that echo the token back',
    holds: 'not in the profile, logs, output channel, settings, webview HTML, errors or rows',
    tests: [
      { suite: 'vscode', title: 'secrets: no token used by the suite is in any file of the VS Code profile' },
      { suite: 'vscode', title: 'secrets: no token used by the suite is in the HTML of any webview or workbench frame' },
      { suite: 'vscode', title: 'webviews left open for the token scan' },
      { suite: 'vscode', title: 'environments keeps tokens out of global state and settings' },
      { suite: 'unit', title: 'transport and errors redacts a token that a server echoes back in its error' },
    ],
  },
  {
    group: 'Secrets and hostile content',
    scenario: 'http:// and credentials in a base URL',
    fault: 'http://remote, https://user:pass@host',
    holds: 'refused; http only for loopback',
    tests: [
      { suite: 'unit', title: 'base URLs and links accepts regions, https and loopback http; refuses credentials and remote http' },
      { suite: 'vscode', title: 'environments refuses a base URL with credentials, or plain http to a remote host' },
    ],
  },
  {
    group: 'Secrets and hostile content',
    scenario: 'hostile content in every webview',
    fault: '<script>, <img onerror> in names and values',
    holds: 'shown as text; no element made; no script run',
    tests: [
      { suite: 'ui', title: 'hostile content in the mapping preview, export preview, errors, audit, job and diagram views' },
      { suite: 'unit', title: 'webview state and messages reads only the actions a view knows, with the fields it expects' },
    ],
  },
  {
    group: 'Secrets and hostile content',
    scenario: 'a forged page message or a planted view state',
    fault: "error ids the errors view does not show; a restored view's state naming another target than its key",
    holds: 'no error outside the list resolved, retried or opened; the restored tab closed, no command run',
    tests: [
      { suite: 'unit', title: 'webview state and messages the errors view acts only on the errors it shows' },
      { suite: 'unit', title: 'views restored after a reload reopen nothing whose key names another view than its target' },
    ],
  },
  {
    group: 'Secrets and hostile content',
    scenario: "ids from an account holding a view key's or a URI's separators",
    fault: "':', '/', '#', '.' and '%' in flow, step, retry data and field ids",
    holds: 'two targets never share a view or a retry data document',
    tests: [
      { suite: 'unit', title: 'identity: view keys differ for different targets, whatever their ids hold' },
      { suite: 'unit', title: 'identity: retry data never name another error' },
      { suite: 'vscode', title: 'errors opens the retry data of the error the view names, with no label too, whatever its key holds' },
    ],
  },
  {
    group: 'Secrets and hostile content',
    scenario: 'links and icons in account text',
    fault: 'a connection named [Open settings](command:…) $(alert)',
    holds: 'the notification shows it as text: no link, no command, no icon',
    tests: [{ suite: 'vscode', title: 'actions shows hostile connection names and API messages as text' }],
  },
  {
    group: 'Secrets and hostile content',
    scenario: 'prototype pollution through the sandbox',
    fault: 'fast-check paths with __proto__/constructor/prototype; include, exclude, JSON Patch, mappings',
    holds: 'a 400; Object.prototype unchanged; later requests answer normally',
    tests: [
      { suite: 'unit', title: 'sandbox safety no path, patch, projection or mapping reaches Object.prototype' },
      { suite: 'unit', title: 'sandbox safety over HTTP refuses prototype paths with a 400' },
    ],
  },
  {
    group: "The sandbox's own safety",
    scenario: 'bad input and failed writes',
    fault: 'garbage dates, prototype state keys; a write whose commit fails',
    holds: 'a 4xx, never a 500; a failed write changes nothing; data file 0600, no stale temp files',
    tests: [
      { suite: 'unit', title: 'sandbox safety over HTTP answers bad dates and state keys with a 4xx' },
      { suite: 'unit', title: 'sandbox safety over HTTP a write whose commit fails changes nothing' },
      { suite: 'unit', title: 'sandbox safety over HTTP keeps the data file readable by its owner only' },
    ],
  },
  {
    group: 'Hook scripts contained',
    scenario: 'a script walks the constructor chain of what it is given',
    fault: 'options and its arrays and objects, console, integrator-api, dayjs, sjcl, errors from failed API calls',
    holds: HOOK_HOLDS,
    tests: escapeTests(
      'the constructor chain of options, its arrays, objects and any functions',
      'the constructor chain of console and its methods',
      'the constructor chain of integrator-api, its functions, answers and the errors its calls throw',
      'the constructor chain of dayjs, its instances and functions',
      'the constructor chain of sjcl and its functions',
    ),
  },
  {
    group: 'Hook scripts contained',
    scenario: 'a script reaches for the engine',
    fault:
      'Function/eval, Error.prepareStackTrace, async and generator constructors, Proxy, Symbol.species, WebAssembly, SharedArrayBuffer/Atomics, import()',
    holds: HOOK_HOLDS,
    tests: escapeTests(
      'Function and eval',
      'Error.prepareStackTrace and Error.captureStackTrace',
      'the constructors of async functions and generators',
      'Proxy handed to the functions the script gets',
      'Symbol.species',
      'WebAssembly',
      'SharedArrayBuffer and Atomics',
      'import()',
    ),
  },
  {
    group: 'Hook scripts contained',
    scenario: 'a script reaches for the machine',
    fault: 'require, process, globalThis walk; INTEGRATOR_IO_TOKEN, /etc/passwd, a child process, a socket',
    holds: HOOK_HOLDS + '; no marker file written, no connection to the test socket',
    tests: escapeTests(
      'require, process, module and the host globals',
      'a walk of globalThis and its prototypes',
      'reading INTEGRATOR_IO_TOKEN from the environment',
      'reading a file (/etc/passwd)',
      'starting a process',
      'opening a socket',
    ),
  },
  {
    group: 'Hook scripts contained',
    scenario: 'a script allocates 1.5 GB',
    fault: 'arrays; ArrayBuffers; through Run Hook… and the CLI (--memory-limit)',
    holds: '"ran out of memory: the limit is 512 MB", exit 1 from the CLI; the next run works',
    tests: [
      { suite: 'unit', title: `${ESCAPE} memory a script allocating 1.5 GB in arrays is stopped with the message, and the next run works` },
      {
        suite: 'unit',
        title: `${ESCAPE} memory a script allocating 1.5 GB in ArrayBuffers is stopped with the message, and the next run works`,
      },
      { suite: 'unit', title: `${ESCAPE} memory through the CLI: exit 1 with the message, the limit from --memory-limit` },
    ],
  },
  {
    group: 'Hook scripts contained',
    scenario:
      'Debug Hook…: a script reaches for the host (constructor chains, Function/eval, prepareStackTrace, async and generator constructors, Proxy, Symbol.species, WebAssembly, SharedArrayBuffer, import(), env, file, process, socket)',
    fault: 'the shared escape suite, run as the extension starts dist/hookDebug.js, token canary in the environment',
    holds: 'every attempt ran and found nothing (SES compartment); the canary never appears',
    tests: [
      { suite: 'unit', title: 'Debug Hook… escape suite Debug Hook… (integrator-api answers):' },
      { suite: 'unit', title: 'Debug Hook… escape suite Debug Hook… (integrator-api throws):' },
      { suite: 'vscode', title: 'hooks debugged locally, contained an escaping script finds nothing under the debugger' },
    ],
  },
  {
    group: 'Hook scripts contained',
    scenario: "Debug Hook…: the debugged process inherits the extension host's environment",
    fault: 'INTEGRATOR_IO_TOKEN canary in the extension host',
    holds: 'the process starts with none of it (PATH and js-debug’s own variables only), read by the debugger itself',
    tests: [
      { suite: 'unit', title: 'Debug Hook… escape suite the debugged process starts with none of the host environment' },
      {
        suite: 'vscode',
        title: 'hooks debugged locally, contained an escaping script finds nothing under the debugger; its process has no host environment',
      },
    ],
  },
  {
    group: 'Hook scripts contained',
    scenario: 'Debug Hook…: a script allocates 1.5 GB (arrays; ArrayBuffers)',
    fault: 'MEMORY_CASES of the escape suite',
    holds: '"ran out of memory: the limit is 512 MB" in the result view (heap limit); no ArrayBuffer to allocate; the next run works',
    tests: [
      { suite: 'unit', title: 'Debug Hook… escape suite memory a script allocating 1.5 GB in arrays' },
      { suite: 'unit', title: 'Debug Hook… escape suite memory a script allocating 1.5 GB in ArrayBuffers' },
      { suite: 'vscode', title: 'hooks debugged locally, contained a script allocating 1.5 GB is stopped' },
    ],
  },
  {
    group: 'Hook scripts contained',
    scenario: 'Debug Hook…: a predictable temp folder followed through links; the bridge secret compared with !==',
    fault: 'a link at the result path; wrong secrets of other lengths',
    holds: 'a private mkdtemp folder (0700), files created wx, removed after the run; timingSafeEqual on digests, 403',
    tests: [
      { suite: 'unit', title: 'Debug Hook… escape suite writes its result as a new file only' },
      { suite: 'unit', title: 'Debug Hook… escape suite the bridge compares its secret in constant time' },
      { suite: 'vscode', title: 'its run folder is private and goes' },
    ],
  },
  {
    group: 'Hook scripts contained',
    scenario: 'a tiny result that grows on the host',
    fault:
      'one array referenced eight times, seven levels down (38 MB of JSON); 900-deep arrays 300 times (0.5 MB of JSON, 489 MB laid out); nesting 3,000 and 100,000 deep',
    holds:
      'refused with its size against the bound (20 MB of JSON, 64 MB laid out, 1,000 levels), in Run Hook…, Debug Hook… and the CLI (output under 10 KB); never a crashed worker',
    tests: [
      {
        suite: 'unit',
        title:
          'what a hook run hands back is bounded refuses a result whose JSON is past the limit, made from a few bytes of shared arrays, in Run Hook… and Debug Hook…',
      },
      {
        suite: 'unit',
        title: 'what a hook run hands back is bounded through the CLI: exit 1 with the message, and the output stays small',
      },
      {
        suite: 'unit',
        title:
          'what a hook run hands back is bounded refuses a small result that would take hundreds of megabytes laid out (deep nesting, many times)',
      },
      {
        suite: 'unit',
        title: 'what a hook run hands back is bounded says so for a result nested past the limit, however deep: never a crashed worker',
      },
    ],
  },
  {
    group: 'Hook scripts contained',
    scenario: 'console and errors past their bound',
    fault: 'Array.prototype.join, String.prototype.slice and toJSON replaced; one console.log of 38 MB; a thrown value of megabytes',
    holds: 'console kept to 4,000,000 characters and says so; an error to 20,000 characters',
    tests: [
      {
        suite: 'unit',
        title:
          'what a hook run hands back is bounded keeps the console within its bound whatever the script did to the built-ins it is made of',
      },
      {
        suite: 'unit',
        title: 'what a hook run hands back is bounded a single huge console line is cut to the bound, in Run Hook… and Debug Hook…',
      },
      { suite: 'unit', title: 'what a hook run hands back is bounded an error the script throws is cut too: a thrown value of megabytes' },
    ],
  },
  {
    group: 'Hook scripts contained',
    scenario: 'an integrator-api id that is a path',
    fault: "exports.run({ _id: '..' }), imports.run '.', flows.run '../connections', a _connectionId of '../../integrations'",
    holds: 'refused before any request reaches the account; a real id still runs the flow',
    tests: [
      {
        suite: 'unit',
        title:
          'what a hook run hands back is bounded integrator-api calls against a sandbox an id that is a path (.., ., a slash) is refused before any request',
      },
    ],
  },
  {
    group: 'Hook scripts contained',
    scenario: 'a promise callback that never ends',
    fault: 'the function returns, after queueing a callback with an endless loop',
    holds: 'the callback stopped at the time limit, said in the console; the result is what the function returned',
    tests: [
      {
        suite: 'unit',
        title:
          'what a hook run hands back is bounded says when a promise callback the function queued was stopped at the time limit, and keeps what it returned',
      },
    ],
  },
  {
    group: 'Hook scripts contained',
    scenario: 'a result that is short but wrong millions of times; a loop of integrator-api calls',
    fault:
      'preMap returning 200,000 (and 9,000,000) zeros; 5,000 calls in a loop; Debug Hook…: a stack getter that answers a string then an object, a promise callback that never ends',
    holds:
      'the first 100 problems and a count (exit 4, not a crash); 2,000 calls, the rest refused inside and counted; the error reported; the debug program ends with its result',
    tests: [
      {
        suite: 'unit',
        title:
          'what a hook run hands back is bounded lists the first 100 contract problems and counts the rest: a short result of 200,000 bad elements (200,001 problems)',
      },
      {
        suite: 'unit',
        title:
          'what a hook run hands back is bounded makes at most 2,000 integrator-api calls a run: the rest are refused inside the script, counted in one entry',
      },
      {
        suite: 'unit',
        title:
          'what a hook run hands back is bounded Debug Hook…: a thrown value whose stack getter answers a string, then an object, is reported, not a crash',
      },
      {
        suite: 'unit',
        title:
          'what a hook run hands back is bounded Debug Hook…: the program ends once the result is written, whatever promise callbacks the script left running',
      },
    ],
  },
  {
    group: 'A pulled folder from a pull request',
    scenario: 'a script file linked to a file outside the folder',
    fault: 'scripts/x.js → a canary file in a temp folder',
    holds: 'plan, apply and pull-remote exit 3 naming the path; no write request; the canary in no script',
    tests: [
      folderTest('never uploads what a script file linked to a file outside the folder points at'),
      { suite: 'unit', title: 'confined folder access does not follow a link that took a file’s place after the folder was listed' },
      { suite: 'unit', title: 'confined folder access does not write through a dangling link where a new file goes' },
    ],
  },
  {
    group: 'A pulled folder from a pull request',
    scenario: 'a linked scripts/ folder',
    fault: 'scripts/ → a folder outside, on pull and on apply',
    holds: 'exit 3 naming scripts; nothing written through the link; nothing uploaded',
    tests: [folderTest('neither writes through a linked scripts/ folder on pull nor reads it on apply')],
  },
  {
    group: 'A pulled folder from a pull request',
    scenario: 'a link in .integrator-io',
    fault: 'the binding file, and .integrator-io itself, linked outside',
    holds: 'exit 3 naming the path; the file and folder outside untouched',
    tests: [folderTest('refuses a link in .integrator-io, for the binding file and for the folder itself')],
  },
  {
    group: 'A pulled folder from a pull request',
    scenario: 'a key’s file replaced by a link, in the editor',
    fault: 'connections/x.connection.json → a canary file outside; Go to Definition on the key',
    holds: 'no definition: the linked file is not opened as the resource',
    tests: [
      {
        suite: 'vscode',
        title: 'keys in a pulled folder opens the file a key names, and nothing when a pull request made that file a link',
      },
    ],
  },
  {
    group: 'A pulled folder from a pull request',
    scenario: 'binding keys that are paths',
    fault: 'a key flows/../<outside>/victim in the binding file',
    holds: 'pull and plan exit 3 naming the binding file; the file outside is not deleted',
    tests: [
      folderTest('refuses binding keys that are paths, and pull writes and deletes nothing outside the folder'),
      { suite: 'unit', title: 'confined folder access refuses every path that is not plain names inside the folder' },
    ],
  },
  {
    group: 'A pulled folder from a pull request',
    scenario: 'a binding forged to point at another integration',
    fault: 'a key bound to an export outside the integration; apply, and apply --delete',
    holds: 'exit 3 naming the binding and the export; no write request; the export unchanged and still there',
    tests: [
      folderTest('bindings that point at another integration refuses an update through a forged id'),
      folderTest('bindings that point at another integration refuses --delete through a forged id'),
      folderTest('bindings that point at another integration names what an update changes as the account names it'),
    ],
  },
  {
    group: 'A pulled folder from a pull request',
    scenario: 'terminal control characters in a name',
    fault: 'a flow named with ESC[2K ESC[1A, CR, 8-bit CSI, bidi overrides, BEL, DEL',
    holds: 'no control character printed; the plan keeps its lines',
    tests: [
      folderTest('prints names with their control characters removed'),
      { suite: 'unit', title: 'confined folder access removes escape sequences, controls and bidi overrides' },
    ],
  },
  {
    group: 'A pulled folder from a pull request',
    scenario: 'Windows device names',
    fault: 'flows named CON, nul, Com1, "LPT9. ", "aux."',
    holds: 'files con-1, nul-1…; no device name, no trailing dot or space',
    tests: [folderTest('names files so that Windows can open them')],
  },
  {
    group: 'A pulled folder from a pull request',
    scenario: 'binding file names in VS Code and the CLI',
    fault: 'pulled by the CLI, planned in VS Code; pulled in VS Code, planned and applied by the CLI; two files for one URL',
    holds: 'nothing to do both ways; no second integration; exit 1 asking for --env',
    tests: [
      folderTest('one rule for binding names in VS Code and the CLI a folder pulled by the CLI'),
      folderTest('one rule for binding names in VS Code and the CLI a folder pulled in VS Code'),
      { suite: 'vscode', title: 'binding file names in VS Code and the CLI compares a folder pulled by the CLI with nothing to do' },
      {
        suite: 'vscode',
        title: 'binding file names in VS Code and the CLI a folder pulled by the extension plans with nothing to do in the CLI',
      },
    ],
  },
  {
    group: 'A pulled folder from a pull request',
    scenario: 'a binding file that binds the folder’s integration itself to another integration',
    fault: 'the integration key and an export key rebound to another integration’s ids, the export file edited; apply --yes --delete',
    holds:
      'apply --yes without --integration exits 1; with it, exit 3 naming both integrations; in VS Code the remembered integration refuses it; no write, the other export unchanged',
    tests: [
      folderTest(
        'bindings that point at another integration refuses a binding file that points the folder at another integration, and an unattended apply that names none',
      ),
      {
        suite: 'vscode',
        title: 'pulled folders refuses to apply through a binding file that a pull request pointed at another integration',
      },
    ],
  },
  {
    group: 'A pulled folder from a pull request',
    scenario: '--json output forged by a name or a hook result',
    fault: '8-bit CSI before quotes and an unterminated 8-bit OSC in a value the script returns',
    holds:
      'C1 and bidi controls escaped as \\uXXXX, never stripped: the JSON parses to exactly the value, the contract still broken (exit 4)',
    tests: [
      {
        suite: 'unit',
        title: 'integrator-io hook run --json cannot be forged by what a script returns: C1 and bidi controls are escaped, never stripped',
      },
    ],
  },
  {
    group: 'A pulled folder from a pull request',
    scenario: 'a kept hook sample linked to a file of this machine',
    fault: '.integrator-io/samples/<slug>/preSavePage.json → a canary file outside the folder; Run Hook… clicked',
    holds: 'nothing runs; the refusal names the link; the canary is read into no document',
    tests: [
      { suite: 'vscode', title: 'hooks of a pulled folder never reads a kept sample through a link that a pull request put in the folder' },
    ],
  },
  {
    group: 'A pulled folder from a pull request',
    scenario: 'a hard link to a file outside the folder',
    fault: 'scripts/hard.js, a second name of a file outside (an archive can carry one)',
    holds: 'refused as a hard link, never read; a file of the folder’s own still reads',
    tests: [{ suite: 'unit', title: 'confined folder access does not read a hard link to a file outside the folder' }],
  },
  {
    group: 'A pulled folder from a pull request',
    scenario: 'a connection file pointed at another address',
    fault:
      'the connection file’s http.baseURI changed to a collector; or a value its template reads, a data center list, an agent, a dotted key',
    holds: 'the plan names each field with both values (text and --json); VS Code asks before applying, default Cancel, nothing written',
    tests: [
      {
        suite: 'unit',
        title: 'a pulled folder stays a folder names every field a connection update changes, with both values, in the plan and its --json',
      },
      {
        suite: 'vscode',
        title: 'pulled folders asks before an apply changes a connection’s settings, and writes nothing by default',
      },
    ],
  },
  {
    group: 'A pulled folder from a pull request',
    scenario: 'a flow file whose step names a path or a link',
    fault:
      'a step _exportId of ../<outside>/secret, a step file linked to a file outside, a key with no file; the step clicked in the diagram',
    holds: 'nothing opened: the refusal names why; a real key of the folder opens its file',
    tests: [
      {
        suite: 'unit',
        title:
          'a diagram step opened from a pulled folder opens only a key of the folder whose file is a regular file inside it: never a path, never a link',
      },
    ],
  },
  {
    group: 'Records, trust and order',
    scenario: 'real records from hook samples land in Git',
    fault: 'Run Hook… on a pulled script and an explorer script, the folder a real git repository',
    holds: 'samples in extension storage; git status clean; kept in the folder only after a warning (default no)',
    tests: [
      {
        suite: 'vscode',
        title:
          "hooks of a pulled folder runs a pulled script from its lens, as the hook the folder's export makes it, on that export's records",
      },
      {
        suite: 'vscode',
        title: 'hooks of a pulled folder keeps a sample in the folder only when asked, after a warning that it holds real records',
      },
      {
        suite: 'vscode',
        title: 'hooks run locally runs a demo preSavePage hook from its lens on a sample of the export, and checks an edit that breaks it',
      },
      { suite: 'ui', title: 'integration as code: pull to the workspace, see a change in Source Control, open its diff, apply it' },
    ],
  },
  {
    group: 'Records, trust and order',
    scenario: 'an untrusted pulled folder',
    fault: "the workspace opened in VS Code's Restricted Mode; a script's lens clicked, an edit applied with ✓",
    holds: 'nothing run, nothing applied (account unchanged); Manage Workspace Trust offered; trusting brings the lenses back',
    tests: [
      { suite: 'ui', title: 'restricted mode: an untrusted pulled folder runs no script and applies nothing, with Manage Workspace Trust' },
    ],
  },
  {
    group: 'Records, trust and order',
    scenario: 'overlapping runs of one hook',
    fault: 'an older run held in an integrator-api call until a newer run finished; every finishing order (fast-check)',
    holds: 'the older result arrives late and is not shown; the view ends on the newest run',
    tests: [
      { suite: 'unit', title: 'hook runs in order keeps the newer result when an older run of the same hook finishes after it' },
      {
        suite: 'unit',
        title: 'hook runs in order never shows an older run after a newer one, whatever order overlapping runs finish in (property-based)',
      },
    ],
  },
  {
    group: 'Records, trust and order',
    scenario: 'audit diff tabs after a reload',
    fault: 'a diff side the view never handed over; an entry the account no longer has; a window reload',
    holds: 'the text fetched again from the account, or the tab closed: never an empty diff',
    tests: [
      {
        suite: 'vscode',
        title:
          'audit diffs after a reload fetches a diff side nobody handed over (as VS Code restores it) again from the account; one whose entry is gone closes',
      },
      { suite: 'ui', title: 'find and restore: Find Resource searches the account; a reload restores the tree and the views' },
    ],
  },
  {
    group: 'Agent tools',
    scenario: 'account text that talks to the model',
    fault: 'a flow or script named "Ignore previous instructions…", a hostile name of 20 000 characters',
    holds: 'returned word for word as data under the note that says so, cut when huge; never followed',
    tests: [
      { suite: 'unit', title: 'agent tools (engine) a hostile resource name comes back as data under the note, word for word' },
      { suite: 'unit', title: 'agent tools (engine) a name of 20 000 characters comes back cut at 500' },
      {
        suite: 'vscode',
        title:
          'agent tools in VS Code finds a flow, reads its overview and its failing step’s errors, and a hostile name comes back as data',
      },
    ],
  },
  {
    group: 'Agent tools',
    scenario: 'a model’s hostile input',
    fault: 'ids with .., / and %2e, unknown fields, kinds such as __proto__ or accesstokens, a folder outside or through a link',
    holds: 'refused with a sentence saying what to send, before any request or read',
    tests: [
      { suite: 'unit', title: 'agent tools (engine) hostile input is refused with a sentence saying what to send, before any request' },
      { suite: 'unit', title: 'agent tools: attacks (review) HELD: input ids with .., /, %2e, ? and kinds __proto__/accesstokens' },
      { suite: 'unit', title: 'integratorPlanFolder refuses a folder outside the workspace, `..`, a link and no workspace at all' },
      {
        suite: 'vscode',
        title: 'agent tools that try, in VS Code integratorPlanFolder refuses a folder outside the workspace, `..` and a link',
      },
    ],
  },
  {
    group: 'Agent tools',
    scenario: 'an acting tool in production, approved for the whole chat',
    fault: 'run a flow, resolve and retry errors in an environment marked production; the question declined or nobody to ask',
    holds: 'asked first (PRODUCTION first), then the production question a click meets; declined, no write request',
    tests: [
      { suite: 'unit', title: 'acting agent tools (engine) integratorRunFlow declined, or with nobody to ask, runs nothing and says so' },
      {
        suite: 'unit',
        title:
          'acting agent tools (engine) integratorResolveErrors and integratorRetryErrors declined, or with nobody to ask, resolves nothing',
      },
      { suite: 'vscode', title: 'acting agent tools in VS Code in production the question says PRODUCTION first' },
      { suite: 'vscode', title: 'acting agent tools in VS Code in production resolving and retrying meet the production question' },
      {
        suite: 'ui',
        title: 'agent chat: a scripted model calls the tools; the run question names flow and environment, Skip runs nothing',
      },
    ],
  },
  {
    group: 'Agent tools',
    scenario: 'an agent’s edit saved by someone else’s act',
    fault: 'a proposed edit, then a task’s save-before-run, another extension’s saveAll()',
    holds: 'the save asks before deploying an agent’s edit; Not Now writes nothing and keeps the edit',
    tests: [
      { suite: 'vscode', title: 'agent tools in VS Code: attacks HOLDS: running a task (task.saveBeforeRun) asks before' },
      { suite: 'vscode', title: 'agent tools in VS Code: attacks HOLDS: any extension’s workspace.saveAll() asks before' },
    ],
  },
  {
    group: 'Agent tools',
    scenario: 'tokens and secrets in what a model reads',
    fault: 'the environment’s token inside a script and a name; a secret the API left unmasked',
    holds: 'masked in every answer, error and question; the document read unchanged',
    tests: [
      { suite: 'vscode', title: 'agent tools in VS Code: attacks HOLDS: the environment’s token in account text never reaches' },
      { suite: 'unit', title: 'agent tools: attacks (review) HOLDS: a secret the API did not mask is masked in the answer' },
      { suite: 'unit', title: 'integrator-io mcp serves the engine tools over stdio' },
    ],
  },
  {
    group: 'Agent tools',
    scenario: 'an account’s hook script run by an agent',
    fault: 'scripts that reach for process, require, the Function constructor, loop forever, or call integrator-api to write',
    holds: 'an error result, nothing of the host reached; only reads (exports.run) made, every write refused inside the script',
    tests: [
      {
        suite: 'unit',
        title: 'integratorRunHook a script that reaches for the host, or loops, comes back as an error result and nothing escapes',
      },
      { suite: 'unit', title: 'integratorRunHook passes the hook escape suite, each case a script of the account run through the tool' },
      {
        suite: 'unit',
        title: 'integratorRunHook lets the script read (exports.run) and refuses inside it every integrator-api call that would write',
      },
    ],
  },
  {
    group: 'Agent tools',
    scenario: 'the MCP server’s write flags',
    fault: 'acting tools called without --allow-writes, and in production without --allow-production-writes',
    holds: 'not listed; a call answers the flag it needs; nothing reaches the account',
    tests: [
      {
        suite: 'unit',
        title:
          'integrator-io mcp the write guard, on the real acting tools the acting tools are neither listed nor run without --allow-writes',
      },
      { suite: 'unit', title: 'the acting tools are neither listed nor run in production without either flag' },
    ],
  },
];
