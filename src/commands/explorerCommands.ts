/** Explorer commands: refresh a node, load the next page, find a resource in the account, show the log. */
import vscode = require('vscode');
import { ExplorerNode } from '../explorer/explorerNode';
import { PagedNode } from '../explorer/nodes/pagedNode';
import { defineCommand } from './command';
import { displayText } from '../util/displayText';
import { IntegratorClient } from '../api';
import { EnvironmentInfo } from '../environments/environment';
import { listForSearch, matches, SEARCHED_KINDS, SearchHit } from '../model/accountSearch';
import { RESOURCE_KINDS } from '../model/resourceKinds';
import { describeError } from '../util/errors';
import { ChosenResource } from './resourceTarget';
import { Services } from './services';

/** The row it was run on, or the whole tree (from the palette or the view's title). */
export const refreshCommand = defineCommand({
  id: 'integratorIo.refresh',
  target: (_services, arg) => ({ node: arg instanceof ExplorerNode ? arg : undefined }),
  failure: () => 'Could not refresh the integrator.io explorer',
  run(services, { node }) {
    services.explorer.refresh(node);
  },
});

export const loadMoreCommand = defineCommand({
  id: 'integratorIo.loadMore',
  target: (_services, arg) => (arg instanceof PagedNode ? arg : undefined),
  failure: () => 'Could not load more rows',
  async run(_services, node) {
    await node.loadMore();
  },
});

/** A search the extension's API made (tests): a class instance, which a link cannot pass. */
export class ChosenSearch {
  constructor(readonly query: string) {}
}

/**
 * Find Resource: searches every signed-in environment's account, every kind, not just the rows
 * the tree has loaded. Results appear kind by kind while the rest load; the title says what was
 * searched. The pick opens as a document and is revealed in the tree. `ChosenSearch` (from the
 * extension's API only) takes the first match without asking.
 */
export const findResourceCommand = defineCommand({
  id: 'integratorIo.findResource',
  target: (_services, arg) => ({ query: arg instanceof ChosenSearch ? arg.query : undefined }),
  failure: () => 'Could not search integrator.io',
  async run(services, { query }) {
    const environments = services.environments.list();
    if (environments.length === 0) {
      void services.notify.info('Add an environment first: there is no integrator.io account to search.');
      return undefined;
    }
    const picked = query === undefined ? await pickInteractively(services, environments) : await firstMatch(services, environments, query);
    if (!picked) return undefined;
    const { env, hit } = picked;
    await vscode.commands.executeCommand('integratorIo.openResource', new ChosenResource(env.id, hit.kind, hit.id, hit.name));
    const row = await services.explorer.rowOf(env.id, hit.kind, hit.id, hit.integrationId);
    if (!row) return undefined;
    await services.treeView.reveal(row, { select: true, focus: false, expand: false });
    return row.id;
  },
});

interface Found {
  env: EnvironmentInfo;
  hit: SearchHit;
}

type FoundItem = vscode.QuickPickItem & Found;

/** Searches each environment, each kind at once, and reports results as each list arrives. */
async function searchAll(
  services: Services,
  environments: readonly EnvironmentInfo[],
  signal: AbortSignal,
  onResults: (found: Found[], progress: SearchProgress) => void,
): Promise<SearchProgress> {
  const progress: SearchProgress = { searched: 0, kindsDone: 0, kindsTotal: 0, skipped: [] };
  await Promise.all(
    environments.map(async (env) => {
      if (!(await services.environments.hasToken(env))) {
        progress.skipped.push(`${env.name} (not signed in)`);
        return;
      }
      progress.kindsTotal += SEARCHED_KINDS.length;
      let client: IntegratorClient;
      try {
        client = await services.environments.client(env);
      } catch (err) {
        progress.kindsTotal -= SEARCHED_KINDS.length;
        progress.skipped.push(`${env.name} (${describeError(err)})`);
        return;
      }
      let failed: string | undefined;
      await Promise.all(
        SEARCHED_KINDS.map(async (kind) => {
          try {
            const hits = await listForSearch(client, kind, signal);
            progress.searched += hits.length;
            progress.kindsDone++;
            onResults(
              hits.map((hit) => ({ env, hit })),
              progress,
            );
          } catch (err) {
            progress.kindsDone++;
            failed ??= `${env.name} ${RESOURCE_KINDS[kind].label.toLowerCase()} (${describeError(err)})`;
          }
        }),
      );
      if (failed) progress.skipped.push(failed);
    }),
  );
  return progress;
}

