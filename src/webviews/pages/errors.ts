// The errors of a flow step: select, resolve, retry, fix retry data, see the HTTP request and
// response behind an error. Text only, never HTML.
import type { ErrorRecord } from '../../api/types';
import type { ErrorsAction, ErrorsState, ShownExchange } from '../protocol/errors';
import { connect, el, formatTime, heading, Host, icon } from './runtime';

const app = document.getElementById('app')!;
const selected = new Set<string>();
/** Long messages the user expanded. */
const expanded = new Set<string>();
const COLUMNS = 7;
/** Messages longer than this (or with several lines) are clamped, with a button to show all. */
const LONG_MESSAGE = 240;
/** Redraws from the current state (a selection or an expanded message is the page's own). */
let redraw = () => {};

/** Header lines as an HTTP message shows them. */
function headerText(headers: Record<string, string> | undefined): string {
  return Object.entries(headers ?? {})
    .map(([name, value]) => `${name}: ${value}`)
    .join('\n');
}

/** One side of the exchange: its first line, headers and body. */
function exchangeSide(title: string, firstLine: string, part: { headers?: Record<string, string>; body?: string } | undefined) {
  return el('section', { className: 'exchange-side', ariaLabel: title }, [
    el('h2', {}, title),
    el('div', { className: 'first-line' }, firstLine),
    el('pre', { className: 'headers' }, headerText(part?.headers)),
    el('pre', { className: 'body' }, part?.body || '(no body)'),
  ]);
}

/** The row under an error that shows its HTTP request and response. */
function exchangeRow(x: ShownExchange) {
  const content = x.loading
    ? el('p', { className: 'muted' }, [icon('loading', 'spin'), ' Loading the HTTP request…'])
    : x.failure
      ? el('p', { className: 'muted' }, x.failure)
      : el('div', { className: 'exchange' }, [
          exchangeSide('Request', `${x.request?.method ?? ''} ${x.request?.url ?? ''}`, x.request),
          exchangeSide('Response', `Status ${x.response?.statusCode ?? ''}`, x.response),
        ]);
  return el('tr', { className: 'exchange-row' }, el('td', { colSpan: COLUMNS }, content));
}

/** The message, clamped to a few lines when long, with More / Less. */
function messageCell(e: ErrorRecord) {
  const long = e.message.length > LONG_MESSAGE || e.message.split('\n').length > 3;
  const open = expanded.has(e.errorId);
  return el('td', { className: 'message' }, [
    el('div', { className: long && !open ? 'clamped' : '' }, e.message),
    long
      ? el(
          'button',
          {
            className: 'link more',
            ariaExpanded: String(open),
            ariaLabel: `Whole message of error ${e.errorId}`,
            onclick: () => {
              if (open) expanded.delete(e.errorId);
              else expanded.add(e.errorId);
              redraw();
            },
          },
          open ? 'Less' : 'More',
        )
      : '',
  ]);
}

function errorRow(e: ErrorRecord, open: string | undefined, host: Host<ErrorsAction>) {
  return el('tr', { dataset: { errorId: e.errorId } }, [
    el(
      'td',
      {},
      el('input', {
        type: 'checkbox',
        checked: selected.has(e.errorId),
        ariaLabel: `Select error ${e.errorId}`,
        onchange: (ev: Event) => {
          if (ev.target instanceof HTMLInputElement && ev.target.checked) selected.add(e.errorId);
          else selected.delete(e.errorId);
          redraw();
        },
      }),
    ),
    el('td', { className: 'time' }, formatTime(e.occurredAt)),
    el('td', { className: 'wide-only' }, e.source),
    // In a narrow view the source and classification go under the code.
    el('td', { className: 'code' }, [
      e.code,
      el('div', { className: 'narrow-only muted' }, [e.source, e.classification].filter(Boolean).join(' · ')),
    ]),
    messageCell(e),
    el('td', { className: 'wide-only' }, e.classification ?? ''),
    el('td', { className: 'actions' }, [
      e.retryDataKey &&
        el(
          'button',
          { className: 'link', onclick: () => host.send({ type: 'editRetryData', retryDataKey: e.retryDataKey! }) },
          'Retry data',
        ),
      e.reqAndResKey &&
        el(
          'button',
          {
            className: 'link',
            ariaExpanded: String(open === e.errorId),
            title: 'The HTTP request this step sent, and the response it got',
            onclick: () => host.send(open === e.errorId ? { type: 'hideHttp' } : { type: 'showHttp', errorId: e.errorId }),
          },
          'HTTP',
        ),
    ]),
  ]);
}

