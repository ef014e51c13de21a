/** Builds the starting account for `--seed demo|empty|large:N[:P]`. */
import { AccountData, emptyAccount, SandboxUser } from '../account';
import { demoAccount } from './demo';
import { largeAccount } from './large';

export function seedAccount(spec: string, user: SandboxUser): AccountData {
  if (spec === 'demo') return demoAccount(user);
  if (spec === 'empty') return emptyAccount(user);
  const large = /^large:(\d+)(?::(\d+))?$/.exec(spec);
  if (large) return largeAccount(user, Number(large[1]), large[2] ? Math.max(1, Number(large[2])) : undefined);
  throw new Error(`Unknown seed "${spec}": use demo, empty, large:N or large:N:P (P flows an integration).`);
}
