// The mapping preview: sample records in, the mapping, the output. Values are set with
// textContent or as a textarea's value, never as HTML.
import type { MappingAction, MappingRow, MappingState } from '../protocol/mapping';
import { connect, el, Host, icon } from './runtime';

const app = document.getElementById('app')!;
const textarea = el('textarea', { spellcheck: false, ariaLabel: 'Sample input records (JSON array)' });
let shownRecords: string | undefined;
// Counts renders in data-renders, so a benchmark can tell one finished evaluation from the next.
let renders = 0;
let connected: Host<MappingAction> | undefined;

textarea.addEventListener('input', () => {
  connected?.local({ set: { records: textarea.value } });
  connected?.send({ type: 'records', records: textarea.value });
});

/** API errors beside the mapping rows they name; the rest above. */
function errorsByRow(s: MappingState): { byPath: Map<string, string[]>; general: string[] } {
  const byPath = new Map<string, string[]>();
  const general: string[] = [];
  for (const e of s.errors) {
    const row = e.field && s.rows.find((r) => e.field === r.path || e.field!.startsWith(`${r.path}.`));
    if (row) byPath.set(row.path, [...(byPath.get(row.path) ?? []), e.message]);
    else general.push(e.field ? `${e.field}: ${e.message}` : e.message);
  }
  return { byPath, general };
}

function mappingTable(rows: MappingRow[], byPath: Map<string, string[]>) {
  return el('table', { className: 'mapping' }, [
    el('thead', {}, el('tr', {}, [el('th', {}, 'Generate'), el('th', {}, 'From'), el('th', {}, 'Type')])),
    el(
      'tbody',
      {},
      rows.flatMap((r) => {
        const errors = byPath.get(r.path);
        const row = el('tr', { className: errors ? 'has-error' : '', dataset: { path: r.path } }, [
          el('td', {}, r.generate),
          el('td', {}, r.source),
          el('td', {}, r.dataType),
        ]);
        return errors
          ? [row, el('tr', { className: 'has-error' }, el('td', { className: 'field-error', colSpan: 3 }, errors.join(' ')))]
          : [row];
      }),
    ),
  ]);
}

function render(s: MappingState, host: Host<MappingAction>): void {
  connected = host;
  // The host sends the records only when they are not what the user typed here.
  if (s.records !== shownRecords && document.activeElement !== textarea) textarea.value = s.records;
  shownRecords = s.records;
  const { byPath, general } = errorsByRow(s);
  const status = s.evaluating ? 'Evaluating…' : s.durationMs !== undefined ? `Evaluated in ${s.durationMs} ms` : '';
  const run = () => {
    host.local({ set: { evaluating: true, records: textarea.value } });
    void host.request({ type: 'run', records: textarea.value });
  };
  app.replaceChildren(
    el('h1', {}, s.title),
    el('div', { className: 'subtitle' }, s.subtitle),
    el('div', { className: 'toolbar' }, [
      el('button', { onclick: run }, [icon('play'), 'Run']),
      el('span', { className: 'muted status' }, status),
    ]),
    ...general.map((m) => el('p', { className: 'error-text general-error' }, m)),
    el('div', { className: 'grid' }, [
      el('section', {}, [
        el('h2', {}, 'Sample input records'),
        textarea,
        s.recordsError ? el('p', { className: 'error-text' }, s.recordsError) : '',
      ]),
      el('section', {}, [
        el('h2', {}, 'Mapping'),
        s.rows.length
          ? mappingTable(s.rows, byPath)
          : el('p', { className: 'muted' }, 'This import has no mapping: records pass through as they are.'),
      ]),
      el('section', {}, [
        el('h2', {}, `Output${s.output ? ` (${s.output.length} records)` : ''}`),
        el('pre', { className: 'output', ariaLabel: 'Output records' }, s.output ? JSON.stringify(s.output, null, 2) : ''),
      ]),
    ]),
  );
  app.dataset.renders = String(++renders);
}

connect<MappingState, MappingAction>(render);
