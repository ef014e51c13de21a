/**
 * `npm run test:electron`: the same integration suite through @vscode/test-electron, which
 * downloads a desktop VS Code. For machines with internet access (a laptop, public CI); the
 * project's own CI uses code-server instead (`npm run test:vscode`).
 */
import * as path from 'path';
import { runTests } from '@vscode/test-electron';
import { ROOT } from './codeServer';

runTests({
  extensionDevelopmentPath: ROOT,
  extensionTestsPath: path.join(__dirname, 'suite', 'electronEntry.js'),
  launchArgs: ['--disable-extensions', '--disable-workspace-trust'],
}).catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
