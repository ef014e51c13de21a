/**
 * Problems in an export's or an import's Handlebars templates, in the editor and the Problems
 * view: what src/handlebars/analysis.ts finds (unknown helpers, argument counts, unbalanced blocks,
 * paths no sample record has, fields without `record.`), checked against the document's sample
 * after each pause in typing.
 */
import vscode = require('vscode');
import type { Finding } from '../handlebars/analysis';
import { indexOfPosition, templatesIn } from '../handlebars/jsonTemplates';
import { runTemplate } from '../handlebars/workerClient';
import { Disposable } from '../util/disposable';
import { holdsTemplates } from './templateDocuments';
import { TemplateSamples } from './templateSamples';

const CHECK_AFTER_MS = 400;
/** A document with more templates than this has only its first ones checked. */
const MAX_TEMPLATES = 200;
/** How long one template's check may take, and one document's checks together. */
const CHECK_LIMIT_MS = 500;
const DOCUMENT_LIMIT_MS = 5_000;

export class TemplateProblems extends Disposable {
  private readonly collection = this.register(vscode.languages.createDiagnosticCollection('integrator.io Handlebars'));
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** Each document's latest check: an older one finishing later does not replace it. */
  private readonly checks = new Map<string, number>();

  constructor(private readonly samples: TemplateSamples) {
    super();
    this.register(vscode.workspace.onDidOpenTextDocument((d) => this.schedule(d, 0)));
    this.register(vscode.workspace.onDidChangeTextDocument((e) => this.schedule(e.document, CHECK_AFTER_MS)));
    this.register(
      vscode.workspace.onDidCloseTextDocument((d) => {
        this.collection.delete(d.uri);
        clearTimeout(this.timers.get(d.uri.toString()));
      }),
    );
    this.register({ dispose: () => this.timers.forEach((t) => clearTimeout(t)) });
    for (const document of vscode.workspace.textDocuments) this.schedule(document, 0);
  }

  /** Checks a document now; resolves with its problems (tests, and the playground's Apply). */
  async check(document: vscode.TextDocument): Promise<readonly vscode.Diagnostic[]> {
    const key = document.uri.toString();
    const check = (this.checks.get(key) ?? 0) + 1;
    this.checks.set(key, check);
    const setting = await this.samples.settingFor(document).catch(() => undefined);
    const version = document.version;
    const diagnostics: vscode.Diagnostic[] = [];
    const started = Date.now();
    for (const found of templatesIn(document.getText()).slice(0, MAX_TEMPLATES)) {
      // A newer check of this document, or a document that takes too long, ends this one.
      if (this.checks.get(key) !== check || Date.now() - started > DOCUMENT_LIMIT_MS) break;
      const answer = await runTemplate(
        {
          template: found.template,
          context: setting?.context,
          ...(setting ? { kind: setting.kind } : {}),
          render: false,
          analyse: true,
          timeLimitMs: CHECK_LIMIT_MS,
        },
        { urgent: false },
      );
      // A check stopped at its time limit says so, on the template, rather than nothing.
      const findings: Finding[] =
        answer.findings ??
        (answer.render && !answer.render.ok
          ? [
              {
                severity: 'warning',
                code: 'parse',
                message: answer.render.problem.message,
                start: { line: 1, column: 0 },
                end: { line: 1, column: 1 },
              },
            ]
          : []);
      const place = (p: Finding['start']) => document.positionAt(found.documentOffset(indexOfPosition(found.template, p.line, p.column)));
      for (const finding of findings) {
        const range = new vscode.Range(place(finding.start), place(finding.end));
        const diagnostic = new vscode.Diagnostic(
          range.isEmpty ? new vscode.Range(range.start, range.start.translate(0, 1)) : range,
          finding.message,
          finding.severity === 'error' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning,
        );
        diagnostic.source = 'integrator.io Handlebars';
        diagnostic.code = finding.code;
        diagnostics.push(diagnostic);
      }
    }
    // Only the latest check of the text as it still is may set the problems.
    if (this.checks.get(key) === check && document.version === version) this.collection.set(document.uri, diagnostics);
    return diagnostics;
  }

  private schedule(document: vscode.TextDocument, delayMs: number): void {
    if (!holdsTemplates(document)) return;
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(
      key,
      setTimeout(() => void this.check(document).catch(() => undefined), delayMs),
    );
  }
}
