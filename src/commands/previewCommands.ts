/** "Preview Import Mapping" and "Preview Export": the fast loops of mapping and export work. */
import { sampleRecords } from '../model/sampleRecords';
import { ExportPreviewPanel } from '../webviews/exportPreviewPanel';
import { MappingPanel } from '../webviews/mappingPanel';
import { isJsonObject } from '../api/types';
import { defineCommand, reopenWith, resourceOf, stringOption } from './command';
import { documentOf } from './resourceTarget';
import { viewKey } from '../identity';

/**
 * Opens the mapping preview of an import (its document as it stands in the editor). Options:
 * `{ records }` sets the sample records (JSON text). Resolves with the first evaluation.
 */
export const previewMappingCommand = defineCommand({
  id: 'integratorIo.previewMapping',
  target: resourceOf('imports'),
  needs: 'Pick an import (or open an import document) to preview its mapping.',
  options: (raw) => ({ records: stringOption(raw, 'records') }),
  failure: () => 'Could not preview the mapping',
  async run(services, target, options) {
    const client = await services.environments.client(target.env);
    const document = await documentOf(target);
    const records = options.records ?? JSON.stringify(await sampleRecords(client, target.id), null, 2);
    const key = viewKey('mapping', target.env.id, target.id);
    return MappingPanel.show(key, services.context.extensionUri, {
      reopen: reopenWith('integratorIo.previewMapping', key, target),
      name: target.name ?? target.id,
      subtitle: `Import in ${target.env.name} · evaluated by the API, unsaved edits included`,
      document,
      client,
      records,
    });
  },
});

/** Runs an export as a virtual export and pages through its records. */
export const previewExportCommand = defineCommand({
  id: 'integratorIo.previewExport',
  target: resourceOf('exports'),
  needs: 'Pick an export (or open an export document) to preview it.',
  failure: () => 'Could not preview the export',
  async run(services, target) {
    const client = await services.environments.client(target.env);
    const document = await documentOf(target);
    const exportDoc: unknown = JSON.parse(document.getText());
    if (!isJsonObject(exportDoc)) throw new Error('the export document is not a JSON object');
    if (typeof exportDoc._connectionId !== 'string')
      throw new Error('this export has no connection to run through (webhook and data-loader exports receive records instead)');
    const key = viewKey('export', target.env.id, target.id);
    return ExportPreviewPanel.show(key, services.context.extensionUri, {
      reopen: reopenWith('integratorIo.previewExport', key, target),
      name: target.name ?? target.id,
      subtitle: `Export in ${target.env.name} · run as a virtual export through its connection`,
      client,
      connectionId: exportDoc._connectionId,
      exportDoc,
    });
  },
});

/** "Export Preview: Next Page" from the palette: what the focused preview's button does. */
export const previewExportNextPageCommand = defineCommand({
  id: 'integratorIo.previewExportNextPage',
  target: () => ExportPreviewPanel.focused(),
  failure: () => 'Could not load the next page',
  run: (_services, preview) => preview.nextPage(),
});
