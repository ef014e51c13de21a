/** "Preview Import Mapping" and "Preview Export": the fast loops of mapping and export work. */
import * as vscode from 'vscode';
import { IntegratorClient } from '../api';
import { JsonObject } from '../api/types';
import { resourceUri } from '../documents/resourceUri';
import { describeError } from '../util/errors';
import { ExportPreviewPanel } from '../webviews/exportPreviewPanel';
import { MappingPanel } from '../webviews/mappingPanel';
import { fromApi, resourceTarget, ResourceTarget } from './resourceTarget';
import { CommandDefinition } from './services';

const SAMPLE_RECORDS = 5;

/**
 * Opens the mapping preview of an import (its document as it stands in the editor). Options:
 * `{ records }` sets the sample records (JSON text). Resolves with the first evaluation.
 */
export const previewMappingCommand: CommandDefinition = {
  id: 'integratorIo.previewMapping',
  async run(services, arg?: unknown, options?: unknown) {
    const target = resourceTarget(services, arg);
    if (!target || target.kind !== 'imports') {
      void services.notify.info('Pick an import (or open an import document) to preview its mapping.');
      return undefined;
    }
    try {
      const client = await services.environments.client(target.env);
      const document = await documentOf(target);
      const given = fromApi(arg) ? (options as { records?: string } | undefined)?.records : undefined;
      const records = given ?? JSON.stringify(await sampleRecords(client, target.id), null, 2);
      return await MappingPanel.show(`mapping:${target.env.id}:${target.id}`, services.context.extensionUri, {
        name: target.name ?? target.id,
        subtitle: `Import in ${target.env.name} · evaluated by the API, unsaved edits included`,
        document,
        client,
        records,
      });
    } catch (err) {
      void services.notify.error(`Could not preview the mapping: ${describeError(err)}`);
      return undefined;
    }
  },
};

/**
 * Records for the preview: the first page of the export that feeds a flow using this import,
 * run as a virtual export, when there is one; a small example otherwise.
 */
async function sampleRecords(client: IntegratorClient, importId: string): Promise<unknown[]> {
  try {
    const flows = (await client.imports.dependencies(importId)).flows ?? [];
    for (const { id } of flows) {
      const flow = await client.flows.get(id);
      const exportId = flow.pageGenerators?.[0]?._exportId;
      if (!exportId) continue;
      const exp = await client.exports.get(exportId);
      if (!exp._connectionId) continue;
      const page = await client.connectionActions.exportPage(exp._connectionId, { ...exp, pageSize: SAMPLE_RECORDS });
      if (page.data.length) return page.data.slice(0, SAMPLE_RECORDS);
    }
  } catch {
    // No preview of the source: the example below still lets the user start.
  }
  return [{ id: 1, name: 'Example record', email: 'someone@example.com' }];
}

/** Runs an export as a virtual export and pages through its records. */
export const previewExportCommand: CommandDefinition = {
  id: 'integratorIo.previewExport',
  async run(services, arg?: unknown) {
    const target = resourceTarget(services, arg);
    if (!target || target.kind !== 'exports') {
      void services.notify.info('Pick an export (or open an export document) to preview it.');
      return undefined;
    }
    try {
      const client = await services.environments.client(target.env);
      const document = await documentOf(target);
      const exportDoc = JSON.parse(document.getText()) as JsonObject;
      if (typeof exportDoc._connectionId !== 'string')
        throw new Error('this export has no connection to run through (webhook and data-loader exports receive records instead)');
      return await ExportPreviewPanel.show(`export:${target.env.id}:${target.id}`, services.context.extensionUri, {
        name: target.name ?? target.id,
        subtitle: `Export in ${target.env.name} · run as a virtual export through its connection`,
        client,
        connectionId: exportDoc._connectionId,
        exportDoc,
      });
    } catch (err) {
      void services.notify.error(`Could not preview the export: ${describeError(err)}`);
      return undefined;
    }
  },
};

/** The resource's document: the open one (with unsaved edits), or loaded without showing it. */
async function documentOf(target: ResourceTarget): Promise<vscode.TextDocument> {
  const uri = resourceUri(target.env, target.kind, target.id, target.name);
  const open = vscode.workspace.textDocuments.find((d) => {
    const path = d.uri.path.split('/');
    return d.uri.scheme === uri.scheme && d.uri.authority === uri.authority && path[3] === target.id;
  });
  return open ?? vscode.workspace.openTextDocument(uri);
}

/** "Export Preview: Next Page" from the palette: what the focused preview's button does. */
export const previewExportNextPageCommand: CommandDefinition = {
  id: 'integratorIo.previewExportNextPage',
  async run() {
    return ExportPreviewPanel.focused()?.nextPage();
  },
};
