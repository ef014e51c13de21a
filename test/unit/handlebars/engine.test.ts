/**
 * The engine around the helpers: `{{ }}` escaped for the field's place and `{{{ }}}` raw, a render
 * stopped past its budget, problems at the template's line and column, what the editor finds
 * before a template runs, where a template's characters sit in its JSON document, the worker's
 * time limit, and `integrator-io handlebars render` as CI runs it.
 */
import * as assert from 'assert';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { analyse } from '../../../src/handlebars/analysis';
import { codeBlock } from '../../../src/handlebars/codeBlock';
import { HELPERS } from '../../../src/handlebars/catalog';
import { render } from '../../../src/handlebars/engine';
import { HELPER_FUNCTIONS } from '../../../src/handlebars/helpers';
import { indexOfPosition, templatesIn } from '../../../src/handlebars/jsonTemplates';
import { escapeFor, templateContext } from '../../../src/handlebars/templateContext';
import { runTemplate, stopTemplateWorker } from '../../../src/handlebars/workerClient';
import { helperTable, readmeTable } from '../../checks/helperTable';
import { runCli } from '../../support/cli';
import { renders } from '../../support/handlebars';

describe('handlebars engine', () => {
  it('escapes {{ }} for where the template is used, and leaves {{{ }}} raw', () => {
    const data = { v: `a&b <c> "d" 'e' /f?g=h` };
    renders('{{v}}', data, 'a&amp;b &lt;c&gt; &quot;d&quot; &#x27;e&#x27; /f?g&#x3D;h');
    renders('{{{v}}}', data, data.v);
    renders('{{v}}', data, encodeURIComponent(data.v), 'url');
    renders('{{{v}}}', data, data.v, 'url');
    renders('{{v}}', { v: "O'Brien" }, "'O''Brien'", 'sql');
    renders('{{v}}', data, data.v, 'none');
    // Arrays print comma-joined, missing fields empty, as on the platform.
    renders('[{{list}}][{{missing}}][{{missing.deeper}}]', { list: [1, 'a', null] }, '[1,a,][][]');
  });

  it('the escaping follows the field: URL-encoded in a relative URI, quoted in SQL, HTML elsewhere', () => {
    assert.strictEqual(escapeFor(['http', 'relativeURI']), 'url');
    assert.strictEqual(escapeFor(['http', 'relativeURI', 0]), 'url');
    assert.strictEqual(escapeFor(['rdbms', 'query']), 'sql');
    assert.strictEqual(escapeFor(['rdbms', 'query', 1]), 'sql');
    assert.strictEqual(escapeFor(['http', 'body']), 'html');
    assert.strictEqual(escapeFor(['mapping', 'fields', 0, 'extract']), 'html');
  });

  it('a template reaches no prototype and runs no code of its own', () => {
    renders('{{constructor}}{{v.constructor}}{{v.__proto__}}{{lookup v "constructor"}}', { v: {} }, '');
    const result = render('{{#with v}}{{constructor.constructor "return process"}}{{/with}}', { v: {} });
    assert.ok(!result.ok || result.output === '', JSON.stringify(result));
  });

  it('a loop over a loop over a large sample is stopped, and says why', () => {
    const result = render('{{#each a}}{{#each ../a}}{{#each ../../a}}x{{/each}}{{/each}}{{/each}}', {
      a: Array.from({ length: 200 }, (_, i) => i),
    });
    assert.ok(!result.ok);
    assert.match(result.problem.message, /more than 1,000,000 steps; it was stopped/);
    const wide = render('{{#each a}}{{{../big}}}{{/each}}', { a: Array.from({ length: 100 }, (_, i) => i), big: 'x'.repeat(200_000) });
    assert.ok(!wide.ok);
    assert.match(wide.problem.message, /output passed 10,485,760 characters/);
    const long = render('x'.repeat(300_000), {});
    assert.ok(!long.ok && /limit is 262144/.test(long.problem.message));
  });

  it('says where a template cannot be read', () => {
    const unclosed = render('{{#if name}}x', {});
    assert.ok(!unclosed.ok);
    assert.deepStrictEqual([unclosed.problem.line, unclosed.problem.column], [1, 13]);
    const mismatched = render('one\n{{#each items}}{{this}}{{/if}}', {});
    assert.ok(!mismatched.ok);
    assert.match(mismatched.problem.message, /\{\{#each\}\} is closed by \{\{\/if\}\}/);
    assert.strictEqual(mismatched.problem.line, 2);
  });

  it('every helper the catalog lists has an implementation, and every implementation is listed', () => {
    const listed = new Set(HELPERS.map((h) => h.name));
    const implemented = new Set(Object.keys(HELPER_FUNCTIONS));
    const builtIns = new Set(['if', 'unless', 'each', 'with']);
    assert.deepStrictEqual(
      [...listed].filter((n) => !implemented.has(n) && !builtIns.has(n)),
      [],
      'listed without an implementation',
    );
    assert.deepStrictEqual(
      [...implemented].filter((n) => !listed.has(n) && n !== 'jsonStringify'),
      [],
      'implemented without a listing',
    );
    assert.strictEqual(
      HELPERS.filter((h) => !h.block && h.name !== 'jsonStringify').length,
      79,
      'the 79 inline helpers of the reference (and an alias)',
    );
    assert.strictEqual(HELPERS.filter((h) => h.block).length, 16, 'and its 16 block helpers');
  });
});

describe('handlebars analysis', () => {
  const context = templateContext({
    kind: 'import',
    records: [{ customer: { email: 'a@b.c', name: 'Ann' }, total: 5, lines: [{ sku: 'A' }] }],
  });
  const codes = (template: string) => analyse(template, { kind: 'import', context }).map((f) => `${f.code}: ${f.message}`);

  it('names a helper integrator.io does not have, with the closest it has', () => {
    assert.deepStrictEqual(codes('{{uppercse record.customer.name}}'), [
      'unknown-helper: integrator.io has no helper "uppercse"; did you mean "uppercase"?',
    ]);
  });

  it('a wrong number of arguments, and a block helper used inline (or the other way round)', () => {
    const found = codes('{{dateFormat}} {{compare 1 "==" 1}} {{#uppercase record.total}}x{{/uppercase}}');
    assert.ok(
      found.some((f) => f.startsWith('arguments: dateFormat takes')),
      found.join('\n'),
    );
    assert.ok(found.includes('block: compare is a block helper: {{#compare …}}…{{/compare}}'), found.join('\n'));
    assert.ok(found.includes('block: uppercase is not a block helper: {{uppercase …}}'), found.join('\n'));
  });

  it('a path no sample record has, naming the closest one, and a field without record.', () => {
    assert.deepStrictEqual(codes('{{record.customer.emial}}'), [
      'unknown-path: No sample record has record.customer.emial; the closest it has is record.customer.email. It renders empty.',
    ]);
    assert.deepStrictEqual(codes('{{total}}'), [
      "record-prefix: AFE 2.0 templates read the record's fields under record.: use record.total",
    ]);
    assert.deepStrictEqual(
      codes('{{record.lines.0.sku}} {{record.lines.length}} {{#each record.lines}}{{sku}}{{/each}} {{settings.x}}'),
      [],
    );
  });

  it('a template that cannot be read is one finding, at its place', () => {
    const [finding] = analyse('ok {{#if x}} never closed', {});
    assert.strictEqual(finding?.code, 'parse');
    assert.strictEqual(finding?.start.line, 1);
  });
});

describe('templates in a JSON document', () => {
  it('finds every template with its path, and maps its characters through the JSON escapes', () => {
    const text =
      '{\n  "http": { "relativeURI": "/orders/{{record.id}}", "body": "{\\"a\\": \\"{{x}}\\"}\\n\\u00e9{{y}}" },\n  "name": "no template"\n}';
    const found = templatesIn(text);
    assert.deepStrictEqual(
      found.map((t) => [t.path.join('.'), t.template]),
      [
        ['http.relativeURI', '/orders/{{record.id}}'],
        ['http.body', '{"a": "{{x}}"}\né{{y}}'],
      ],
    );
    const body = found[1]!;
    for (const needle of ['{{x}}', '{{y}}']) {
      const index = body.template.indexOf(needle);
      assert.strictEqual(text.slice(body.documentOffset(index), body.documentOffset(index + needle.length)), needle);
      assert.strictEqual(body.templateIndex(body.documentOffset(index)), index);
    }
    assert.strictEqual(indexOfPosition('ab\ncd{{x}}', 2, 2), 5);
  });
});

describe('handlebars in a worker, and integrator-io handlebars render', function () {
  this.timeout(30_000);
  after(() => stopTemplateWorker());

  it('a regular expression that backtracks for ever is stopped at the time limit, and the next template renders', async () => {
    const slow = await runTemplate({ template: '{{regexMatch s "^(a+)+$"}}', context: { s: `${'a'.repeat(40)}!` }, timeLimitMs: 500 });
    assert.ok(slow.render && !slow.render.ok);
    assert.match(slow.render.problem.message, /took longer than 0.5 s; it was stopped/);
    const next = await runTemplate({ template: '{{uppercase x}}', context: { x: 'ok' } });
    assert.deepStrictEqual(next.render, { ok: true, output: 'OK' });
  });

  it('render prints the output exactly, exit 0; a problem is exit 1 with its line and column', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'hb-cli-'));
    const data = path.join(dir, 'data.json');
    await fs.writeFile(data, JSON.stringify({ name: 'Ann & Bob', items: [1, 2] }));
    const ok = await runCli(['handlebars', 'render', '--template', '{{name}}:{{#each items}} {{this}}{{/each}}', '--data', data], {});
    assert.deepStrictEqual([ok.code, ok.stdout], [0, 'Ann &amp; Bob: 1 2']);

    const template = path.join(dir, 'body.hbs');
    await fs.writeFile(template, '{"id": "{{{record.name}}}"}\n');
    const asImport = await runCli(['handlebars', 'render', '--template', template, '--data', data, '--context', 'import'], {});
    assert.deepStrictEqual([asImport.code, asImport.stdout], [0, '{"id": "Ann & Bob"}\n']);

    const bad = await runCli(['handlebars', 'render', '--template', 'a\n{{#each items}}x{{/if}}', '--data', data], {});
    assert.strictEqual(bad.code, 1);
    assert.match(bad.stderr, /^line 2, column \d+: Handlebars cannot read this template: \{\{#each\}\} is closed by \{\{\/if\}\}/);

    const json = await runCli(['handlebars', 'render', '--template', '{{nope 1}}', '--json'], {});
    assert.strictEqual(json.code, 1);
    assert.deepStrictEqual(JSON.parse(json.stdout), {
      ok: false,
      problem: { message: 'integrator.io has no helper "nope"', line: 1, column: 0 },
    });
    await fs.rm(dir, { recursive: true, force: true });
  });
});

describe('the README’s helper table', () => {
  it('is what the catalog says (npm run docs:helpers writes it)', () => {
    const table = readmeTable();
    assert.ok(table, 'README.md has the helper table block');
    // Prettier lays the table out; the cells are what matter.
    const cells = (text: string) =>
      text
        .split('\n')
        .filter((l) => l.startsWith('|') && !/^\|\s*-/.test(l))
        .map((l) =>
          l
            .split(/(?<!\\)\|/)
            .map((c) => c.trim())
            .join('|'),
        );
    assert.deepStrictEqual(cells(table), cells(helperTable()));
  });
});

describe('a hostile template (an attacker’s review)', () => {
  it('text that grows past the limit inside a helper is stopped before it is made, in process and in the worker', async () => {
    const bomb = '{{{replace (replace (replace (padLeft "" 999999 "x") "x" "xxxxxxxx") "x" "xxxxxxxx") "x" "xx"}}}';
    const direct = render(bomb, {});
    assert.ok(!direct.ok);
    assert.match(direct.problem.message, /replace: (the result would be|its text is)|output passed/);
    const dollars = render(`{{{regexReplace (padLeft "" 999999 "x") "${'$&'.repeat(100)}" "x" "g"}}}`, {});
    assert.ok(!dollars.ok);
    assert.match(dollars.problem.message, /regexReplace: the result would be/);
    const worker = await runTemplate({ template: bomb, context: {} });
    assert.ok(worker.render && !worker.render.ok, 'the worker answers, and this process is still here');
  });

  it('raw output counts against the budget, partials and decorators are refused, log prints nothing', () => {
    const raw = render('{{{padLeft "" 999999 "x"}}}'.repeat(20), {});
    assert.ok(!raw.ok && /output passed/.test(raw.problem.message));
    for (const template of ['{{> other}}', '{{#*inline "p"}}x{{/inline}}{{> p}}', '{{#> layout}}x{{/layout}}']) {
      const refused = render(template, {});
      assert.ok(!refused.ok, template);
      assert.match(refused.problem.message, /Partials and decorators/, template);
    }
    const written: string[] = [];
    const write = process.stdout.write.bind(process.stdout);
    process.stdout.write = (chunk: string) => (written.push(String(chunk)), true);
    try {
      renders('{{log x}}{{log "y" level="error"}}ok', { x: '\u001b[31mred' }, 'ok');
    } finally {
      process.stdout.write = write;
    }
    assert.deepStrictEqual(written, [], 'nothing reaches the console');
  });

  it('a helper’s SafeString is escaped for a URL or a SQL query; only HTML keeps it', () => {
    renders('{{htmlEncode x}}', { x: '1&admin=true#f' }, '1&amp;admin=true#f');
    renders('{{htmlEncode x}}', { x: '1&admin=true#f' }, encodeURIComponent('1&amp;admin=true#f'), 'url');
    renders('{{htmlEncode x}}', { x: '1 OR 1=1; DROP TABLE t --' }, "'1 OR 1=1; DROP TABLE t --'", 'sql');
    renders('{{x}}', { x: 'a\uD800b' }, 'a%EF%BF%BDb', 'url');
  });

  it('errors that happen while a template runs say where', () => {
    const wrong = render('ok\n  {{dateFormat "YYYY" "nope"}}', {});
    assert.ok(!wrong.ok);
    assert.deepStrictEqual([wrong.problem.line, wrong.problem.column], [2, 2]);
    const missing = render('a {{foo record.id}}', {});
    assert.ok(!missing.ok);
    assert.deepStrictEqual(
      [missing.problem.message, missing.problem.line, missing.problem.column],
      ['integrator.io has no helper "foo"', 1, 2],
    );
    const long = render('{{dateFormat "YYYY" x}}', { x: '1'.repeat(100_000) });
    assert.ok(!long.ok && long.problem.message.length < 600, 'a message does not repeat a huge input');
  });

  it('a template nested deeper than 64 levels is refused before Handlebars reads it', () => {
    const deep = `{{add 1 ${'(add 1 '.repeat(2_000)}1${')'.repeat(2_000)}}}`;
    const result = render(deep, {});
    assert.ok(!result.ok);
    assert.match(result.problem.message, /nests deeper than 64 levels/);
    assert.strictEqual(analyse(deep)[0]?.code, 'parse');
    renders(`{{add 1 ${'(add 1 '.repeat(19)}1${')'.repeat(19)}}}`, {}, '21');
  });
});

describe('integrator-io handlebars render, as a template writer uses it', function () {
  this.timeout(30_000);
  it('--resource gives one-to-many batches and settings; warnings go to stderr; a misspelt file name is said', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'hb-cli-'));
    const records = path.join(dir, 'records.json');
    const resource = path.join(dir, 'import.json');
    await fs.writeFile(records, JSON.stringify([{ a: 1 }, { a: 2 }]));
    await fs.writeFile(resource, JSON.stringify({ oneToMany: true, settings: { sep: ';' } }));
    const batch = await runCli(
      [
        'handlebars',
        'render',
        '--template',
        '{{#each batch_of_records}}{{record.a}}{{@root.settings.sep}}{{/each}}',
        '--data',
        records,
        '--context',
        'import',
        '--resource',
        resource,
      ],
      {},
    );
    assert.deepStrictEqual([batch.code, batch.stdout, batch.stderr], [0, '1;2;', '']);
    const warned = await runCli(['handlebars', 'render', '--template', '{{record.b}}', '--data', records, '--context', 'import'], {});
    assert.strictEqual(warned.code, 0);
    assert.match(warned.stderr, /^warning: line 1, column 3: No sample record has record\.b; the closest it has is record\.a/);
    const typo = await runCli(['handlebars', 'render', '--template', path.join(dir, 'bdoy.hbs')], {});
    assert.strictEqual(typo.code, 1);
    assert.match(typo.stderr, /No file ".*bdoy\.hbs"/);
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('a --resource file that is not a JSON object is refused, not read as a document', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'hb-cli-'));
    const list = path.join(dir, 'list.json');
    await fs.writeFile(list, '[1, 2]');
    const refused = await runCli(['handlebars', 'render', '--template', '{{record.a}}', '--context', 'import', '--resource', list], {});
    assert.deepStrictEqual(
      [refused.code, refused.stdout, refused.stderr],
      [1, '', '--resource takes a JSON object: an export or an import document.\n'],
    );
    await fs.rm(dir, { recursive: true, force: true });
  });
});

describe('a hostile template: a long delimiter between many values', () => {
  it('join measures its result before making it', () => {
    const many = Array.from({ length: 2_000 }, () => 'a').join(' ');
    const result = render(`{{{join (padLeft "" 999999 "-") ${many}}}}`, { a: 'x' });
    assert.ok(!result.ok);
    assert.match(result.problem.message, /join: the result would be/);
  });
});

describe('a template’s output in a hover', () => {
  it('is a code block no line of the output can close', () => {
    const output = 'a\n```\n[click](https://example.com)\n````\nb';
    const block = codeBlock(output);
    const fence = /^\n(`+)text\n/.exec(block)![1]!;
    assert.strictEqual(fence.length, 5, 'longer than the longest run of backticks in the output');
    const inside = block.slice(fence.length + 'text\n'.length + 1, -(fence.length + 2));
    assert.strictEqual(inside, output);
    assert.ok(!inside.split('\n').some((line) => line.trim() === fence), 'no line closes the block');
    assert.strictEqual(codeBlock('plain'), '\n```text\nplain\n```\n');
  });
});
