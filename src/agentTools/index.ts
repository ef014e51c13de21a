/** Every agent tool, in the order a model is offered them (package.json lists the same; check:manifest agrees). */
import { findResources } from './findResources';
import { flowOverview } from './flowOverview';
import { previewMapping } from './previewMapping';
import { readResource } from './readResource';
import { renderTemplate } from './renderTemplate';
import { stepErrors } from './stepErrors';
import { AgentTool, JsonSchema, ToolContext, ToolResult } from './types';

export * from './types';

/** A tool with its input type erased: read and invoke as one call, the one path every caller takes. */
export interface RunnableTool {
  name: string;
  title: string;
  description: string;
  inputSchema: JsonSchema;
  /** Changes an account (see AgentTool.acting). */
  acting: boolean;
  run(input: unknown, context: ToolContext): Promise<ToolResult>;
}

export function runnable<Input>(tool: AgentTool<Input>): RunnableTool {
  return {
    name: tool.name,
    title: tool.title,
    description: tool.description,
    inputSchema: tool.inputSchema,
    acting: tool.acting === true,
    // async, so refused input is a rejected promise like every other failure, never a throw.
    run: async (input, context) => tool.invoke(tool.read(input), context),
  };
}

export const AGENT_TOOLS: readonly RunnableTool[] = [
  runnable(findResources),
  runnable(readResource),
  runnable(flowOverview),
  runnable(stepErrors),
  runnable(renderTemplate),
  runnable(previewMapping),
];

export function agentTool(name: string): RunnableTool | undefined {
  return AGENT_TOOLS.find((tool) => tool.name === name);
}
