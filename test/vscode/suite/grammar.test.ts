/**
 * The Handlebars injection grammar, tokenised with vscode-textmate against the JSON grammar
 * that this VS Code ships: templates inside JSON strings get their own scopes, keys do not.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { INITIAL, IGrammar, Registry } from 'vscode-textmate';
import { createOnigScanner, createOnigString, loadWASM } from 'vscode-oniguruma';
import { EXTENSION_ID } from './support';

const INJECTION = 'integrator-io.handlebars.injection';

async function jsonGrammar(): Promise<IGrammar> {
  const wasm = fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
  await loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const jsonPath = path.join(vscode.extensions.getExtension('vscode.json')!.extensionPath, 'syntaxes', 'JSON.tmLanguage.json');
  const ours = vscode.extensions.getExtension(EXTENSION_ID)!;
  const manifest = ours.packageJSON as { contributes: { grammars: { path: string; scopeName: string }[] } };
  const injectionPath = path.join(ours.extensionPath, manifest.contributes.grammars.find((g) => g.scopeName === INJECTION)!.path);
  const registry = new Registry({
    onigLib: Promise.resolve({ createOnigScanner, createOnigString }),
    loadGrammar: (scopeName) => {
      const file = scopeName === 'source.json' ? jsonPath : scopeName === INJECTION ? injectionPath : undefined;
      return Promise.resolve(file ? (JSON.parse(fs.readFileSync(file, 'utf8')) as never) : null);
    },
    getInjections: (scopeName) => (scopeName === 'source.json' ? [INJECTION] : undefined),
  });
  const grammar = await registry.loadGrammar('source.json');
  if (!grammar) throw new Error('JSON grammar not loaded');
  return grammar;
}

/** [text, scopes] of every token of one line. */
function tokens(grammar: IGrammar, line: string): [string, string][] {
  return grammar.tokenizeLine(line, INITIAL).tokens.map((t) => [line.slice(t.startIndex, t.endIndex), t.scopes.join(' ')]);
}

function scopesOf(all: [string, string][], text: string): string {
  const found = all.find(([t]) => t === text);
  assert.ok(found, `no token "${text}" in ${JSON.stringify(all.map(([t]) => t))}`);
  return found[1];
}

describe('Handlebars in JSON', () => {
  let grammar: IGrammar;
  before(async () => {
    grammar = await jsonGrammar();
  });

  it('scopes paths, helpers and their arguments inside string values', () => {
    const all = tokens(grammar, '{"relativeURI": "/orders/{{record.id}}?since={{dateFormat \\"YYYY-MM-DD\\" lastExportDateTime}}"}');
    assert.match(
      scopesOf(all, 'record.id'),
      /string\.quoted\.double\.json .*meta\.embedded\.handlebars.*variable\.other\.path\.handlebars/,
    );
    assert.match(scopesOf(all, 'dateFormat'), /support\.function\.helper\.handlebars/);
    assert.match(scopesOf(all, '\\"YYYY-MM-DD\\"'), /string\.quoted\.double\.handlebars/);
    assert.match(scopesOf(all, 'lastExportDateTime'), /variable\.other\.path\.handlebars/);
    assert.match(scopesOf(all, '/orders/'), /^source\.json .*string\.quoted\.double\.json$/, 'plain text stays a JSON string');
  });

  it('scopes {{#each}}…{{/each}} blocks and {{{triple}}} output', () => {
    const all = tokens(grammar, '{"body": "{{#each data}}{{{this.name}}},{{else}}none{{/each}}"}');
    assert.match(scopesOf(all, '#'), /keyword\.control\.block\.begin\.handlebars/);
    assert.match(all.filter(([t]) => t === 'each')[0]![1], /keyword\.control\.block\.name\.handlebars/);
    assert.match(scopesOf(all, '/'), /keyword\.control\.block\.end\.handlebars/);
    assert.match(scopesOf(all, '{{{'), /meta\.embedded\.handlebars\.raw.*punctuation\.section\.embedded\.begin/);
    assert.match(scopesOf(all, 'this.name'), /meta\.embedded\.handlebars\.raw.*variable\.other\.path/);
    assert.match(scopesOf(all, 'else'), /keyword\.control\.else\.handlebars/);
  });

  it('leaves property names alone', () => {
    const all = tokens(grammar, '{"{{notATemplate}}": 1}');
    assert.ok(!all.some(([, s]) => s.includes('handlebars')), JSON.stringify(all));
  });
});
