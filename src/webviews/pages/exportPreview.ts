// The export preview: records as a table (first columns), each expandable to its JSON.
import type { ExportPreviewAction, ExportPreviewState } from '../protocol/exportPreview';
import { connect, el, heading, Host, icon } from './runtime';

const app = document.getElementById('app')!;
const MAX_COLUMNS = 6;
/** Records whose JSON the user opened, by position: kept when the next page redraws the table. */
const opened = new Set<number>();

function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return JSON.stringify(value);
  return typeof value === 'string' ? value : (JSON.stringify(value) ?? '');
}

const field = (record: unknown, key: string): unknown => (isObject(record) ? record[key] : undefined);

/** A record's fields are read by name: any object (an array's by index) has them. */
function isObject(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null;
}

function render(s: ExportPreviewState, host: Host<ExportPreviewAction>): void {
  const columns: string[] = [];
  for (const record of s.records)
    for (const key of Object.keys(typeof record === 'object' && record !== null ? record : {}))
      if (!columns.includes(key) && columns.length < MAX_COLUMNS) columns.push(key);
  // A record's JSON opens in a row of its own, the table's full width: in the last cell it was
  // squeezed into that column and cut off.
  const rows = s.records.flatMap((record, i) => {
    const open = opened.has(i);
    const toggle = el(
      'button',
      {
        className: 'link json-toggle',
        ariaExpanded: String(open),
        title: open ? 'Hide the record’s JSON' : 'Show the record’s JSON',
        onclick: () => {
          if (opened.has(i)) opened.delete(i);
          else opened.add(i);
          render(s, host);
        },
      },
      [icon(open ? 'chevron-down' : 'chevron-right'), 'JSON'],
    );
    const row = el('tr', { className: 'record' }, [
      el('td', { className: 'number' }, String(i + 1)),
      ...columns.map((c) => el('td', { title: cell(field(record, c)) }, cell(field(record, c)))),
      el('td', {}, toggle),
    ]);
    if (!open) return [row];
    return [
      row,
      el('tr', { className: 'record-json' }, el('td', { colSpan: columns.length + 2 }, el('pre', {}, JSON.stringify(record, null, 2)))),
    ];
  });
  const counter = `${s.records.length}${s.totalRecords !== undefined ? ` of ${s.totalRecords}` : ''} records · ${s.pages} page${s.pages === 1 ? '' : 's'}${s.done ? ' · done' : ''}`;
  app.replaceChildren(
    ...heading(s.title, s.subtitle),
    el('div', { className: 'toolbar' }, [
      el(
        'button',
        { disabled: s.done || s.loading, onclick: () => host.send({ type: 'next' }) },
        s.loading ? [icon('loading', 'spin'), 'Loading…'] : [icon('arrow-down'), 'Next page'],
      ),
      el('span', { className: 'muted counter' }, counter),
    ]),
    s.error ? el('p', { className: 'error-text' }, s.error) : '',
    el('table', { className: 'records' }, [
      el('thead', {}, el('tr', {}, [el('th', { className: 'number' }, '#'), ...columns.map((c) => el('th', {}, c)), el('th', {}, '')])),
      el('tbody', {}, rows),
    ]),
  );
}

connect<ExportPreviewState, ExportPreviewAction>(render);
