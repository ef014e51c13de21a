/**
 * Text from an account (names, messages, user names, error texts) shown on a VS Code surface
 * must stay text. Notifications turn `[label](command:…)` and `[label](https://…)` into links
 * that run commands or open pages, and labels, quick picks, the status bar and dialogs turn
 * `$(name)` into icons. A zero-width space after `]` and `$` breaks both syntaxes while the
 * text reads the same. Every surface that shows such text goes through here: the Notifier,
 * the production guard and the other dialogs, quick picks, progress titles, the status bar.
 */

const ZERO_WIDTH_SPACE = '\u200b';

export function displayText(text: string): string {
  return text.replace(/\]\s*\(/g, (match) => `]${ZERO_WIDTH_SPACE}${match.slice(1)}`).replace(/\$\(/g, `$${ZERO_WIDTH_SPACE}(`);
}
