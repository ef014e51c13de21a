/**
 * The webviews that come back after a window reload (their serializers are registered at
 * activation; package.json has an `onWebviewPanel:` activation event for each, which
 * check:manifest keeps in step with this list).
 */
export const RESTORABLE_VIEW_TYPES: readonly string[] = [
  'integratorIo.jobs',
  'integratorIo.errors',
  'integratorIo.exportPreview',
  'integratorIo.mappingPreview',
  'integratorIo.audit',
  'integratorIo.flowDiagram',
];
