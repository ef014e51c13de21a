// Layering rules for src/, checked by `npm run check:layers` (and .ci/run).
// The layers, top to bottom (imports point down only), are described in CONTRIBUTING.md:
//   extension.ts → commands/ → explorer/ documents/ webviews/ → environments/ → util/ → identity/ → model/ → api/
//   sandbox/ stands apart: a server with no VS Code in it, started by the environments layer.
const VSCODE_FACING = '^src/(extension\\.ts|commands|explorer|documents|webviews|environments|sourceControl|identity|model|util)';

module.exports = {
  forbidden: [
    {
      name: 'no-vscode-facing-code-in-api-or-sandbox',
      comment: 'api/ and sandbox/ run in plain Node (tests, the sandbox process): nothing VS Code-facing.',
      severity: 'error',
      from: { path: '^src/(api|sandbox)/' },
      to: { path: VSCODE_FACING },
    },
    {
      name: 'no-vscode-in-api-or-sandbox',
      comment: 'Not even type imports: these layers must not know VS Code exists.',
      severity: 'error',
      from: { path: '^src/(api|sandbox)/' },
      to: { path: '(^|/)vscode$|@types/vscode' },
    },
    {
      name: 'api-and-sandbox-are-separate',
      comment: 'The client and the server share no code, so each can be checked against the other.',
      severity: 'error',
      from: { path: '^src/api/' },
      to: { path: '^src/sandbox/' },
    },
    {
      name: 'sandbox-does-not-use-the-client',
      severity: 'error',
      from: { path: '^src/sandbox/' },
      to: { path: '^src/api/' },
    },
    {
      name: 'iac-is-an-engine-below-vscode',
      comment:
        'iac/ (integration as code) runs in the extension and in the CLI: it uses api/ and the table of resource kinds (model/resourceKinds.ts, plain data), nothing VS Code-facing, not the sandbox.',
      severity: 'error',
      from: { path: '^src/iac/' },
      to: { path: '^src/(?!iac/|api/|model/resourceKinds\\.ts)|(^|/)vscode$|@types/vscode' },
    },
    {
      name: 'cli-uses-only-the-engine',
      comment: 'The command line (dist/cli.js) is the engines (agentTools/ for its MCP server) and the client: no VS Code, no sandbox.',
      severity: 'error',
      from: { path: '^src/cli/' },
      to: { path: '^src/(?!cli/|iac/|hooks/|diagram/|handlebars/|agentTools/(?!vscodeTools\\.ts)|api/)|(^|/)vscode$|@types/vscode' },
    },
    {
      name: 'diagram-is-below-vscode',
      comment:
        'diagram/ (flow document → graph → Mermaid) serves the webview, the CLI and tests: it reads pulled folders through iac/ and words resources as the tree does (model/describe.ts), no VS Code.',
      severity: 'error',
      from: { path: '^src/diagram/' },
      to: { path: '^src/(?!diagram/|iac/|api/|model/describe\\.ts)|(^|/)vscode$|@types/vscode' },
    },
    {
      name: 'handlebars-is-below-vscode',
      comment:
        'handlebars/ (the template engine, its helpers and its checks) runs in a worker for the extension and in the CLI: nothing VS Code-facing.',
      severity: 'error',
      from: { path: '^src/handlebars/' },
      to: { path: '^src/(?!handlebars/|api/)|(^|/)vscode$|@types/vscode' },
    },
    {
      name: 'hooks-run-below-vscode',
      comment: 'hooks/ (the hook runner) runs in the extension and in the CLI: it uses api/ and nothing VS Code-facing.',
      severity: 'error',
      from: { path: '^src/hooks/' },
      to: { path: '^src/(?!hooks/|api/)|(^|/)vscode$|@types/vscode' },
    },
    {
      name: 'agent-tools-are-an-engine-below-vscode',
      comment:
        'agentTools/ (tools for coding agents: VS Code language model tools and the CLI MCP server) reads accounts through api/ and words them as the tree and the diagram do: nothing VS Code-facing, not the sandbox. Only vscodeTools.ts, their VS Code face, knows VS Code (as identity/index.ts does).',
      severity: 'error',
      from: { path: '^src/agentTools/(?!vscodeTools\\.ts)' },
      to: { path: '^src/(?!agentTools/|api/|model/|diagram/flowGraph\\.ts|handlebars/|hooks/|iac/)|(^|/)vscode$|@types/vscode' },
    },
    {
      name: 'model-imports-only-api',
      comment: 'model/ describes resource kinds; it sits just above api/.',
      severity: 'error',
      from: { path: '^src/model/' },
      to: { path: '^src/(extension\\.ts|commands|explorer|documents|webviews|environments|identity|util|sandbox)' },
    },
    {
      name: 'identity-is-below-the-features',
      comment:
        'identity/ builds and parses every URI and view key: it reads the table of resource kinds and nothing else, so every layer that names a document or a view can use it.',
      severity: 'error',
      from: { path: '^src/identity/' },
      to: { path: '^src/(?!identity/|model/resourceKinds\\.ts)' },
    },
    {
      name: 'identity-rules-run-in-node',
      comment: 'The rules of identity/ are plain TypeScript, unit-tested in Node; only index.ts, their VS Code face, makes vscode.Uri.',
      severity: 'error',
      from: { path: '^src/identity/(?!index\\.ts)' },
      to: { path: '(^|/)vscode$|@types/vscode' },
    },
    {
      name: 'features-do-not-import-commands-or-extension',
      comment:
        'explorer/, documents/, webviews/, environments/ and sourceControl/ are used by commands/ and extension.ts, never the reverse.',
      severity: 'error',
      from: { path: '^src/(explorer|documents|webviews|environments|sourceControl)/' },
      to: { path: '^src/(extension\\.ts|commands/)' },
    },
    {
      name: 'environments-below-features',
      comment: 'environments/ is used by the explorer, documents and webviews, and uses none of them.',
      severity: 'error',
      from: { path: '^src/environments/' },
      to: { path: '^src/(extension\\.ts|commands|explorer|documents|webviews)/?' },
    },
    {
      name: 'util-is-a-leaf-of-the-vscode-layers',
      comment: 'util/ (logging, error text) serves every VS Code-facing layer and imports only model/ and api/.',
      severity: 'error',
      from: { path: '^src/util/' },
      to: { path: '^src/(extension\\.ts|commands|explorer|documents|webviews|environments|sandbox)' },
    },
    {
      name: 'webviews-below-commands',
      comment: 'A view and its controller live in webviews/; commands open them, never the reverse, and views do not know the tree.',
      severity: 'error',
      from: { path: '^src/webviews/' },
      to: { path: '^src/(extension\\.ts|commands|explorer|sandbox)' },
    },
    {
      name: 'pages-run-in-the-browser',
      comment:
        'Webview pages and their message types run in a browser page: no vscode, no Node; only each other, api/ types and model/format.',
      severity: 'error',
      from: { path: '^src/webviews/(pages|protocol)/' },
      to: {
        path: '^src/(?!webviews/(pages|protocol)/|api/types\\.ts|model/format\\.ts)|(^|/)vscode$|^(crypto|fs|path|http|https|url|util)$',
      },
    },
    {
      name: 'documents-do-not-know-the-tree',
      comment: 'The tree hears about saves through onDidSave.',
      severity: 'error',
      from: { path: '^src/documents/' },
      to: { path: '^src/(explorer|webviews)/' },
    },
    {
      name: 'activation-stays-small',
      comment:
        'extension.ts and activation/ are all that activation loads (dist/extension.js); the rest is dist/main.js, loaded on first use. ' +
        'They may use main.ts and the layers below only for types.',
      severity: 'error',
      from: { path: '^src/(extension\\.ts|activation/)' },
      to: {
        path: '^src/(?!activation/|identity/schemes\\.ts|environments/storageKeys\\.ts|util/disposable\\.ts)',
        dependencyTypesNot: ['type-only'],
      },
    },
    {
      name: 'nothing-imports-activation',
      comment: 'Activation is the top: main.ts and the layers below are loaded by it, not the reverse (only the Surface type).',
      severity: 'error',
      from: { path: '^src/(?!extension\\.ts|activation/)' },
      to: { path: '^src/(extension\\.ts|activation/)', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'commands-do-not-import-extension',
      severity: 'error',
      from: { path: '^src/commands/' },
      to: { path: '^src/(extension|main)\\.ts' },
    },
    {
      name: 'src-does-not-import-tests',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^test/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '^(out|dist)/' },
  },
};