/** The header's checkbox: selects every loaded error, or none; shows "some" as indeterminate. */
function selectAll(s: ErrorsState) {
  const all = s.errors.length > 0 && s.errors.every((e) => selected.has(e.errorId));
  const box = el('input', {
    type: 'checkbox',
    checked: all,
    disabled: s.errors.length === 0,
    ariaLabel: 'Select all loaded errors',
    title: 'Select all loaded errors',
    onchange: () => {
      if (all) selected.clear();
      else for (const e of s.errors) selected.add(e.errorId);
      redraw();
    },
  });
  box.indeterminate = !all && s.errors.some((e) => selected.has(e.errorId));
  return box;
}

function render(s: ErrorsState, host: Host<ErrorsAction>): void {
  redraw = () => {
    // A full redraw replaces the elements: the one with the keyboard focus gets it back.
    const label = document.activeElement?.getAttribute('aria-label');
    host.local({});
    if (label) document.querySelector<HTMLElement>(`[aria-label="${CSS.escape(label)}"]`)?.focus();
  };
  for (const id of [...selected]) if (!s.errors.some((e) => e.errorId === id)) selected.delete(id);
  const chosen = () => s.errors.filter((e) => selected.has(e.errorId));
  const picked = chosen();
  const retriable = picked.filter((e) => e.retryDataKey).length;
  const selection = picked.length ? `${picked.length} selected · ` : '';
  const open = s.exchange?.errorId;
  const rows = s.errors.flatMap((e) => [errorRow(e, open, host), ...(open === e.errorId && s.exchange ? [exchangeRow(s.exchange)] : [])]);
  const count = `${s.errors.length} open error${s.errors.length === 1 ? '' : 's'}${s.hasMore ? ' loaded, more to load' : ''}`;
  app.replaceChildren(
    ...heading(s.title, s.subtitle),
    el('div', { className: 'toolbar' }, [
      el(
        'button',
        {
          disabled: !!s.busy || picked.length === 0,
          title: picked.length ? '' : 'Select errors first',
          onclick: () => host.send({ type: 'resolve', errorIds: chosen().map((e) => e.errorId) }),
        },
        [icon('check'), 'Resolve selected'],
      ),
      el(
        'button',
        {
          className: 'secondary',
          disabled: !!s.busy || retriable === 0,
          title: retriable ? '' : picked.length ? 'None of the selected errors has retry data' : 'Select errors first',
          onclick: () => host.send({ type: 'retry', retryDataKeys: chosen().flatMap((e) => (e.retryDataKey ? [e.retryDataKey] : [])) }),
        },
        [icon('refresh'), 'Retry selected'],
      ),
      el('span', { className: 'muted' }, s.busy || s.message || `${selection}${count}`),
    ]),
    s.errors.length
      ? el('table', {}, [
          el(
            'thead',
            {},
            el('tr', {}, [
              el('th', {}, selectAll(s)),
              el('th', {}, 'Time'),
              el('th', { className: 'wide-only' }, 'Source'),
              el('th', {}, 'Code'),
              el('th', {}, 'Message'),
              el('th', { className: 'wide-only' }, 'Classification'),
              el('th', {}, ''),
            ]),
          ),
          el('tbody', {}, rows),
        ])
      : el('p', { className: 'muted' }, s.busy ? '' : 'No open errors.'),
    s.hasMore ? el('button', { className: 'secondary', onclick: () => host.send({ type: 'more' }) }, 'Load more') : '',
  );
}

connect<ErrorsState, ErrorsAction>(render);
