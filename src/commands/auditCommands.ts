/** "Show Audit History" of any resource. */
import { RESOURCE_KINDS } from '../model/resourceKinds';
import { describeError } from '../util/errors';
import { AuditPanel } from '../webviews/auditPanel';
import { AuditState } from '../webviews/protocol/audit';
import { fromApi, resourceTarget } from './resourceTarget';
import { CommandDefinition } from './services';

/** Opens the audit view. Options: `{ pages }` loads that many pages before resolving (tests). */
export const showAuditHistoryCommand: CommandDefinition = {
  id: 'integratorIo.showAuditHistory',
  async run(services, arg?: unknown, options?: unknown) {
    const target = resourceTarget(services, arg);
    if (!target) {
      void services.notify.info('Pick a resource (or open its document) to see its audit history.');
      return undefined;
    }
    try {
      const client = await services.environments.client(target.env);
      const info = RESOURCE_KINDS[target.kind];
      const view = await AuditPanel.show(
        `audit:${target.env.id}:${target.kind}:${target.id}`,
        `History: ${target.name ?? target.id}`,
        `${info.singular} in ${target.env.name} · newest first`,
        services.context.extensionUri,
        info.collection(client).audit(target.id, { limit: 25 }),
      );
      let state: AuditState = view.current;
      const pages = (fromApi(arg) ? (options as { pages?: number } | undefined)?.pages : undefined) ?? 1;
      for (let i = 1; i < pages && state.hasMore; i++) state = await view.loadMore();
      return state;
    } catch (err) {
      void services.notify.error(`Could not read the audit history: ${describeError(err)}`);
      return undefined;
    }
  },
};
