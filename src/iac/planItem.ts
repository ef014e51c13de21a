/**
 * What a plan says of one resource, and what applying it does to the environment. `effectOf` is
 * the one answer to "does an apply act on this item, and how": apply's steps, the CLI's exit
 * code, the Source Control view's Changes to Apply and the counts a person is asked about all
 * read it, so they cannot disagree (an adopted resource that differs from the folder is an
 * update, one that does not is only bound).
 */
import { IacKind, LogicalKey } from './layout';

export type PlanAction =
  'create' | 'update' | 'delete' | 'bind' | 'adopt' | 'needs-connection' | 'remote-change' | 'conflict' | 'unchanged';

export interface PlanItem {
  key: LogicalKey;
  kind: IacKind;
  action: PlanAction;
  /** The resource's name: the account's, for what is already there (what an update or a delete changes); else the folder's. */
  name?: string;
  /** The account id it is bound (or, for `bind`, matched) to. */
  id?: string;
  /** For `adopt`: the environment's copy differs from the folder, so adopting it updates it. */
  differs?: boolean;
  /** For remote changes: what happened in the account. */
  remote?: 'added' | 'changed' | 'deleted';
  /**
   * For items an apply acts on: a hash of the folder's copy it writes and the account's copy it
   * replaces, so that an apply can tell the plan a person agreed to from one that only has the
   * same actions (apply.ts).
   */
  fingerprint?: string;
  /** One line for people. */
  reason: string;
}

/**
 * What an apply does for an item: creates, updates or deletes it in the account, or only binds
 * what the environment already has (a connection matched by name, a resource adopted as it is).
 */
export type Effect = 'create' | 'update' | 'delete' | 'bind';

/** What applying the item does, or undefined when an apply leaves it alone. */
export function effectOf(item: Pick<PlanItem, 'action' | 'differs'>): Effect | undefined {
  switch (item.action) {
    case 'create':
    case 'update':
    case 'delete':
    case 'bind':
      return item.action;
    case 'adopt':
      return item.differs ? 'update' : 'bind';
    default:
      return undefined;
  }
}

/** Whether an apply acts on the item (deletions only with consent). */
export function isApplied(item: Pick<PlanItem, 'action' | 'differs'>): boolean {
  return effectOf(item) !== undefined;
}
