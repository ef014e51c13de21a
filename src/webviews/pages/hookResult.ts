// The result of a hook run: the contract check first, then input and output side by side, the
// console output, the integrator-api calls and the time. Text only, never HTML.
import type { HookResultAction, HookResultState } from '../protocol/hookResult';
import { connect, el, heading, Host, icon, Parts } from './runtime';

const app = document.getElementById('app')!;
// Drawn in parts: "Running…" changes the toolbar and the verdict, not the records (which stay
// open where the user opened them when a run gives the same ones).
const parts = new Parts(app);
// Counts renders in data-renders, and times them (data-draw-ms, data-drawn-at on the shared
// clock), so a benchmark can tell one finished run from the next and when it was drawn.
let renders = 0;

function verdict(s: HookResultState) {
  if (s.running) return el('p', { className: 'muted' }, [icon('loading', 'spin'), ' Running…']);
  if (s.returned === false) return el('div', { className: 'verdict failed' }, [icon('error'), ` ${s.error ?? 'The hook did not return.'}`]);
  if (s.problems.length)
    return el('div', { className: 'verdict failed' }, [
      el('p', {}, [icon('error'), ` The result breaks the contract (${s.problems.length} problem${s.problems.length === 1 ? '' : 's'}):`]),
      el(
        'ul',
        { className: 'problems' },
        s.problems.map((p) => el('li', {}, p)),
      ),
    ]);
  return el('div', { className: 'verdict ok' }, [icon('pass'), ' The result fits the contract.']);
}

const STATUS_TEXT: Record<string, string> = { changed: 'changed', same: 'unchanged', ignored: 'ignored ({})', error: 'failed (errors)' };

/** One line per record, before and after: its status and the fields it changed, opening into both sides. */
function records(pairs: NonNullable<HookResultState['pairs']>) {
  const changed = pairs.filter((p) => p.status === 'changed').length;
  return el('section', { className: 'records' }, [
    el('h2', {}, `Records (${pairs.length}, ${changed} changed)`),
    ...pairs.map((p) =>
      el('details', { className: `pair ${p.status}` }, [
        el('summary', {}, [
          el('span', { className: 'index' }, `#${p.index + 1}`),
          el('span', { className: 'pair-status' }, STATUS_TEXT[p.status] ?? p.status),
          ...p.changed.map((field) => el('span', { className: 'changed-field', title: 'changed by the hook' }, field)),
        ]),
        el('div', { className: 'sides' }, [
          el('section', {}, [el('h3', {}, 'Before'), el('pre', { className: 'json' }, p.beforeText)]),
          el('section', {}, [el('h3', {}, 'After'), el('pre', { className: 'json' }, p.afterText)]),
        ]),
      ]),
    ),
  ]);
}

function render(s: HookResultState, host: Host<HookResultAction>): void {
  const started = performance.now();
  parts.draw([
    { name: 'title', deps: [s.title, s.subtitle], build: () => heading(s.title, s.subtitle) },
    {
      name: 'toolbar',
      deps: [s.running, s.ms, s.debugged],
      build: () =>
        el('div', { className: 'toolbar' }, [
          el('button', { disabled: s.running, onclick: () => host.send({ type: 'rerun' }) }, [icon('play'), 'Run again']),
          el('span', { className: 'muted status' }, !s.running && s.ms !== undefined ? durationText(s.ms, s.debugged) : ''),
        ]),
    },
    {
      name: 'verdict',
      deps: [s.running, s.returned, s.error, s.problems, s.notes],
      build: () => [verdict(s), ...s.notes.map((n) => el('p', { className: 'muted' }, n))],
    },
    { name: 'records', deps: [s.pairs], build: () => (s.pairs ? records(s.pairs) : '') },
    {
      name: 'sides',
      deps: [s.inputText, s.outputText, s.returned, s.filled],
      build: () => [
        el('div', { className: 'sides' }, [
          el('section', {}, [el('h2', {}, 'Input (options)'), el('pre', { className: 'json' }, s.inputText)]),
          el('section', {}, [
            el('h2', {}, 'Returned'),
            el('pre', { className: 'json' }, s.outputText ?? (s.returned === false ? '(nothing: it did not return)' : '')),
          ]),
        ]),
        s.filled.length ? el('p', { className: 'muted' }, `Filled in with empty values (not in the sample): ${s.filled.join(', ')}.`) : '',
      ],
    },
    {
      name: 'console',
      deps: [s.logs],
      build: () => [
        el('h2', {}, `Console (${s.logs.length})`),
        s.logs.length
          ? el(
              'pre',
              { className: 'logs' },
              s.logs.map((l) => `${String(l.atMs).padStart(5)} ms  ${l.level.padEnd(5)}  ${l.text}`).join('\n'),
            )
          : el('p', { className: 'muted' }, 'Nothing logged.'),
      ],
    },
    {
      name: 'calls',
      deps: [s.calls],
      build: () => [
        el('h2', {}, `integrator-api calls (${s.calls.length})`),
        s.calls.length
          ? el(
              'ul',
              {},
              s.calls.map((c) =>
                el('li', c.error ? { className: 'error-text' } : {}, `${c.path} · ${c.ms} ms${c.error ? ` · ${c.error}` : ''}`),
              ),
            )
          : el('p', { className: 'muted' }, 'None.'),
      ],
    },
  ]);
  app.dataset.drawMs = String(Math.round(performance.now() - started));
  app.dataset.drawnAt = String(performance.timeOrigin + performance.now());
  app.dataset.renders = String(++renders);
}

connect<HookResultState, HookResultAction>(render);

/** How long the run took; a debug session's time includes its pauses at breakpoints, and says so. */
function durationText(ms: number, debugged: boolean | undefined): string {
  if (!debugged) return `Ran in ${ms} ms`;
  return `Debug session: ${ms < 10_000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`}, time paused at breakpoints included`;
}
