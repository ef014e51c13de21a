/**
 * The `demo` account: a small, believable integrator.io account with three integrations, nine
 * flows (one with several page generators and processors, one with a router), exports and
 * imports of several adaptor types, connections of several types (the SFTP one fails its ping),
 * hook scripts, file definitions, audit history, past jobs and open errors; and a small legacy
 * integration with the older shapes real accounts hold (see legacy.ts).
 */
import { AccountData, SandboxUser } from '../account';
import { SeedBuilder } from './builder';
import { addAnalyticsIntegration } from './demo/analytics';
import { addCommerceIntegration } from './demo/commerce';
import { addConnections } from './demo/connections';
import { addHistory } from './demo/history';
import { addOperationsIntegration } from './demo/operations';
import { addScriptsAndFileDefinitions } from './demo/scriptsAndFiles';
import { addUnattachedResources } from './demo/unattached';
import { addLegacyIntegration } from './legacy';

/** In this order: ids are handed out in sequence, so the same order gives the same account. */
export function demoAccount(user: SandboxUser): AccountData {
  const b = new SeedBuilder(user, 1);
  const connections = addConnections(b);
  const scripts = addScriptsAndFileDefinitions(b);
  const commerce = addCommerceIntegration(b, connections, scripts);
  const analytics = addAnalyticsIntegration(b, connections, scripts);
  const operations = addOperationsIntegration(b, connections, scripts);
  addUnattachedResources(b, connections, scripts);
  addHistory(b, connections, scripts, commerce, analytics, operations);
  addLegacyIntegration(b, connections.netsuite._id);
  return b.finish();
}
