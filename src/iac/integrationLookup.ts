/** Finds the integration a user names: by id, or by its exact name (which must be unique). */
import { IntegratorClient } from '../api';
import { isObjectId } from './references';

export async function resolveIntegration(
  client: IntegratorClient,
  idOrName: string,
  options: { signal?: AbortSignal } = {},
): Promise<string> {
  if (isObjectId(idOrName)) return idOrName;
  const all = await client.integrations.listAll({ include: ['name'], signal: options.signal });
  const named = all.filter((i) => i.name === idOrName);
  if (named.length === 1) return named[0]!._id;
  if (named.length > 1)
    throw new Error(`${named.length} integrations are named "${idOrName}": name it by id (${named.map((i) => i._id).join(', ')}).`);
  throw new Error(`No integration has the id or exact name "${idOrName}".`);
}
