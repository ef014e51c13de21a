/**
 * A hook's records before and after, paired one to one where the contract pairs them (preMap,
 * postMap, postSubmit, postResponseMap by position; a transform's one record), with the fields
 * that changed named: what the result view marks. preSavePage may drop records, so its records
 * are not paired by position.
 */
import { isJsonObject } from '../api/types';
import { HookType } from './contracts';

export interface RecordPair {
  index: number;
  /** 'ignored': `{}` (preMap, postMap); 'error': it carries errors and no data. */
  status: 'changed' | 'same' | 'ignored' | 'error';
  /** Top-level fields added, removed or changed. */
  changed: string[];
  before: unknown;
  after: unknown;
}

const MAX_PAIRS = 100;

export function pairRecords(type: HookType, options: Record<string, unknown>, result: unknown): RecordPair[] | undefined {
  const list = (v: unknown) => (Array.isArray(v) ? v : undefined);
  switch (type) {
    case 'preMap':
    case 'postMap': {
      const before = list(type === 'preMap' ? options.data : options.postMapData);
      const after = list(result);
      if (!before || !after) return undefined;
      return before.slice(0, MAX_PAIRS).map((record, i) => {
        const element: unknown = after[i];
        if (!isJsonObject(element) || (element.data === undefined && !hasErrors(element.errors)))
          return pair(i, record, undefined, 'ignored');
        if (element.data === undefined) return pair(i, record, element, 'error');
        return pair(i, record, element.data);
      });
    }
    case 'postSubmit':
    case 'postResponseMap': {
      const before = list(type === 'postSubmit' ? options.responseData : options.postResponseMapData);
      const after = list(result);
      if (!before || !after) return undefined;
      return before.slice(0, MAX_PAIRS).map((record, i) => pair(i, record, after[i]));
    }
    case 'transform':
      return [pair(0, options.record, result)];
    default:
      return undefined;
  }
}

function pair(index: number, before: unknown, after: unknown, status?: RecordPair['status']): RecordPair {
  const changed = changedFields(before, after);
  return { index, status: status ?? (changed.length ? 'changed' : 'same'), changed: status ? [] : changed, before, after };
}

function changedFields(before: unknown, after: unknown): string[] {
  if (!isJsonObject(before) || !isJsonObject(after)) return JSON.stringify(before) === JSON.stringify(after) ? [] : ['(the whole record)'];
  return [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(
    (key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]),
  );
}

/** Whether a record's `errors` holds any (a result read as it came: `errors` may be anything). */
function hasErrors(errors: unknown): boolean {
  return Array.isArray(errors) && errors.length > 0;
}
