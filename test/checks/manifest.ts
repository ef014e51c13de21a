/**
 * Checks that package.json and the code agree, so no contributed command fails with "command
 * not found" and no registered command is missing from the manifest:
 * - every command contributed, used in a menu, a welcome view or a keybinding is defined in
 *   src/commands with defineCommand and listed in COMMANDS (activation registers each contributed
 *   command, and runs it from COMMANDS once the rest of the extension is loaded);
 * - every command defined in the code is contributed, since activation registers no other;
 * - every view is created in the code; every custom `when`-clause context key is set in the code;
 * - every file path the manifest names (icons, schemas, grammars) exists;
 * - the language model tools contributed are AGENT_TOOLS (src/agentTools), in order, with the
 *   same display name, model description and input schema (activation registers what is contributed).
 *
 *   npm run check:manifest
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { AGENT_TOOLS } from '../../src/agentTools';

const ROOT = path.resolve(__dirname, '../../..');
/** Context keys VS Code itself sets. */
const BUILT_IN_CONTEXT_KEYS = new Set([
  'view',
  'viewItem',
  'resourceScheme',
  'resourceFilename',
  'resourceExtname',
  'resourceLangId',
  'editorLangId',
  'false',
  'true',
]);

interface Manifest {
  main?: string;
  activationEvents?: string[];
  contributes?: {
    commands?: { command: string; icon?: unknown }[];
    menus?: Record<string, { command?: string; when?: string; submenu?: string }[]>;
    views?: Record<string, { id: string; icon?: string }[]>;
    viewsContainers?: Record<string, { id: string; icon?: string }[]>;
    viewsWelcome?: { view: string; contents: string; when?: string }[];
    keybindings?: { command: string; when?: string }[];
    jsonValidation?: { url: string }[];
    grammars?: { path: string }[];
    languages?: { configuration?: string }[];
    languageModelTools?: { name: string; displayName?: string; modelDescription?: string; inputSchema?: unknown; when?: string }[];
  };
}

