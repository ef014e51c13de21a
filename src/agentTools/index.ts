/** Every agent tool, in the order a model is offered them (package.json lists the same; check:manifest agrees). */
import { findResources } from './findResources';
import { flowOverview } from './flowOverview';
import { planFolder } from './planFolder';
import { previewExport } from './previewExport';
import { previewMapping } from './previewMapping';
import { readResource } from './readResource';
import { renderTemplate } from './renderTemplate';
import { runHook } from './runHook';
import { stepErrors } from './stepErrors';
import { jobHistory } from './jobHistory';
import { auditHistory } from './auditHistory';
import { dependencies } from './dependencies';
import { AgentTool, Confirmation, JsonSchema, ToolContext, ToolResult } from './types';
import { proposeEdit } from './proposeEdit';
import { runFlow } from './runFlow';
import { resolveErrors, retryErrors } from './errorActions';

export * from './types';

/** A tool with its input type erased: read and invoke as one call, the one path every caller takes. */
export interface RunnableTool {
  name: string;
  title: string;
  description: string;
  inputSchema: JsonSchema;
  /** Changes an account (see AgentTool.acting). */
  acting: boolean;
  /** Needs an editor (see AgentTool.editorOnly): offered in VS Code, not by the MCP server. */
  editorOnly: boolean;
  run(input: unknown, context: ToolContext): Promise<ToolResult>;
  /** Set for tools that act: what to ask before `run`; rejects on input `run` would refuse. */
  confirm?(input: unknown, context: ToolContext): Promise<Confirmation>;
}

export function runnable<Input>(tool: AgentTool<Input>): RunnableTool {
  return {
    name: tool.name,
    title: tool.title,
    description: tool.description,
    inputSchema: tool.inputSchema,
    acting: tool.acting === true,
    editorOnly: tool.editorOnly === true,
    // async, so refused input is a rejected promise like every other failure, never a throw.
    run: async (input, context) => tool.invoke(tool.read(input), context),
    ...(tool.confirm ? { confirm: async (input: unknown, context: ToolContext) => tool.confirm!(tool.read(input), context) } : {}),
  };
}

export const AGENT_TOOLS: readonly RunnableTool[] = [
  runnable(findResources),
  runnable(readResource),
  runnable(flowOverview),
  runnable(stepErrors),
  runnable(jobHistory),
  runnable(auditHistory),
  runnable(dependencies),
  runnable(renderTemplate),
  runnable(previewMapping),
  runnable(previewExport),
  runnable(runHook),
  runnable(planFolder),
  runnable(proposeEdit),
  runnable(runFlow),
  runnable(resolveErrors),
  runnable(retryErrors),
];

export function agentTool(name: string): RunnableTool | undefined {
  return AGENT_TOOLS.find((tool) => tool.name === name);
}
