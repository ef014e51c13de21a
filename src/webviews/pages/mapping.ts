// The mapping preview: sample records in, the mapping, the output. Values are set with
// textContent or as a textarea's value, never as HTML.
//
// Unlike the other pages it is drawn once and then changed in place: the output can be tens of
// KB of text, and laying it out again on every click costs more than the evaluation itself
// (measured: ~100 ms a click in code-server). A part is redrawn only when its slice of the state
// is a new value (a patch replaces only what changed, so unchanged slices keep their identity).
import type { MappingAction, MappingRow, MappingState } from '../protocol/mapping';
import { connect, el, Host, icon } from './runtime';

const app = document.getElementById('app')!;
const textarea = el('textarea', { spellcheck: false, ariaLabel: 'Sample input records (JSON array)' });
const title = el('h1');
const subtitle = el('div', { className: 'subtitle' });
const status = el('span', { className: 'muted status' });
const runButton = el('button', {}, [icon('play'), 'Run']);
const generalErrors = el('div');
const recordsError = el('p', { className: 'error-text' });
const mappingSection = el('section', { className: 'mapping-section' }, el('h2', {}, 'Mapping'));
const outputHeading = el('h2', {}, 'Output');
const output = el('pre', { className: 'output', ariaLabel: 'Output records' });
app.replaceChildren(
  title,
  subtitle,
  el('div', { className: 'toolbar' }, [runButton, status]),
  generalErrors,
  el('div', { className: 'grid' }, [
    el('section', { className: 'records' }, [el('h2', {}, 'Sample input records'), textarea, recordsError]),
    mappingSection,
    el('section', { className: 'output-section' }, [outputHeading, output]),
  ]),
);

// Counts renders in data-renders, so a benchmark can tell one finished evaluation from the next.
let renders = 0;
let connected: Host<MappingAction> | undefined;
/** The records text the host has: a Run sends the text only when it differs. */
let hostRecords: string | undefined;
let typingTimer: ReturnType<typeof setTimeout> | undefined;
const TELL_HOST_AFTER_TYPING_MS = 300;
/** The slices drawn last, by identity. */
let drawn: Partial<Pick<MappingState, 'rows' | 'errors' | 'missing' | 'records' | 'outputText'>> = {};

function tellHost(): void {
  if (textarea.value === hostRecords) return;
  hostRecords = textarea.value;
  connected?.send({ type: 'records', records: textarea.value });
}

// The host needs the records to evaluate after a document edit; it hears them after a pause in typing.
textarea.addEventListener('input', () => {
  clearTimeout(typingTimer);
  typingTimer = setTimeout(tellHost, TELL_HOST_AFTER_TYPING_MS);
});

runButton.addEventListener('click', () => {
  if (!connected) return;
  clearTimeout(typingTimer);
  const changed = textarea.value !== hostRecords;
  hostRecords = textarea.value;
  connected.local({ set: { evaluating: true } });
  void connected.request(changed ? { type: 'run', records: textarea.value } : { type: 'run' });
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

function mappingTable(rows: MappingRow[], byPath: Map<string, string[]>, missing: ReadonlySet<string>) {
  if (!rows.length) return el('p', { className: 'muted' }, 'This import has no mapping: records pass through as they are.');
  return el('table', { className: 'mapping' }, [
    el('thead', {}, el('tr', {}, [el('th', {}, 'Generate'), el('th', {}, 'From'), el('th', {}, 'Type')])),
    el(
      'tbody',
      {},
      rows.flatMap((r) => {
        const errors = byPath.get(r.path);
        const absent = missing.has(r.path);
        const row = el('tr', { className: errors ? 'has-error' : absent ? 'missing' : '', dataset: { path: r.path } }, [
          el('td', {}, [
            r.generate,
            absent
              ? el(
                  'span',
                  {
                    className: 'missing-badge',
                    title: `No output record has ${r.generate}: its source was empty or absent in the sample records.`,
                  },
                  [icon('warning'), ' not in output'],
                )
              : '',
          ]),
          el('td', {}, r.source),
          el('td', { className: 'type' }, r.dataType),
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
  title.textContent = s.title;
  subtitle.textContent = s.subtitle;
  status.textContent = s.evaluating ? 'Evaluating…' : s.durationMs !== undefined ? `Evaluated in ${s.durationMs} ms` : '';
  // The host sends the records only when they are not what the user typed here.
  if (s.records !== drawn.records) {
    if (document.activeElement !== textarea) textarea.value = s.records;
    hostRecords ??= s.records;
  }
  recordsError.textContent = s.recordsError ?? '';
  if (s.rows !== drawn.rows || s.errors !== drawn.errors || s.missing !== drawn.missing) {
    const { byPath, general } = errorsByRow(s);
    generalErrors.replaceChildren(...general.map((m) => el('p', { className: 'error-text general-error' }, m)));
    mappingSection.replaceChildren(el('h2', {}, 'Mapping'), mappingTable(s.rows, byPath, new Set(s.missing ?? [])));
  }
  if (s.outputText !== drawn.outputText) {
    outputHeading.textContent = `Output${s.outputCount !== undefined ? ` (${s.outputCount} record${s.outputCount === 1 ? '' : 's'})` : ''}`;
    output.textContent = s.outputText ?? '';
  }
  drawn = { rows: s.rows, errors: s.errors, missing: s.missing, records: s.records, outputText: s.outputText };
  app.dataset.renders = String(++renders);
}

connect<MappingState, MappingAction>(render);