interface SearchProgress {
  searched: number;
  kindsDone: number;
  kindsTotal: number;
  /** Environments (or lists) that could not be searched, and why. */
  skipped: string[];
}

function whatWasSearched(progress: SearchProgress, environments: readonly EnvironmentInfo[], done: boolean): string {
  const where = environments.length === 1 ? environments[0]!.name : `${environments.length} environments`;
  const lists = done ? 'every kind' : `${progress.kindsDone} of ${progress.kindsTotal} lists`;
  const skipped = progress.skipped.length ? `; not searched: ${progress.skipped.join(', ')}` : '';
  return displayText(`${done ? 'Searched' : 'Searching'} ${progress.searched} resources (${lists}) in ${where}${skipped}`);
}

async function pickInteractively(services: Services, environments: readonly EnvironmentInfo[]): Promise<Found | undefined> {
  const abort = new AbortController();
  const pick = vscode.window.createQuickPick<FoundItem>();
  pick.title = 'Find integrator.io Resource';
  pick.placeholder = 'Name or id of a flow, export, import, connection, integration, script or file definition';
  pick.matchOnDescription = true;
  pick.matchOnDetail = true;
  pick.keepScrollPosition = true;
  pick.busy = true;
  const items: FoundItem[] = [];
  const several = environments.length > 1;
  const answer = new Promise<Found | undefined>((resolve) => {
    pick.onDidAccept(() => {
      const [chosen] = pick.selectedItems;
      if (chosen) resolve({ env: chosen.env, hit: chosen.hit });
      pick.hide();
    });
    pick.onDidHide(() => {
      abort.abort();
      resolve(undefined);
      pick.dispose();
    });
  });
  pick.show();
  void searchAll(services, environments, abort.signal, (found, progress) => {
    for (const { env, hit } of found) items.push(itemOf(env, hit, several));
    pick.items = items;
    pick.title = `Find integrator.io Resource: ${whatWasSearched(progress, environments, false)}`;
  }).then((progress) => {
    pick.busy = false;
    pick.items = items;
    pick.title = `Find integrator.io Resource: ${whatWasSearched(progress, environments, true)}`;
  });
  return answer;
}

async function firstMatch(services: Services, environments: readonly EnvironmentInfo[], query: string): Promise<Found | undefined> {
  const all: Found[] = [];
  const progress = await searchAll(services, environments, new AbortController().signal, (found) => all.push(...found));
  const match = all.find((f) => matches(f.hit, query));
  if (!match) void services.notify.info(`Nothing matches "${query}". ${whatWasSearched(progress, environments, true)}.`);
  return match;
}

function itemOf(env: EnvironmentInfo, hit: SearchHit, several: boolean): FoundItem {
  const kind = RESOURCE_KINDS[hit.kind].singular;
  // A result in production says so, as its rows and tabs do, whether or not there are several environments.
  const where = [several ? env.name : '', env.production ? '⚠ PRODUCTION' : ''].filter(Boolean).join(' · ');
  return {
    label: displayText(hit.name),
    description: displayText(where ? `${kind} · ${where}` : kind),
    detail: hit.id,
    iconPath: new vscode.ThemeIcon(RESOURCE_KINDS[hit.kind].icon),
    env,
    hit,
  };
}

export const showLogCommand = defineCommand({
  id: 'integratorIo.showLog',
  target: () => ({}),
  failure: () => 'Could not show the integrator.io log',
  run(services) {
    services.log.show();
  },
});
