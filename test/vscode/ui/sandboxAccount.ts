/** Prepares the account the local sandbox loads when a UI test starts it: the demo seed, changed as the test needs. */
import * as fs from 'fs';
import * as path from 'path';
import { AccountData, DEFAULT_USER } from '../../../src/sandbox/account';
import { seedAccount } from '../../../src/sandbox/seed';

export function writeSandboxAccount(userDataDir: string, change: (account: AccountData) => void): void {
  const account = seedAccount('demo', DEFAULT_USER);
  change(account);
  const file = path.join(userDataDir, 'User/globalStorage/integrator-io-community.integrator-io/sandbox/account.json');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(account));
}
