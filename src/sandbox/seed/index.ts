/** Builds the starting account for `--seed demo|empty|large:N`. */
import { AccountData, emptyAccount, SandboxUser } from '../account';
import { demoAccount } from './demo';
import { largeAccount } from './large';

export function seedAccount(spec: string, user: SandboxUser): AccountData {
  if (spec === 'demo') return demoAccount(user);
  if (spec === 'empty') return emptyAccount(user);
  const large = /^large:(\d+)$/.exec(spec);
  if (large) return largeAccount(user, Number(large[1]));
  throw new Error(`Unknown seed "${spec}": use demo, empty or large:N.`);
}
