/** Where the command line reads and writes: the process's streams, or a test's buffers. */
import * as readline from 'readline';

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  env: Record<string, string | undefined>;
  /** Asks a yes/no question on the terminal; undefined when there is no terminal to ask. */
  ask?(question: string): Promise<string | undefined>;
}

export function processIo(): CliIo {
  return {
    out: (text) => process.stdout.write(`${text}\n`),
    err: (text) => process.stderr.write(`${text}\n`),
    env: process.env,
    ask: async (question) => {
      if (!process.stdin.isTTY) return undefined;
      const rl = readline.createInterface({ input: process.stdin, output: process.stderr });
      return new Promise<string>((resolve) => rl.question(question, resolve)).finally(() => rl.close());
    },
  };
}
