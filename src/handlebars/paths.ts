/**
 * The paths a sample context has (`record.customer.email`, `record.lines.0.sku`), for completion
 * inside `{{ }}` and for "no sample record has this path; the closest is …", and the closest of a
 * set of names by edit distance.
 */

/** How deep and how many paths are collected: a large sample must not make the editor slow. */
const MAX_DEPTH = 8;
const MAX_PATHS = 5_000;

/**
 * Every path of `value`: objects by key, arrays by index (and `name.*` for "any element"), so
 * `record.lines.0.sku` and `record.lines` are both there. A path whose value is an array also
 * yields `path.length`, which templates read.
 */
export function pathsOf(value: unknown): Set<string> {
  const paths = new Set<string>();
  const walk = (node: unknown, prefix: string, depth: number) => {
    if (paths.size >= MAX_PATHS || depth > MAX_DEPTH) return;
    if (Array.isArray(node)) {
      if (prefix) paths.add(`${prefix}.length`);
      if (node.length && prefix) paths.add(`${prefix}.*`);
      node.slice(0, 20).forEach((item, i) => {
        const path = prefix ? `${prefix}.${i}` : String(i);
        paths.add(path);
        walk(item, path, depth + 1);
      });
      return;
    }
    if (typeof node === 'object' && node !== null) {
      if (prefix && Object.keys(node).length) paths.add(`${prefix}.*`);
      for (const [key, child] of Object.entries(node)) {
        const path = prefix ? `${prefix}.${key}` : key;
        paths.add(path);
        walk(child, path, depth + 1);
      }
      return;
    }
    if (typeof node === 'string' && prefix) paths.add(`${prefix}.length`);
  };
  walk(value, '', 0);
  return paths;
}

/** The candidate nearest to `name` by edit distance, if it is near enough to be a likely typo. */
export function closest(name: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const d = distance(name.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(name.length / 3)) ? best : undefined;
}

function distance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 10) return Infinity;
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length]!;
}
