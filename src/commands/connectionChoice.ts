/** Which connection of an environment stands for each of a folder's connections, asked one by one. */
import vscode = require('vscode');
import { EnvironmentInfo } from '../environments/environment';
import { LogicalKey } from '../iac/layout';
import { Plan } from '../iac/plan';
import { displayText } from '../util/displayText';
import { Services } from './services';

/** Asks, for each folder connection with no match, which connection of the target stands for it; the answers go into `choices`. */
export async function chooseConnections(
  services: Services,
  env: EnvironmentInfo,
  plan: Plan,
  choices: Record<LogicalKey, string>,
  which: 'needs-connection' | 'bind',
): Promise<boolean> {
  const client = await services.environments.client(env);
  const connections = await client.connections.listAll({ include: ['name', 'type'] });
  for (const item of plan.items.filter((i) => i.action === which)) {
    // The current match first, so Enter keeps it.
    const ordered = [...connections].sort((a, b) => Number(b._id === item.id) - Number(a._id === item.id));
    const picked = await vscode.window.showQuickPick(
      ordered.map((c) => ({
        label: displayText(c.name ?? c._id),
        description: [String(c.type ?? ''), c._id === item.id ? 'matched by name' : ''].filter(Boolean).join(' · '),
        id: c._id,
      })),
      {
        placeHolder: `${item.key}${item.name ? ` ("${displayText(item.name)}")` : ''}: ${item.reason}. Which connection of "${env.name}" stands for it?`,
      },
    );
    if (!picked) return false;
    choices[item.key] = picked.id;
  }
  return true;
}