function main(): number {
  const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as Manifest;
  const contributes = manifest.contributes ?? {};
  const sources = readSources(path.join(ROOT, 'src'));
  const problems: string[] = [];

  // Commands defined in code: defineCommand(...) results (listed in COMMANDS, checked below).
  const defined = new Map<string, string>(); // id → exported constant
  for (const text of sources.values()) {
    for (const m of text.matchAll(/export const (\w+) = defineCommand(?:<[^>]*>)?\(\{\s*id: '([^']+)'/g)) defined.set(m[2]!, m[1]!);
  }
  const commandsIndex = sources.get(path.join(ROOT, 'src/commands/index.ts')) ?? '';
  for (const [id, constant] of defined) {
    if (!new RegExp(`\\b${constant}\\b`).test(commandsIndex.split('COMMANDS')[1] ?? '')) {
      problems.push(`${id} is defined (${constant}) but not listed in COMMANDS, so activation's registration of it finds nothing to run`);
    }
  }

  const contributed = new Set((contributes.commands ?? []).map((c) => c.command));
  for (const id of contributed) if (!defined.has(id)) problems.push(`${id} is contributed but not registered in the code`);
  for (const id of defined.keys()) if (!contributed.has(id)) problems.push(`${id} is registered but not contributed in package.json`);

  const referenced: [string, string][] = [];
  for (const [menu, items] of Object.entries(contributes.menus ?? {}))
    for (const item of items) if (item.command) referenced.push([item.command, `menu ${menu}`]);
  for (const k of contributes.keybindings ?? []) referenced.push([k.command, 'keybinding']);
  for (const w of contributes.viewsWelcome ?? [])
    for (const m of w.contents.matchAll(/\(command:([\w.]+)/g)) referenced.push([m[1]!, `welcome view of ${w.view}`]);
  for (const [file, text] of sources) {
    for (const m of text.matchAll(/(?:executeCommand(?:<[^>]*>)?\(|command: )'(integratorIo\.[\w.]+)'/g))
      referenced.push([m[1]!, path.relative(ROOT, file)]);
  }
  for (const [id, where] of referenced)
    if (id.startsWith('integratorIo.') && !defined.has(id)) problems.push(`${where} refers to ${id}, which is not registered`);

  // Views must be created in the code.
  for (const views of Object.values(contributes.views ?? {})) {
    for (const view of views) {
      const created = [...sources.values()].some(
        (t) =>
          t.includes(`createTreeView('${view.id}'`) ||
          t.includes(`registerTreeDataProvider('${view.id}'`) ||
          t.includes(`registerWebviewViewProvider('${view.id}'`),
      );
      if (!created) problems.push(`view ${view.id} is contributed but never created in the code`);
    }
  }

  // Custom context keys in when clauses must be set somewhere.
  const whens = [
    ...Object.values(contributes.menus ?? {}).flatMap((items) => items.map((i) => i.when ?? '')),
    ...(contributes.viewsWelcome ?? []).map((w) => w.when ?? ''),
    ...(contributes.keybindings ?? []).map((k) => k.when ?? ''),
    ...(contributes.languageModelTools ?? []).map((t) => t.when ?? ''),
  ];
  // A clause is terms joined by && and ||; a term is a key, !key, or key <op> value.
  const keys = new Set(
    whens
      .flatMap((w) => w.split(/&&|\|\||[()]/))
      .map((term) =>
        term
          .split(/==|!=|=~|>=|<=|>|<|\snot in\s|\sin\s/)[0]!
          .replace(/^\s*!/, '')
          .trim(),
      )
      .filter((key) => /^[A-Za-z][\w.]*$/.test(key)),
  );
  // The keys the extension sets are the values of CONTEXT_KEYS (src/util/contextKeys.ts), the one place that sets them.
  const keysModule = sources.get(path.join(ROOT, 'src/util/contextKeys.ts')) ?? '';
  const setKeys = new Set([...keysModule.matchAll(/^\s+\w+: '(integratorIo\.[\w.]+)',$/gm)].map((m) => m[1]!));
  for (const key of keys) {
    if (BUILT_IN_CONTEXT_KEYS.has(key) || !key.startsWith('integratorIo.')) continue;
    if (!setKeys.has(key)) problems.push(`when-clause context key ${key} is not one of CONTEXT_KEYS (src/util/contextKeys.ts)`);
  }
  for (const [file, text] of sources)
    if (text.includes("'setContext'") && !file.endsWith(path.join('util', 'contextKeys.ts')))
      problems.push(`${path.relative(ROOT, file)} sets a context key itself: use setContextKey (src/util/contextKeys.ts)`);

  // Each view restored after a reload has a serializer and an activation event (VS Code activates
  // the extension for the view before asking the serializer).
  const viewTypes = sources.get(path.join(ROOT, 'src/activation/viewTypes.ts')) ?? '';
  const restorable = new Set([...viewTypes.matchAll(/'(integratorIo\.[\w]+)'/g)].map((m) => m[1]!));
  const webviewEvents = new Set(
    (manifest.activationEvents ?? []).filter((e) => e.startsWith('onWebviewPanel:')).map((e) => e.slice('onWebviewPanel:'.length)),
  );
  for (const type of restorable)
    if (!webviewEvents.has(type)) problems.push(`view type ${type} is restored but has no onWebviewPanel activation event`);
  for (const type of webviewEvents)
    if (!restorable.has(type)) problems.push(`onWebviewPanel:${type} names a view type activation does not restore`);
  for (const type of restorable)
    if (![...sources.values()].some((text) => text.includes(`viewType: '${type}'`)))
      problems.push(`view type ${type} is restored but no panel makes it`);

  problems.push(...toolProblems(contributes.languageModelTools ?? []));

  // Paths the manifest names.
  const paths = [
    manifest.main?.replace(/^\.\//, '').replace(/^dist\/.*/, ''), // built output is checked by the build, not here
    ...Object.values(contributes.viewsContainers ?? {}).flatMap((list) => list.map((c) => c.icon)),
    ...Object.values(contributes.views ?? {}).flatMap((list) => list.map((v) => v.icon)),
    ...(contributes.jsonValidation ?? []).map((j) => j.url),
    ...(contributes.grammars ?? []).map((g) => g.path),
    ...(contributes.languages ?? []).map((l) => l.configuration),
  ].filter((p): p is string => !!p && !/^[a-z]+:/.test(p) && !p.startsWith('$('));
  for (const p of paths) if (!fs.existsSync(path.join(ROOT, p))) problems.push(`package.json names ${p}, which does not exist`);

  // What the extension loads at run time must go into the .vsix: every bundle esbuild.js makes
  // (but the two command lines, run from a terminal), the webview pages and the hook runtime.
  const packaged = fs.readFileSync(path.join(ROOT, '.vscodeignore'), 'utf8').split('\n');
  const bundles = [...fs.readFileSync(path.join(ROOT, 'esbuild.js'), 'utf8').matchAll(/outfile: '(dist\/[\w-]+\.js)'/g)]
    .map((m) => m[1])
    .filter((file) => file !== 'dist/cli.js' && file !== 'dist/sandbox.js');
  for (const wanted of [...bundles.map((file) => `!${file}`), '!dist/webviews/*.js', '!media/webviews/**', '!dist/hookRuntime/**'])
    if (!packaged.includes(wanted)) problems.push(`.vscodeignore leaves out what the extension loads: add ${wanted}`);

  if (problems.length) {
    console.error(`The manifest and the code disagree:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    return 1;
  }
  console.log(
    `manifest: ${contributed.size} commands, ${AGENT_TOOLS.length} language model tools, ${keys.size} context keys and ${paths.length} paths agree with the code`,
  );
  return 0;
}

/** The contributed language model tools against AGENT_TOOLS: what a model reads must be what the engine reads. */
function toolProblems(contributed: NonNullable<NonNullable<Manifest['contributes']>['languageModelTools']>): string[] {
  const problems: string[] = [];
  const names = contributed.map((t) => t.name).join(', ');
  const engine = AGENT_TOOLS.map((t) => t.name).join(', ');
  if (names !== engine) problems.push(`languageModelTools are [${names}] but AGENT_TOOLS are [${engine}]`);
  for (const tool of AGENT_TOOLS) {
    const entry = contributed.find((t) => t.name === tool.name);
    if (!entry) continue;
    if (entry.displayName !== tool.title) problems.push(`${tool.name}: displayName is not the tool's title "${tool.title}"`);
    if (entry.modelDescription !== tool.description) problems.push(`${tool.name}: modelDescription is not the tool's description`);
    try {
      assert.deepStrictEqual(entry.inputSchema, tool.inputSchema);
    } catch {
      problems.push(`${tool.name}: inputSchema differs from the tool's (src/agentTools)`);
    }
  }
  return problems;
}

function readSources(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) for (const [k, v] of readSources(full)) out.set(k, v);
    else if (entry.name.endsWith('.ts')) out.set(full, fs.readFileSync(full, 'utf8'));
  }
  return out;
}

process.exit(main());
