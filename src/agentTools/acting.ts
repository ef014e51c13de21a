/**
 * What the tools that change an account share: a name from the account shown in a question as
 * one quoted line, the question a tool asks first (`confirm`, PRODUCTION first), and the write's
 * own question (`ToolContext.confirmWrite`, the production question a click asks) before anything
 * is sent, with the answer a model reads when nothing was.
 */
import { environmentLabel } from './input';
import { accountData, Confirmation, ToolContext, ToolEnvironment, ToolResult, WriteChange } from './types';

/** A name in a question is cut here: the question must still fit on a screen. */
const MAX_SHOWN_NAME = 100;
/** A name in a result is cut here: past it a name says nothing more to a model. */
const MAX_DATA_NAME = 500;

/**
 * Characters that would break a name out of its one line or reorder what is read: control
 * characters (newlines, tabs, escapes), the Unicode line and paragraph separators and the
 * bidirectional overrides. They are shown as escapes, so the name still says they are there; a
 * quote is escaped too, so a name cannot close its quotes and go on as the question's own words.
 */
const HIDDEN = /[\p{Cc}\u2028\u2029\u202a-\u202e\u2066-\u2069"]/gu;
const NAMED_ESCAPES: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '"': '\\"' };

/** A name from the account as a question shows it: quoted, on one line, cut past 100 characters. */
export function quotedName(name: string): string {
  const chars = [...name];
  const cut = chars.length > MAX_SHOWN_NAME ? `${chars.slice(0, MAX_SHOWN_NAME).join('')}…` : name;
  const line = cut.replace(HIDDEN, (c) => NAMED_ESCAPES[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return `"${line}"`;
}

/** A name from the account as a result carries it: as it is (it is data), cut when huge. */
export function dataName(name: string): string {
  return name.length > MAX_DATA_NAME ? `${name.slice(0, MAX_DATA_NAME)}… (cut at ${MAX_DATA_NAME} characters)` : name;
}

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
  return { title: `${production}${question}`, message: [`${production}${details[0] ?? ''}`, ...details.slice(1)].join('\n') };
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
