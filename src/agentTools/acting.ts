/**
 * What the tools that change an account share: a name from the account shown in a question as
 * one quoted line, the question a tool asks first (`confirm`, PRODUCTION first), and the write's
 * own question (`ToolContext.confirmWrite`, the production question a click asks) before anything
 * is sent, with the answer a model reads when nothing was.
 */
import { quotedName } from '../model/accountText';
import { environmentLabel } from './input';
import { accountData, Confirmation, ToolContext, ToolEnvironment, ToolResult, WriteChange } from './types';

/** `the environment "Demo"`, or `the PRODUCTION environment "Acme"`. */
export function environmentPhrase(env: ToolEnvironment): string {
  return `${env.production ? 'the PRODUCTION environment' : 'the environment'} ${quotedName(env.name)}`;
}

/**
 * What a person is asked before an acting tool runs: the question as title, then what it does,
 * both opening with PRODUCTION in a production environment so it is read first.
 */
export function actingConfirmation(env: ToolEnvironment, question: string, details: string[]): Confirmation {
  const production = env.production ? 'PRODUCTION: ' : '';
  return {
    title: `${production}${question}`,
    message: [`${production}${details[0] ?? ''}`, ...details.slice(1)].join('\n'),
    environment: env,
  };
}

/**
 * Asks the write's own question, just before the first write; answers why nothing may be sent,
 * or undefined to go on. Where nobody can be asked (no confirmWrite), nothing is sent.
 */
export async function refusedWrite(context: ToolContext, env: ToolEnvironment, change: WriteChange): Promise<string | undefined> {
  const asked = `${change.action} ${change.what} in ${environmentPhrase(env)}`;
  if (!context.confirmWrite) return `Declined: nobody could be asked to ${asked} here, so nothing was sent.`;
  if (!(await context.confirmWrite(env, change))) return `Declined: the user did not agree to ${asked}, so nothing was sent.`;
  return undefined;
}

/** The answer when a write was declined: what would have changed, and that nothing did. */
export function declinedResult(env: ToolEnvironment, reason: string, what: Record<string, unknown>): ToolResult {
  return accountData({ environment: environmentLabel(env), ...what, declined: true, sent: false, message: reason });
}
