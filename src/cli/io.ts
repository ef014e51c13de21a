/**
 * Where the command line reads and writes: the process's streams, or a test's buffers. All it
 * prints passes through `printable` here, the one boundary: names and messages from an account or
 * a folder never reach the terminal with control characters.
 */
import * as readline from 'readline';
import { printable } from '../iac/printable';

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  env: Record<string, string | undefined>;
  /**
   * Writes text exactly as it is, with no newline added (a rendered template, for a file or a
   * pipe). To a terminal, which obeys control characters, it is made printable as `out` is.
   */
  exact?(text: string): void;
  /** Asks a yes/no question on the terminal; undefined when there is no terminal to ask. */
  ask?(question: string): Promise<string | undefined>;
}

export function processIo(): CliIo {
  return {
    out: (text) => process.stdout.write(`${printable(text, { keepLayout: true })}\n`),
    err: (text) => process.stderr.write(`${printable(text, { keepLayout: true })}\n`),
    exact: (text) => process.stdout.write(process.stdout.isTTY ? printable(text, { keepLayout: true }) : text),
    env: process.env,
    ask: async (question) => {
      if (!process.stdin.isTTY) return undefined;
      const rl = readline.createInterface({ input: process.stdin, output: process.stderr });
      return new Promise<string>((resolve) => rl.question(printable(question), resolve)).finally(() => rl.close());
    },
  };
}
