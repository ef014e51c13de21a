// The errors of a flow step: select, resolve, retry, fix retry data, see the HTTP request and
// response behind an error. Text only, never HTML.
(function () {
  const { el, icon, post, onMessage } = window.integratorIo;
  const app = document.getElementById('app');
  const selected = new Set();
  const COLUMNS = 7;

  /** Header lines as an HTTP message shows them. */
  function headerText(headers) {
    return Object.entries(headers || {})
      .map(([name, value]) => `${name}: ${value}`)
      .join('\n');
  }

  /** One side of the exchange: its first line, headers and body. */
  function exchangeSide(title, firstLine, part) {
    return el('section', { className: 'exchange-side', ariaLabel: title }, [
      el('h2', {}, title),
      el('div', { className: 'first-line' }, firstLine),
      el('pre', { className: 'headers' }, headerText(part && part.headers)),
      el('pre', { className: 'body' }, (part && part.body) || '(no body)'),
    ]);
  }

  /** The row under an error that shows its HTTP request and response. */
  function exchangeRow(x) {
    const content = x.loading
      ? el('p', { className: 'muted' }, [icon('loading', 'spin'), ' Loading the HTTP request…'])
      : x.failure
        ? el('p', { className: 'muted' }, x.failure)
        : el('div', { className: 'exchange' }, [
            exchangeSide('Request', `${(x.request && x.request.method) || ''} ${(x.request && x.request.url) || ''}`, x.request),
            exchangeSide('Response', `Status ${(x.response && x.response.statusCode) || ''}`, x.response),
          ]);
    return el('tr', { className: 'exchange-row' }, el('td', { colSpan: COLUMNS }, content));
  }

  function render(s) {
    for (const id of [...selected]) if (!s.errors.some((e) => e.errorId === id)) selected.delete(id);
    const chosen = () => s.errors.filter((e) => selected.has(e.errorId));
    const open = s.exchange && s.exchange.errorId;
    const rows = s.errors.flatMap((e) => [
      el('tr', { dataset: { errorId: e.errorId } }, [
        el(
          'td',
          {},
          el('input', {
            type: 'checkbox',
            checked: selected.has(e.errorId),
            ariaLabel: `Select error ${e.errorId}`,
            onchange: (ev) => (ev.target.checked ? selected.add(e.errorId) : selected.delete(e.errorId)),
          }),
        ),
        el('td', { className: 'time' }, new Date(e.occurredAt).toLocaleString()),
        el('td', {}, e.source),
        el('td', {}, e.code),
        el('td', { className: 'message' }, e.message),
        el('td', {}, e.classification || ''),
        el('td', { className: 'actions' }, [
          e.retryDataKey
            ? el(
                'button',
                { className: 'link', onclick: () => post({ type: 'editRetryData', retryDataKey: e.retryDataKey }) },
                'Retry data',
              )
            : '',
          e.reqAndResKey
            ? el(
                'button',
                {
                  className: 'link',
                  ariaExpanded: String(open === e.errorId),
                  title: 'The HTTP request this step sent, and the response it got',
                  onclick: () => post(open === e.errorId ? { type: 'hideHttp' } : { type: 'showHttp', errorId: e.errorId }),
                },
                'HTTP',
              )
            : '',
        ]),
      ]),
      ...(open === e.errorId ? [exchangeRow(s.exchange)] : []),
    ]);
    app.replaceChildren(
      el('h1', {}, s.title),
      el('div', { className: 'subtitle' }, s.subtitle),
      el('div', { className: 'toolbar' }, [
        el('button', { disabled: !!s.busy, onclick: () => post({ type: 'resolve', errorIds: chosen().map((e) => e.errorId) }) }, [
          icon('check'),
          'Resolve selected',
        ]),
        el(
          'button',
          {
            className: 'secondary',
            disabled: !!s.busy,
            onclick: () =>
              post({
                type: 'retry',
                retryDataKeys: chosen()
                  .map((e) => e.retryDataKey)
                  .filter(Boolean),
              }),
          },
          [icon('refresh'), 'Retry selected'],
        ),
        el(
          'span',
          { className: 'muted' },
          s.busy ||
            s.message ||
            `${s.errors.length} open error${s.errors.length === 1 ? '' : 's'}${s.hasMore ? ' loaded, more to load' : ''}`,
        ),
      ]),
      s.errors.length
        ? el('table', {}, [
            el(
              'thead',
              {},
              el('tr', {}, [
                el('th', {}, ''),
                el('th', {}, 'Time'),
                el('th', {}, 'Source'),
                el('th', {}, 'Code'),
                el('th', {}, 'Message'),
                el('th', {}, 'Classification'),
                el('th', {}, ''),
              ]),
            ),
            el('tbody', {}, rows),
          ])
        : el('p', { className: 'muted' }, s.busy ? '' : 'No open errors.'),
      s.hasMore ? el('button', { className: 'secondary', onclick: () => post({ type: 'more' }) }, 'Load more') : '',
    );
  }

  onMessage((message) => {
    if (message.type === 'state') render(message);
  });
})();
