/** Renders a template with the project's engine and checks the output exactly, as a documented example says it. */
import * as assert from 'assert';
import { EscapeMode, render } from '../../src/handlebars/engine';

export function renders(template: string, context: unknown, expected: string, escape: EscapeMode = 'html'): void {
  const result = render(template, context, { escape });
  if (!result.ok) assert.fail(`${template} failed: ${result.problem.message}`);
  assert.strictEqual(result.output, expected, template);
}

/** The render fails, with a problem whose message matches. */
export function fails(template: string, context: unknown, message: RegExp): void {
  const result = render(template, context);
  assert.ok(!result.ok, `${template} should fail, gave ${result.ok ? JSON.stringify(result.output) : ''}`);
  assert.match(result.problem.message, message, template);
}
