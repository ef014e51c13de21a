// The errors of a flow step: select, resolve, retry, fix retry data, see the HTTP request and
// response behind an error. Text only, never HTML.
import type { ErrorRecord } from '../../api/types';
import type { ErrorsAction, ErrorsState, ShownExchange } from '../protocol/errors';
import { connect, el, formatTime, Host, icon } from './runtime';

const app = document.getElementById('app')!;
const selected = new Set<string>();
const COLUMNS = 7;

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

function errorRow(e: ErrorRecord, open: string | undefined, host: Host<ErrorsAction>) {
  return el('tr', { dataset: { errorId: e.errorId } }, [
    el(
      'td',
      {},
      el('input', {
        type: 'checkbox',
        checked: selected.has(e.errorId),
        ariaLabel: `Select error ${e.errorId}`,
        onchange: (ev: Event) => ((ev.target as HTMLInputElement).checked ? selected.add(e.errorId) : selected.delete(e.errorId)),
      }),
    ),
    el('td', { className: 'time' }, formatTime(e.occurredAt)),
    el('td', {}, e.source),
    el('td', {}, e.code),
    el('td', { className: 'message' }, e.message),
    el('td', {}, e.classification ?? ''),
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

function render(s: ErrorsState, host: Host<ErrorsAction>): void {
  for (const id of [...selected]) if (!s.errors.some((e) => e.errorId === id)) selected.delete(id);
  const chosen = () => s.errors.filter((e) => selected.has(e.errorId));
  const open = s.exchange?.errorId;
  const rows = s.errors.flatMap((e) => [errorRow(e, open, host), ...(open === e.errorId && s.exchange ? [exchangeRow(s.exchange)] : [])]);
  const count = `${s.errors.length} open error${s.errors.length === 1 ? '' : 's'}${s.hasMore ? ' loaded, more to load' : ''}`;
  app.replaceChildren(
    el('h1', {}, s.title),
    el('div', { className: 'subtitle' }, s.subtitle),
    el('div', { className: 'toolbar' }, [
      el('button', { disabled: !!s.busy, onclick: () => host.send({ type: 'resolve', errorIds: chosen().map((e) => e.errorId) }) }, [
        icon('check'),
        'Resolve selected',
      ]),
      el(
        'button',
        {
          className: 'secondary',
          disabled: !!s.busy,
          onclick: () => host.send({ type: 'retry', retryDataKeys: chosen().flatMap((e) => (e.retryDataKey ? [e.retryDataKey] : [])) }),
        },
        [icon('refresh'), 'Retry selected'],
      ),
      el('span', { className: 'muted' }, s.busy || s.message || count),
    ]),
    s.errors.length
      ? el('table', {}, [
          el(
            'thead',
            {},
            el(
              'tr',
              {},
              ['', 'Time', 'Source', 'Code', 'Message', 'Classification', ''].map((h) => el('th', {}, h)),
            ),
          ),
          el('tbody', {}, rows),
        ])
      : el('p', { className: 'muted' }, s.busy ? '' : 'No open errors.'),
    s.hasMore ? el('button', { className: 'secondary', onclick: () => host.send({ type: 'more' }) }, 'Load more') : '',
  );
}

connect<ErrorsState, ErrorsAction>(render);
