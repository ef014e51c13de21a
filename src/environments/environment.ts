/** What the extension keeps about an environment (never the token: that lives in SecretStorage). */
import { baseUrlOf, Region, REGION_LABELS } from '../api';

export interface EnvironmentInfo {
  /** Stable id; keys the token in SecretStorage and appears in document URIs. */
  id: string;
  name: string;
  /** A region, or a custom base URL; the local sandbox has neither (its port changes per start). */
  region?: Region;
  baseUrl?: string;
  /** Integrator-AShareId, for accounts shared with the token's user. */
  aShareId?: string;
  /** Saves and runs ask for confirmation first (unless turned off in settings). */
  production: boolean;
  kind: 'account' | 'sandbox';
  /** The token's user (`/tokenInfo`), to notice a later sign-in with another user's token. */
  userId?: string;
}

/**
 * An environment as the argument of a tree row's command (sign in again). A class instance, so
 * that a command link, whose arguments are plain JSON, can never pass one.
 */
export class EnvironmentRef {
  constructor(readonly env: EnvironmentInfo) {}
}

export const SANDBOX_ENVIRONMENT_ID = 'local-sandbox';

/** Where an environment lives, for descriptions and tooltips. */
export function whereLabel(env: EnvironmentInfo): string {
  if (env.kind === 'sandbox') return 'local sandbox';
  if (env.region) return REGION_LABELS[env.region];
  return env.baseUrl ? new URL(env.baseUrl).host : '';
}

export function fixedBaseUrl(env: EnvironmentInfo): string | undefined {
  return baseUrlOf(env);
}
