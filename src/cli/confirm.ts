/**
 * Applying is deliberate: without --yes the CLI shows the plan and asks on the terminal, and the
 * default answer is no. With no terminal to ask (a CI job), it refuses unless --yes was given.
 */
import { makePlan, Plan, PlanOptions } from '../iac/plan';
import { planLines } from '../iac/report';
import { CliIo } from './io';

/** The plan the person agreed to, or undefined when they did not (or could not be asked). */
export async function confirmApply(options: PlanOptions, io: CliIo): Promise<Plan | undefined> {
  if (!io.ask) return undefined;
  const { plan } = await makePlan(options);
  io.err(planLines(plan).join('\n'));
  const answer = await io.ask(`Apply this plan to ${plan.environment} (${plan.baseUrl})? [y/N] `);
  return answer !== undefined && /^(y|yes)$/i.test(answer.trim()) ? plan : undefined;
}
