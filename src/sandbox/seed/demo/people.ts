/** The demo account's second person: changes by a teammate show in the audit history and conflict notices. */
import { SandboxUser } from '../../account';

export const TEAMMATE: SandboxUser = { _id: '5f0c1a2b3c4d5e6f70819202', email: 'maria.ops@example.com', name: 'Maria Ops' };
