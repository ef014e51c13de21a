/**
 * A step's open errors grouped by code and message, with counts and the first and last time
 * each was seen: what a person asks first of 2,500 errors ("is it one problem or many?"),
 * in as many requests as the API's pages of errors, never more than MAX_SUMMARIZED errors read.
 */
import { IntegratorClient } from '../api';
import { ErrorQuery } from '../api/errorManagement';
import { isJsonObject, textField } from '../api/types';
import { cutText } from '../model/accountText';

/** Errors read for a summary at most: the newest, said so when there are more. */
export const MAX_SUMMARIZED = 2000;
const MAX_GROUPS = 50;
const MAX_MESSAGE = 500;

export interface ErrorGroup {
  code: string;
  message: string;
  count: number;
  firstAt?: string;
  lastAt?: string;
}

export async function summarizeErrors(
  client: IntegratorClient,
  step: { flowId: string; stepId: string },
  query: ErrorQuery,
  signal?: AbortSignal,
): Promise<{ read: number; complete: boolean; groups: ErrorGroup[]; moreGroups: number }> {
  const groups = new Map<string, ErrorGroup>();
  let read = 0;
  let complete = true;
  for await (const page of client.errors.list(step.flowId, step.stepId, query, { signal })) {
    for (const error of page) {
      if (read >= MAX_SUMMARIZED) {
        complete = false;
        break;
      }
      read += 1;
      if (isJsonObject(error)) add(groups, error);
    }
    if (!complete) break;
  }
  const sorted = [...groups.values()].sort((a, b) => b.count - a.count || (b.lastAt ?? '').localeCompare(a.lastAt ?? ''));
  return { read, complete, groups: sorted.slice(0, MAX_GROUPS), moreGroups: Math.max(0, sorted.length - MAX_GROUPS) };
}

function add(groups: Map<string, ErrorGroup>, error: Record<string, unknown>): void {
  const code = cutText(textField(error, 'code') ?? '', 200);
  const message = cutText(textField(error, 'message') ?? '', MAX_MESSAGE);
  const at = textField(error, 'occurredAt');
  // The key is the cut text: two 100 KB stack traces that differ only past the cut are one problem to a reader.
  const key = JSON.stringify([code, message]);
  const group = groups.get(key) ?? { code, message, count: 0 };
  group.count += 1;
  if (at && (!group.firstAt || at < group.firstAt)) group.firstAt = at;
  if (at && (!group.lastAt || at > group.lastAt)) group.lastAt = at;
  groups.set(key, group);
}
