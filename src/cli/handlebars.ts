/**
 * `integrator-io handlebars render`: a template rendered with integrator.io's helpers, for CI tests
 * of templates. The output is printed exactly (no newline added), exit 0; a problem is exit 1 with
 * its line and column. Rendered in a worker with a time limit (src/handlebars/workerClient.ts).
 *
 *   integrator-io handlebars render --template <file or template> --data <file> [--context import|lookup|export] [--escape html|url|sql|none] [--json]
 */
import * as fs from 'fs';
import { errorMessage } from '../api/errors';
import { isJsonObject } from '../api/types';
import type { EscapeMode } from '../handlebars/engine';
import { templateContext, TemplateKind } from '../handlebars/templateContext';
import { runTemplate, stopTemplateWorker } from '../handlebars/workerClient';
import { printableJson } from '../iac/printable';
import { commandLine } from './args';
import { CliIo } from './io';

export const HANDLEBARS_USAGE = `  integrator-io handlebars render --template <file or template> [--data <JSON file>] [--context import|lookup|export [--resource <export or import JSON file>]] [--escape html|url|sql|none] [--json] [--timeout <seconds>]
      renders a template with integrator.io's helpers and prints its output exactly; without --context the data is the
      template's whole context, with it the data is a record (or an array of records) placed where that context puts
      records, and --resource gives the step's settings, lookups and one-to-many grouping; warnings go to stderr`;

const KINDS: readonly TemplateKind[] = ['import', 'lookup', 'export'];
const ESCAPES: readonly EscapeMode[] = ['html', 'url', 'sql', 'none'];

/** `handlebars render`'s options; what they must hold is said as a problem (as JSON with --json), not with the usage. */
export const HANDLEBARS_LINE = commandLine({
  usage: `Usage:\n${HANDLEBARS_USAGE}`,
  options: {
    template: { type: 'string' },
    data: { type: 'string' },
    context: { type: 'string' },
    resource: { type: 'string' },
    escape: { type: 'string' },
    json: { type: 'boolean' },
    timeout: { type: 'string' },
  },
  check: ({ values }) => values,
});

export async function handlebarsCommand(values: ReturnType<typeof HANDLEBARS_LINE.check>, io: CliIo): Promise<number> {
  const problem = (message: string) => {
    if (values.json) io.out(printableJson({ ok: false, problem: { message } }));
    else io.err(message);
    return 1;
  };
  if (values.template === undefined) return problem(`--template is required.\n\nUsage:\n${HANDLEBARS_USAGE}`);
  const kind = KINDS.find((k) => k === values.context);
  if (values.context !== undefined && !kind) return problem(`--context takes ${KINDS.join(', ')}, not "${values.context}".`);
  const escape = ESCAPES.find((e) => e === values.escape);
  if (values.escape !== undefined && !escape) return problem(`--escape takes ${ESCAPES.join(', ')}, not "${values.escape}".`);
  const timeout = values.timeout === undefined ? 2 : Number(values.timeout);
  if (!(timeout > 0 && timeout <= 60)) return problem(`--timeout takes seconds from 0 to 60, not "${values.timeout}".`);

  if (values.resource !== undefined && !values.context) return problem('--resource goes with --context (the step it is).');
  // A value without {{ }} that looks like a file's name is taken for a misspelt file, not a template.
  if (!isFile(values.template) && !values.template.includes('{{') && /([\\/]|\.[A-Za-z0-9]{1,8}$)/.test(values.template))
    return problem(`No file "${values.template}" (a --template without {{ }} is read as a file's name).`);
  let template: string;
  let data: unknown = {};
  let resource: unknown;
  try {
    template = isFile(values.template) ? fs.readFileSync(values.template, 'utf8') : values.template;
    if (values.data !== undefined) data = JSON.parse(fs.readFileSync(values.data, 'utf8'));
    if (values.resource !== undefined) resource = JSON.parse(fs.readFileSync(values.resource, 'utf8'));
  } catch (err) {
    return problem(`Could not read the input: ${errorMessage(err)}`);
  }
  // The file is the user's, or a repository's: read as a document only when it is one.
  const document = isJsonObject(resource) ? resource : undefined;
  if (resource && !document) return problem('--resource takes a JSON object: an export or an import document.');
  const records = Array.isArray(data) ? data : [data];
  const context = kind ? templateContext({ kind, records, ...(document ? { resource: document } : {}) }) : data;
  try {
    const { render, findings = [] } = await runTemplate({
      template,
      context,
      ...(escape ? { escape } : {}),
      ...(kind ? { kind } : {}),
      // With a context, what the editor would underline is said too (a path no record has, say).
      analyse: kind !== undefined,
      timeLimitMs: timeout * 1000,
    });
    if (!render) return problem('The template was not rendered.');
    if (values.json) {
      io.out(printableJson({ ...render, ...(kind ? { findings } : {}) }));
      return render.ok ? 0 : 1;
    }
    for (const f of findings) io.err(`${f.severity}: line ${f.start.line}, column ${f.start.column + 1}: ${f.message}`);
    if (!render.ok) {
      const { line, column, message } = render.problem;
      io.err(line !== undefined ? `line ${line}, column ${(column ?? 0) + 1}: ${message}` : message);
      return 1;
    }
    if (io.exact) io.exact(render.output);
    else io.out(render.output);
    return 0;
  } finally {
    await stopTemplateWorker();
  }
}

/** A regular file at that path: then --template names a file; anything else is the template itself. */
function isFile(value: string): boolean {
  try {
    return fs.statSync(value).isFile();
  } catch {
    return false;
  }
}
