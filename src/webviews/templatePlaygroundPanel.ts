/**
 * "Open Handlebars Playground": a template field of an export or import with its sample and its
 * output side by side, evaluated as the user types (integrator.io's AFE editor, here). Records
 * edited here become the document's sample for its hovers and problems too. Apply writes the
 * template back into the document, unsaved: the user saves (the page is pages/templatePlayground.ts).
 */
import vscode = require('vscode');
import { modify } from 'jsonc-parser';
import { TemplateSamples } from '../documents/templateSamples';
import { escapeFor, templateContext } from '../handlebars/templateContext';
import { runTemplate } from '../handlebars/workerClient';
import { readTemplatePlaygroundAction, TemplatePlaygroundAction, TemplatePlaygroundState } from './protocol/templatePlayground';
import { describeError } from '../util/errors';
import { isJsonObject } from '../api/types';
import { StatefulPanel } from './statefulPanel';

export interface TemplatePlaygroundOptions {
  document: vscode.TextDocument;
  /** The field's JSON path in the document (`http.relativeURI`, `mapping.fields.2.extract`). */
  path: (string | number)[];
  template: string;
  samples: TemplateSamples;
  resourceName: string;
}

export class TemplatePlaygroundPanel extends StatefulPanel<TemplatePlaygroundState, TemplatePlaygroundAction> {
  private sequence = 0;
  private resource: Record<string, unknown> = {};

  /** Opens (or reveals) the playground of a field and resolves with its first evaluation. */
  static async show(key: string, extensionUri: vscode.Uri, options: TemplatePlaygroundOptions): Promise<TemplatePlaygroundState> {
    const { panel } = StatefulPanel.openOrReveal(
      key,
      (p) => (p instanceof TemplatePlaygroundPanel ? p : undefined),
      () => new TemplatePlaygroundPanel(key, extensionUri, options),
    );
    return panel.evaluate();
  }

  /** The playground in front (the palette's Apply), if any. */
  static focused(): TemplatePlaygroundPanel | undefined {
    return StatefulPanel.focusedWhere((p) => (p instanceof TemplatePlaygroundPanel ? p : undefined));
  }

  private constructor(
    key: string,
    extensionUri: vscode.Uri,
    private readonly options: TemplatePlaygroundOptions,
  ) {
    const field = options.path.join('.');
    super({
      key,
      viewType: 'integratorIo.templatePlayground',
      title: `Handlebars: ${field}`,
      besideEditor: true,
      page: 'templatePlayground',
      extensionUri,
      initial: {
        title: `Handlebars playground: ${field}`,
        subtitle: `${options.resourceName} · evaluated here, on sample records, with integrator.io's helpers`,
        template: options.template,
        records: '[]',
        recordIndex: 0,
        recordCount: 0,
        findings: [],
        escape: escapeFor(options.path),
        evaluating: true,
        changed: false,
      },
      readAction: readTemplatePlaygroundAction,
    });
  }

  protected async handle(action: TemplatePlaygroundAction): Promise<void> {
    if (action.type === 'apply') {
      await this.apply();
      return;
    }
    // The page holds what the user typed: adopted without sending it back.
    this.adopt({
      ...(action.template !== undefined ? { template: action.template } : {}),
      ...(action.records !== undefined ? { records: action.records } : {}),
      ...(action.recordIndex !== undefined ? { recordIndex: action.recordIndex } : {}),
    });
    if (action.template !== undefined) this.update({ changed: action.template !== this.options.template, applied: false });
    await this.evaluate();
  }

  /** Renders and checks the template on the chosen record; resolves with what the view shows. */
  async evaluate(): Promise<TemplatePlaygroundState> {
    const sequence = ++this.sequence;
    // The page marks itself evaluating as the user types; the host's state says so too, so its end reaches the page.
    this.update({ evaluating: true });
    const setting = await this.options.samples.settingFor(this.options.document).catch(() => undefined);
    if (!setting) return this.update({ evaluating: false, problem: 'This document is no longer an export or import of an environment.' });
    if (this.current.records === '[]' && setting.records.length) {
      this.update({ records: JSON.stringify(setting.records, null, 2) });
    }
    let records: unknown[];
    try {
      const parsed: unknown = JSON.parse(this.current.records);
      records = Array.isArray(parsed) ? parsed : [parsed];
    } catch (err) {
      return this.update({ evaluating: false, recordsError: `The sample is not JSON: ${describeError(err)}` });
    }
    this.options.samples.useRecords(this.options.document.uri, records);
    try {
      const parsed: unknown = JSON.parse(this.options.document.getText());
      if (isJsonObject(parsed)) this.resource = parsed;
    } catch {
      // The document mid-edit: its last readable settings stay.
    }
    const index = Math.min(this.current.recordIndex, Math.max(0, records.length - 1));
    const ordered = records.length ? [records[index], ...records.filter((_, i) => i !== index)] : [];
    const context = templateContext({
      kind: setting.kind,
      records: ordered,
      resource: this.resource,
      ...(isJsonObject(setting.context.connection) ? { connection: setting.context.connection } : {}),
    });
    const answer = await runTemplate({
      template: this.current.template,
      context,
      escape: escapeFor(this.options.path),
      kind: setting.kind,
      render: true,
      analyse: true,
    });
    if (sequence !== this.sequence) return this.current; // a newer evaluation started
    const render = answer.render;
    return this.update({
      evaluating: false,
      recordsError: undefined,
      recordIndex: index,
      recordCount: records.length,
      output: render?.ok ? render.output : undefined,
      problem: render && !render.ok ? withPlace(render.problem) : undefined,
      findings: (answer.findings ?? []).map((f) => ({
        severity: f.severity,
        message: f.message,
        line: f.start.line,
        column: f.start.column,
      })),
    });
  }

  /** Writes the template into the document's field, unsaved; the document is shown. */
  private async apply(): Promise<void> {
    const document = this.options.document;
    const text = document.getText();
    // Only the field's string changes: the rest of the document, and where the user is in it, stay.
    const edits = modify(text, this.options.path, this.current.template, { formattingOptions: { insertSpaces: true, tabSize: 2 } });
    const edit = new vscode.WorkspaceEdit();
    for (const e of edits)
      edit.replace(document.uri, new vscode.Range(document.positionAt(e.offset), document.positionAt(e.offset + e.length)), e.content);
    if (!(await vscode.workspace.applyEdit(edit))) throw new Error('VS Code did not apply the edit');
    this.options.template = this.current.template;
    this.update({ changed: false, applied: true });
    await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.One, preserveFocus: true });
  }
}

function withPlace(problem: { message: string; line?: number; column?: number }): string {
  return problem.line !== undefined ? `Line ${problem.line}, column ${(problem.column ?? 0) + 1}: ${problem.message}` : problem.message;
}
