/**
 * "Show Flow Diagram": the flow beside its document as a picture that follows the document's text
 * (src/webviews/flowDiagramPanel.ts). Step names, applications and connections come from the
 * lists the tree already read.
 */
import vscode = require('vscode');
import { StepFacts } from '../diagram/flowGraph';
import { folderDiagramViewKey, resourceUri, viewKey } from '../identity';
import { readStepCounts } from '../diagram/stepCounts';
import { FlowDiagramPanel } from '../webviews/flowDiagramPanel';
import { factsOf, folderDiagramSource, stepFileIn } from '../diagram/stepFacts';
import { scriptHooksOf, StepDocuments } from '../diagram/stepDocuments';
import { kindOfKey } from '../iac/layout';
import { IntegrationSourceControl } from '../sourceControl/integrationSourceControl';
import { defineCommand, reopenWith, resourceOf } from './command';
import { Services } from './services';
import { documentOf, ResourceTarget } from './resourceTarget';

/** A pulled folder's flow file in front: drawn from the file, keys resolved through the folder's files. */
interface FolderFlow {
  control: IntegrationSourceControl;
  key: string;
  document: vscode.TextDocument;
}

export const showFlowDiagramCommand = defineCommand<ResourceTarget | FolderFlow>({
  id: 'integratorIo.showFlowDiagram',
  target: (services, arg) => resourceOf('flows')(services, arg) ?? (arg === undefined ? folderFlowInFront(services) : undefined),
  needs: 'Pick a flow in the integrator.io explorer (or open a flow document, or a pulled folder’s flow file) to see its diagram.',
  failure: () => 'Could not draw the flow',
  async run(services, target) {
    if ('control' in target) return showFolderFlow(services, target);
    const document = await documentOf(target);
    const client = await services.environments.client(target.env);
    const [steps, connections] = await Promise.all([
      services.explorer.steps(target.env),
      client.connections.listAll({ include: ['name'] }).catch(() => []),
    ]);
    const connectionName = new Map(connections.map((c) => [c._id, c.name ?? c._id]));
    // The lists name each step at once; its document (read once) adds its hooks, filter and mapping.
    const documents = new StepDocuments(async (ref) => await client[ref.kind].get(ref.id));
    const key = viewKey('diagram', target.env.id, target.id);
    return FlowDiagramPanel.show(key, services.context.extensionUri, {
      name: target.name ?? target.id,
      subtitle: `Flow in ${target.env.name} · drawn from its document, unsaved edits included`,
      reopen: reopenWith('integratorIo.showFlowDiagram', key, target),
      document,
      lookup: (_kind, id): StepFacts | undefined => {
        const step = steps.get(id);
        const doc = documents.get(id);
        if (!step && !doc) return undefined;
        const connectionId = step?._connectionId ?? (typeof doc?._connectionId === 'string' ? doc._connectionId : undefined);
        const connection = connectionId ? connectionName.get(connectionId) : undefined;
        return {
          ...(step ? { name: step.name } : {}),
          ...(step?.adaptorType ? { adaptorType: step.adaptorType } : {}),
          ...(step?.isLookup ? { isLookup: true } : {}),
          ...(doc ? factsOf(doc, connection) : {}),
          ...(connection ? { connectionName: connection } : {}),
        };
      },
      counts: () => readStepCounts(client, target.id),
      loadDetails: (refs) => documents.load(refs),
      account: { envId: target.env.id, flowId: target.id, hooksOf: (stepId) => scriptHooksOf(documents.get(stepId)) },
      open: async (ref, name) => {
        const uri = resourceUri(target.env, ref.kind, ref.id, name);
        await vscode.window.showTextDocument(uri, { viewColumn: vscode.ViewColumn.One, preview: true });
      },
    });
  },
});

function folderFlowInFront(services: Services): FolderFlow | undefined {
  const document = vscode.window.activeTextEditor?.document;
  if (!document || document.uri.scheme !== 'file') return undefined;
  const control = services.sourceControls.containing(document.uri);
  const key = control?.keyOf(document.uri);
  return control && key && kindOfKey(key) === 'flows' ? { control, key, document } : undefined;
}

/** What the plan says of a step, as its mark: a reviewer sees what a change touches. */
const REVIEW: Partial<Record<string, string>> = { update: 'changed in the folder', conflict: 'in conflict', create: 'new' };

async function showFolderFlow(services: Services, { control, key, document }: FolderFlow) {
  const { lookup } = await folderDiagramSource(control.folder.fsPath);
  const planned = new Map((control.lastPlan?.items ?? []).map((i) => [i.key, REVIEW[i.action]]));
  const diagramKey = folderDiagramViewKey(control.env.id, control.folder.fsPath, key);
  return FlowDiagramPanel.show(diagramKey, services.context.extensionUri, {
    name: key,
    subtitle: `Flow file of ${vscode.workspace.asRelativePath(control.folder)}, compared with ${control.env.name} · drawn from the file, unsaved edits included`,
    document,
    lookup: (kind, stepKey) => {
      const facts = lookup(kind, stepKey);
      const review = planned.get(stepKey);
      return facts && review ? { ...facts, review } : facts;
    },
    open: async (ref) => {
      // The reference comes from the flow file: opened only as a file of the folder, never through a link.
      const step = await stepFileIn(control.folder.fsPath, ref.id);
      if ('refused' in step) return void services.notify.error(`Not opened: ${step.refused}.`);
      await vscode.window.showTextDocument(vscode.Uri.file(step.file), { viewColumn: vscode.ViewColumn.One, preview: true });
    },
  });
}

/** "Flow Diagram: Copy as Mermaid": the diagram in front, as a `flowchart LR` on the clipboard (for a pull request or a README). */
export const copyFlowDiagramMermaidCommand = defineCommand({
  id: 'integratorIo.copyFlowDiagramMermaid',
  target: () => FlowDiagramPanel.focused(),
  needs: 'Open a flow diagram first (Show Flow Diagram).',
  failure: () => 'Could not copy the diagram',
  async run(services, panel) {
    const text = panel.mermaid();
    if (!text) return undefined;
    await vscode.env.clipboard.writeText(text);
    services.statusBar.flash('Copied the flow diagram as Mermaid', 'check');
    return text;
  },
});

/** "Flow Diagram: Save as SVG…": the diagram in front, written where the user picks. */
export const saveFlowDiagramSvgCommand = defineCommand({
  id: 'integratorIo.saveFlowDiagramSvg',
  target: () => FlowDiagramPanel.focused(),
  needs: 'Open a flow diagram first (Show Flow Diagram).',
  failure: () => 'Could not save the diagram',
  async run(services, panel) {
    const svg = panel.svg();
    if (!svg) return undefined;
    const where = await vscode.window.showSaveDialog({ filters: { 'SVG picture': ['svg'] }, saveLabel: 'Save Diagram' });
    if (!where) return undefined;
    await vscode.workspace.fs.writeFile(where, Buffer.from(svg));
    services.statusBar.flash(`Saved the flow diagram as ${vscode.workspace.asRelativePath(where)}`, 'check');
    return where;
  },
});
