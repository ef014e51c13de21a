/** The hook result view's state and the actions its page sends (shared by host and page). */
import { ActionReader } from './envelope';

export interface HookResultState {
  title: string;
  subtitle: string;
  running: boolean;
  /** Set once a run ended. */
  returned?: boolean;
  error?: string;
  problems: string[];
  notes: string[];
  inputText: string;
  outputText?: string;
  logs: { level: string; text: string; atMs: number }[];
  calls: { path: string; ms: number; error?: string }[];
  filled: string[];
  ms?: number;
  /** Ran under the debugger: `ms` includes the time paused at breakpoints. */
  debugged?: boolean;
  /** Records before and after, paired, with the fields that changed. */
  pairs?: { index: number; status: string; changed: string[]; beforeText: string; afterText: string }[];
}

/** Run again, on the script's and the sample's current text (unsaved edits included). */
export type HookResultAction = { type: 'rerun' };

export const readHookResultAction: ActionReader<HookResultAction> = (a) => (a.type === 'rerun' ? { type: 'rerun' } : undefined);
