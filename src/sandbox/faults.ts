/**
 * Fault switches, so tests and benchmarks can make the sandbox misbehave on purpose:
 * added latency, forced 429 (with Retry-After), forced 5xx, dropped connections, stalls,
 * and jobs that fail or never finish. Set on the command line (`--latency`, `--faults`) or
 * at run time through `PUT /v1/_sandbox/faults` with the sandbox's token.
 */

export type FaultKind = 'rate_limit' | 'status' | 'drop' | 'stall';

export interface FaultRule {
  kind: FaultKind;
  /** Only requests with this method (any when absent). */
  method?: string;
  /** Only requests whose path (below /v1) matches this regular expression. */
  path?: string;
  /** How many matching requests it hits; forever when absent. */
  times?: number;
  /** rate_limit: the Retry-After seconds (default 1). */
  retryAfter?: number;
  /** status: the status to answer with (default 503). */
  status?: number;
  /** stall: how long to hold the request before dropping it (default 10 000 ms). */
  stallMs?: number;
}

export interface FaultSettings {
  /** Added to every request, in milliseconds. */
  latencyMs: number;
  rules: FaultRule[];
  /** How simulated jobs end: normally, all failing, or never. */
  jobs: 'normal' | 'fail' | 'hang';
}

export function defaultFaults(): FaultSettings {
  return { latencyMs: 0, rules: [], jobs: 'normal' };
}

const KINDS: readonly FaultKind[] = ['rate_limit', 'status', 'drop', 'stall'];
const JOB_BEHAVIOURS: readonly FaultSettings['jobs'][] = ['normal', 'fail', 'hang'];

function isJobBehaviour(value: unknown): value is FaultSettings['jobs'] {
  return JOB_BEHAVIOURS.some((behaviour) => behaviour === value);
}

/** Checks a settings object sent to the admin route or given on the command line. */
export function parseFaultSettings(value: unknown, base: FaultSettings = defaultFaults()): FaultSettings {
  if (!value || typeof value !== 'object') throw new Error('Fault settings must be an object.');
  const latencyMs = 'latencyMs' in value ? value.latencyMs : undefined;
  const jobs = 'jobs' in value ? value.jobs : undefined;
  const rules = 'rules' in value ? value.rules : undefined;
  const settings: FaultSettings = { ...base, rules: [...base.rules] };
  if (latencyMs !== undefined) {
    if (typeof latencyMs !== 'number' || latencyMs < 0) throw new Error('latencyMs must be a number ≥ 0.');
    settings.latencyMs = latencyMs;
  }
  if (jobs !== undefined) {
    if (!isJobBehaviour(jobs)) throw new Error('jobs must be normal, fail or hang.');
    settings.jobs = jobs;
  }
  if (rules !== undefined) {
    if (!Array.isArray(rules)) throw new Error('rules must be an array.');
    settings.rules = rules.map((rule: FaultRule) => {
      if (!rule || !KINDS.includes(rule.kind)) throw new Error(`Each rule needs a kind: ${KINDS.join(', ')}.`);
      if (rule.path !== undefined) new RegExp(rule.path); // throws on a bad pattern
      return { ...rule };
    });
  }
  return settings;
}

/** The first rule that hits this request, with its count taken down. */
export function takeFault(settings: FaultSettings, method: string, path: string): FaultRule | undefined {
  for (const rule of settings.rules) {
    if (rule.times !== undefined && rule.times <= 0) continue;
    if (rule.method && rule.method.toUpperCase() !== method) continue;
    if (rule.path && !new RegExp(rule.path).test(path)) continue;
    if (rule.times !== undefined) rule.times--;
    return rule;
  }
  return undefined;
}
