/**
 * How people, times and durations read, in one place for every surface (notifications, the
 * tree, documents and the webview pages, which bundle this file too: no `vscode`, no Node).
 */

/** "Maria Ops <maria.ops@example.com>", or whichever of name, email and id there is. */
export function formatUser(user: { _id?: string; name?: string; email?: string } | undefined): string {
  if (!user) return 'unknown';
  if (user.name) return user.email ? `${user.name} <${user.email}>` : user.name;
  return user.email ?? user._id ?? 'unknown';
}

/** A moment in the user's locale, or `fallback` when there is none. */
export function formatTime(iso: string | undefined, fallback = ''): string {
  if (!iso) return fallback;
  const time = new Date(iso);
  return Number.isNaN(time.getTime()) ? fallback : time.toLocaleString();
}

/** "850 ms", "12.3 s", "2 min 5 s": from start to end (or now). */
export function formatDuration(startIso?: string, endIso?: string): string {
  if (!startIso) return '';
  const ms = (endIso ? Date.parse(endIso) : Date.now()) - Date.parse(startIso);
  if (!(ms >= 0)) return '';
  if (ms < 1000) return `${ms} ms`;
  const s = Math.round(ms / 100) / 10;
  return s < 60 ? `${s} s` : `${Math.floor(s / 60)} min ${Math.round(s % 60)} s`;
}

/** A changed value as the audit history shows it: strings as they are, everything else as formatted JSON. */
export function displayValue(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  return typeof value === 'string' ? value : JSON.stringify(value, null, 2);
}
