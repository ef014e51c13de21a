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
      { suite: 'ui', title: 'hostile content in the mapping preview, export preview, errors, audit and job views' },
      { suite: 'unit', title: 'webview state and messages reads only the actions a view knows, with the fields it expects' },
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
    group: 'Containment',
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
    group: 'Containment',
    scenario: 'an untrusted pulled folder',
    fault: "the workspace opened in VS Code's Restricted Mode; a script's lens clicked, an edit applied with ✓",
    holds: 'nothing run, nothing applied (account unchanged); Manage Workspace Trust offered; trusting brings the lenses back',
    tests: [
      { suite: 'ui', title: 'restricted mode: an untrusted pulled folder runs no script and applies nothing, with Manage Workspace Trust' },
    ],
  },
  {
    group: 'Containment',
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
    group: 'Containment',
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
];
