/** "Show Audit History" of any resource. */
import { RESOURCE_KINDS } from '../model/resourceKinds';
import { AuditPanel } from '../webviews/auditPanel';
import { AuditState } from '../webviews/protocol/audit';
import { defineCommand, optionValue, reopenWith, resourceOf } from './command';
import { viewKey } from '../identity';

/** Opens the audit view. Options: `{ pages }` loads that many pages before resolving (tests). */
export const showAuditHistoryCommand = defineCommand({
  id: 'integratorIo.showAuditHistory',
  target: resourceOf(),
  needs: 'Pick a resource (or open its document) to see its audit history.',
  options: (raw) => {
    const pages = optionValue(raw, 'pages');
    return { pages: typeof pages === 'number' && pages > 0 ? Math.min(pages, 100) : 1 };
  },
  failure: () => 'Could not read the audit history',
  async run(services, target, options) {
    const client = await services.environments.client(target.env);
    const info = RESOURCE_KINDS[target.kind];
    const key = viewKey('audit', target.env.id, target.kind, target.id);
    const view = await AuditPanel.show(
      key,
      `History: ${target.name ?? target.id}`,
      `${info.singular} in ${target.env.name} · newest first`,
      services.context.extensionUri,
      info.collection(client).audit(target.id, { limit: 25 }),
      reopenWith('integratorIo.showAuditHistory', key, target),
    );
    let state: AuditState = view.current;
    for (let i = 1; i < (options.pages ?? 1) && state.hasMore; i++) state = await view.loadMore();
    return state;
  },
});
