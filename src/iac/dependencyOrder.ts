/**
 * The order in which resources can be created: each after everything it refers to, worked out
 * from the references in the documents themselves (not from a fixed list of kinds). Among
 * resources that are free at the same time, the usual kind order and then the key decide, so
 * the order is stable.
 */
import { IAC_KINDS, kindOfKey, LogicalKey } from './layout';

export class DependencyCycleError extends Error {}

export function dependencyOrder(dependencies: ReadonlyMap<LogicalKey, readonly LogicalKey[]>): LogicalKey[] {
  const rank = (key: LogicalKey) => IAC_KINDS.indexOf(kindOfKey(key) ?? 'flows');
  const before = (a: LogicalKey, b: LogicalKey) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0);
  const waitingOn = new Map<LogicalKey, number>();
  const dependents = new Map<LogicalKey, LogicalKey[]>();
  for (const [key, deps] of dependencies) {
    const known = [...new Set(deps)].filter((d) => d !== key && dependencies.has(d));
    waitingOn.set(key, known.length);
    for (const d of known) dependents.set(d, [...(dependents.get(d) ?? []), key]);
  }
  const ready = [...waitingOn].filter(([, n]) => n === 0).map(([key]) => key);
  const order: LogicalKey[] = [];
  while (ready.length) {
    ready.sort(before);
    const key = ready.shift()!;
    order.push(key);
    for (const dependent of dependents.get(key) ?? []) {
      const left = waitingOn.get(dependent)! - 1;
      waitingOn.set(dependent, left);
      if (left === 0) ready.push(dependent);
    }
  }
  if (order.length < dependencies.size) {
    const stuck = [...waitingOn].filter(([, n]) => n > 0).map(([key]) => key);
    throw new DependencyCycleError(
      `These resources refer to each other in a cycle, so none can be created first: ${stuck.sort().join(', ')}.`,
    );
  }
  return order;
}
