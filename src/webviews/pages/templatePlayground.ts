// The Handlebars playground: the template and the sample records (both edited here), the output
// on one record, and what the editor finds in the template. Drawn once and changed in place, so
// typing in a textarea keeps its cursor; every value is set as text, never as HTML.
import type { TemplatePlaygroundAction, TemplatePlaygroundState } from '../protocol/templatePlayground';
import { connect, el, Host, icon } from './runtime';

const app = document.getElementById('app')!;
const title = el('h1');
const subtitle = el('div', { className: 'subtitle' });
const status = el('span', { className: 'muted status' });
const applyButton = el('button', { title: 'Write this template into the document (unsaved: you save it)' }, [icon('check'), 'Apply']);
const template = el('textarea', { className: 'template', spellcheck: false, ariaLabel: 'Template' });
const findings = el('ul', { className: 'findings' });
const records = el('textarea', { className: 'records', spellcheck: false, ariaLabel: 'Sample records (JSON)' });
const recordsError = el('p', { className: 'error-text' });
const previous = el('button', { className: 'secondary', ariaLabel: 'Previous record' }, [icon('chevron-left')]);
const next = el('button', { className: 'secondary', ariaLabel: 'Next record' }, [icon('chevron-right')]);
const which = el('span', { className: 'muted' });
const escapeNote = el('p', { className: 'muted' });
const output = el('pre', { className: 'output', ariaLabel: 'Output' });
const problem = el('p', { className: 'error-text problem' });
app.replaceChildren(
  title,
  subtitle,
  el('div', { className: 'toolbar' }, [applyButton, status]),
  el('div', { className: 'grid' }, [
    el('section', { className: 'template-section' }, [el('h2', {}, 'Template'), template, findings]),
    el('section', { className: 'output-section' }, [
      el('h2', {}, 'Output'),
      el('div', { className: 'toolbar' }, [previous, which, next]),
      escapeNote,
      problem,
      output,
    ]),
    el('section', { className: 'records-section' }, [el('h2', {}, 'Sample records'), records, recordsError]),
  ]),
);

let connected: Host<TemplatePlaygroundAction> | undefined;
let current: TemplatePlaygroundState | undefined;
let timer: ReturnType<typeof setTimeout> | undefined;
let renders = 0;
const TELL_HOST_AFTER_TYPING_MS = 250;

function tellHost(change: { template?: string; records?: string; recordIndex?: number }): void {
  connected?.local({ set: { evaluating: true } });
  connected?.send({ type: 'edit', ...change });
}

template.addEventListener('input', () => {
  clearTimeout(timer);
  timer = setTimeout(() => tellHost({ template: template.value }), TELL_HOST_AFTER_TYPING_MS);
});
records.addEventListener('input', () => {
  clearTimeout(timer);
  timer = setTimeout(() => tellHost({ records: records.value }), TELL_HOST_AFTER_TYPING_MS);
});
previous.addEventListener('click', () => current && tellHost({ recordIndex: Math.max(0, current.recordIndex - 1) }));
next.addEventListener('click', () => current && tellHost({ recordIndex: Math.min(current.recordCount - 1, current.recordIndex + 1) }));
applyButton.addEventListener('click', () => connected?.send({ type: 'apply' }));

const ESCAPES: Record<string, string> = {
  url: '{{ }} is URL-encoded here (a relative URI); {{{ }}} is not.',
  sql: "{{ }} is quoted here ('value', a SQL query); {{{ }}} is not.",
  html: '{{ }} is HTML-escaped here; {{{ }}} is not.',
};

function render(s: TemplatePlaygroundState, host: Host<TemplatePlaygroundAction>): void {
  connected = host;
  current = s;
  title.textContent = s.title;
  subtitle.textContent = s.subtitle;
  // The host sends text only when it is not what the user is typing here.
  if (document.activeElement !== template && template.value !== s.template) template.value = s.template;
  if (document.activeElement !== records && records.value !== s.records) records.value = s.records;
  status.textContent = s.evaluating ? 'Evaluating…' : s.applied ? 'Applied to the document (unsaved)' : s.changed ? 'Changed here' : '';
  applyButton.disabled = !s.changed;
  recordsError.textContent = s.recordsError ?? '';
  which.textContent = s.recordCount ? `Record ${s.recordIndex + 1} of ${s.recordCount}` : 'No records';
  previous.disabled = s.recordIndex <= 0;
  next.disabled = s.recordIndex >= s.recordCount - 1;
  escapeNote.textContent = ESCAPES[s.escape] ?? '';
  problem.textContent = s.problem ?? '';
  output.textContent = s.output ?? '';
  output.classList.toggle('empty', s.output === '');
  findings.replaceChildren(
    ...s.findings.map((f) =>
      el('li', { className: f.severity }, [
        icon(f.severity === 'error' ? 'error' : 'warning'),
        ` Line ${f.line}, column ${f.column + 1}: ${f.message}`,
      ]),
    ),
  );
  app.dataset.renders = String(++renders);
}

connect<TemplatePlaygroundState, TemplatePlaygroundAction>(render);
