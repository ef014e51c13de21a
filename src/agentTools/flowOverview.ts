/**
 * integratorFlow: a flow's overview as the diagram draws it (diagram/flowGraph.ts): its steps in
 * order, routers and their branches, its schedule and whether it is disabled, its last runs
 * (jobs) and each step's open errors, so a model can say where a flow fails without reading
 * every resource.
 */
import { Export, Import, Job } from '../api/types';
import { buildFlowGraph, FlowGraph, StepLookup } from '../diagram/flowGraph';
import { describeSchedule, textOf } from '../model/describe';
import { dataName } from '../model/accountText';
import { environmentField, environmentLabel, environmentOf, inputObject, requiredId } from './input';
import { accountData, AgentTool } from './types';
import { openErrorsByStep } from './stepErrors';
import { ENVIRONMENT_PROPERTY } from './schemaParts';

export interface FlowInput {
  environment?: string;
  id: string;
}

/** Runs listed: enough to see a pattern (fails every night), little enough to read. */
const RUNS_SHOWN = 5;

export const flowOverview: AgentTool<FlowInput> = {
  name: 'integratorFlow',
  title: 'Overview of an integrator.io flow',
  description:
    "Overview of one integrator.io flow by id: its steps in order (sources, lookups, imports, routers with their branches and branch conditions), each step's export or import id and open error count, the schedule, whether it is disabled, and its last runs; integrationApp: true marks an Integration App's flow (its resources may not be edited freely), legacy: true a legacy flow (one export and one import at the top-level _exportId and _importId: each step's path says where it sits). Use it to see what a flow does and where it fails; read-only.",
  inputSchema: {
    type: 'object',
    properties: {
      environment: ENVIRONMENT_PROPERTY,
      id: { type: 'string', description: 'The flow id (from integratorFindResources).' },
    },
    required: ['id'],
  },
  read(input) {
    const o = inputObject(input, ['environment', 'id']);
    return { id: requiredId(o, 'id'), ...environmentField(o) };
  },
  async invoke(input, context) {
    const env = environmentOf(context, input.environment);
    const client = await context.client(env.id);
    const signal = context.signal;
    const flow = await client.flows.get(input.id, { signal });
    const { exports = [], imports = [] } = await client.flowDescendants(input.id, { signal });
    const graph = buildFlowGraph(flow, lookupIn(exports, imports));
    const summary = await client.errors.flowSummary(input.id, { signal });
    const openErrors = openErrorsByStep(summary);
    const runs = await client.jobs.latestForFlow(input.id, { signal });
    return accountData({
      environment: environmentLabel(env),
      flow: {
        id: input.id,
        name: dataName(graph.name),
        disabled: graph.disabled,
        ...(graph.schedule ? { schedule: graph.schedule, runs: describeSchedule(graph.schedule) } : {}),
        ...(graph.timezone ? { timezone: graph.timezone } : {}),
        ...(textOf(flow._integrationId) ? { integrationId: flow._integrationId } : {}),
        ...(textOf(flow._connectorId)
          ? {
              integrationApp: true,
              integrationAppNote:
                "An Integration App's flow (_connectorId): its resources are installed and updated by the Integration App, and editing them is restricted; change its behaviour through the Integration App's settings.",
            }
          : {}),
        ...(graph.legacy
          ? {
              legacy: true,
              legacyNote:
                'A legacy flow: its export and import are the top-level _exportId and _importId, not pageGenerators and pageProcessors.',
            }
          : {}),
      },
      steps: stepsOf(graph, openErrors),
      connections: graph.edges.map((e) => ({ from: e.from, to: e.to, ...(e.label ? { branch: e.label } : {}) })),
      openErrors: [...openErrors.values()].reduce((a, b) => a + b, 0),
      lastRuns: runs.slice(0, RUNS_SHOWN).map(runOf),
      ...(graph.problems.length ? { problems: graph.problems } : {}),
    });
  },
};

function lookupIn(exports: Export[], imports: Import[]): StepLookup {
  const byId = new Map<string, Export | Import>([...exports, ...imports].map((r) => [r._id, r]));
  return (_kind, id) => {
    const doc = byId.get(id);
    if (!doc) return undefined;
    return {
      ...(textOf(doc.name) ? { name: textOf(doc.name) } : {}),
      ...(textOf(doc.adaptorType) ? { adaptorType: textOf(doc.adaptorType) } : {}),
      ...(textOf(doc.type) ? { type: textOf(doc.type) } : {}),
      ...(doc.isLookup === true ? { isLookup: true } : {}),
    };
  };
}

/** The graph's nodes in its order (generators, then processors or routers and branches), each with its open errors. */
function stepsOf(graph: FlowGraph, openErrors: Map<string, number>) {
  return graph.nodes.map((node) => ({
    node: node.id,
    role: node.role,
    name: dataName(node.label),
    ...(node.detail ? { detail: node.detail } : {}),
    ...(node.ref ? { kind: node.ref.kind, id: node.ref.id, openErrors: openErrors.get(node.ref.id) ?? 0 } : {}),
    ...(node.marks.length ? { has: node.marks } : {}),
    path: node.path,
  }));
}

function runOf(job: Job) {
  return {
    jobId: job._id,
    status: job.status,
    ...(job.startedAt ? { startedAt: job.startedAt } : {}),
    ...(job.endedAt ? { endedAt: job.endedAt } : {}),
    ...(typeof job.numSuccess === 'number' ? { succeeded: job.numSuccess } : {}),
    ...(typeof job.numError === 'number' ? { errors: job.numError } : {}),
    ...(typeof job.numIgnore === 'number' ? { ignored: job.numIgnore } : {}),
  };
}
