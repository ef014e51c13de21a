/**
 * `integrator-io handlebars render`: a template rendered with integrator.io's helpers, for CI tests
 * of templates. The output is printed exactly (no newline added), exit 0; a problem is exit 1 with
 * its line and column. Rendered in a worker with a time limit (src/handlebars/workerClient.ts).
 *
 *   integrator-io handlebars render --template <file or template> --data <file> [--context import|lookup|export] [--escape html|url|sql|none] [--json]
 */
import * as fs from 'fs';
import { parseArgs } from 'util';
import type { EscapeMode } from '../handlebars/engine';
import { templateContext, TemplateKind } from '../handlebars/templateContext';
import { runTemplate, stopTemplateWorker } from '../handlebars/workerClient';
import { printableJson } from '../iac/printable';
import { CliIo } from './io';

export const HANDLEBARS_USAGE = `  integrator-io handlebars render --template <file or template> [--data <JSON file>] [--context import|lookup|export] [--escape html|url|sql|none] [--json] [--timeout <seconds>]
      renders a template with integrator.io's helpers and prints its output exactly; without --context the data is the
      template's whole context, with it the data is a record placed where that context puts records`;

const KINDS: readonly TemplateKind[] = ['import', 'lookup', 'export'];
const ESCAPES: readonly EscapeMode[] = ['html', 'url', 'sql', 'none'];

export async function handlebarsCommand(argv: readonly string[], io: CliIo): Promise<number> {
  if (argv[0] !== 'render') {
    io.err(`integrator-io handlebars takes "render".\n\nUsage:\n${HANDLEBARS_USAGE}`);
    return 1;
  }
  let values: { template?: string; data?: string; context?: string; escape?: string; json?: boolean; timeout?: string };
  try {
    ({ values } = parseArgs({
      args: [...argv.slice(1)],
      options: {
        template: { type: 'string' },
        data: { type: 'string' },
        context: { type: 'string' },
        escape: { type: 'string' },
        json: { type: 'boolean' },
        timeout: { type: 'string' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (err) {
    io.err(`${(err as Error).message}\n\nUsage:\n${HANDLEBARS_USAGE}`);
    return 1;
  }
  const problem = (message: string) => {
    if (values.json) io.out(printableJson({ ok: false, problem: { message } }));
    else io.err(message);
    return 1;
  };
  if (values.template === undefined) return problem(`--template is required.\n\nUsage:\n${HANDLEBARS_USAGE}`);
  if (values.context !== undefined && !KINDS.includes(values.context as TemplateKind))
    return problem(`--context takes ${KINDS.join(', ')}, not "${values.context}".`);
  if (values.escape !== undefined && !ESCAPES.includes(values.escape as EscapeMode))
    return problem(`--escape takes ${ESCAPES.join(', ')}, not "${values.escape}".`);
  const timeout = values.timeout === undefined ? 2 : Number(values.timeout);
  if (!(timeout > 0 && timeout <= 60)) return problem(`--timeout takes seconds from 0 to 60, not "${values.timeout}".`);

  let template: string;
  let data: unknown = {};
  try {
    template = isFile(values.template) ? fs.readFileSync(values.template, 'utf8') : values.template;
    if (values.data !== undefined) data = JSON.parse(fs.readFileSync(values.data, 'utf8')) as unknown;
  } catch (err) {
    return problem(`Could not read the input: ${(err as Error).message}`);
  }
  const kind = values.context as TemplateKind | undefined;
  const context = kind ? templateContext({ kind, records: Array.isArray(data) ? data : [data] }) : data;
  try {
    const { render } = await runTemplate({
      template,
      context,
      ...(values.escape ? { escape: values.escape as EscapeMode } : {}),
      timeLimitMs: timeout * 1000,
    });
    if (!render) return problem('The template was not rendered.');
    if (values.json) {
      io.out(printableJson(render));
      return render.ok ? 0 : 1;
    }
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
