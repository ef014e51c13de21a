/** Runs `node dist/cli.js …` as a CI job would: its own process, the token only in INTEGRATOR_IO_TOKEN. */
import { execFile } from 'child_process';
import * as path from 'path';
import { TEST_TOKEN } from './sandbox';

const CLI_JS = path.join(__dirname, '../../../dist/cli.js');

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], env: Record<string, string> = { INTEGRATOR_IO_TOKEN: TEST_TOKEN }, cwd?: string): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI_JS, ...args], { env: { PATH: process.env.PATH ?? '', ...env }, cwd }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}
