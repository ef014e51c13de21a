/**
 * Modal questions. Every one goes through `askModal`, so that account text in them stays text
 * (`displayText`) and the integration tests can answer them: a modal dialog cannot be clicked
 * from the extension host, so a test queues the answer it would click (`answerNext`), through
 * the extension's API, never through a command argument that a link could pass.
 */
import vscode = require('vscode');
import { displayText } from './displayText';

const queuedAnswers: string[] = [];

/** Tests only: the title of the button to "click" in the next modal question. */
export function answerNext(title: string): void {
  queuedAnswers.push(title);
}

/** Tests only: answers queued but never asked for (a test checks there are none), forgotten. */
export function takeUnusedAnswers(): string[] {
  return queuedAnswers.splice(0);
}

let lastAsked: { message: string; detail: string; buttons: string[] } | undefined;

/** Tests only: the last question asked, as the user reads it. */
export function lastQuestion(): typeof lastAsked {
  return lastAsked;
}

/** Asks a modal warning; resolves with the chosen item, or undefined when dismissed. */
export async function askModal<T extends vscode.MessageItem>(message: string, detail: string, ...items: T[]): Promise<T | undefined> {
  lastAsked = { message: displayText(message), detail: displayText(detail), buttons: items.map((i) => i.title) };
  const queued = queuedAnswers.shift();
  if (queued !== undefined) return items.find((item) => item.title === queued);
  return vscode.window.showWarningMessage(displayText(message), { modal: true, detail: displayText(detail) }, ...items);
}
