// The audit history: entries newest first, each field change as a diff. Older entries load
// when the end of the list scrolls into view.
(function () {
  const { el, icon, post, onMessage } = window.integratorIo;
  const app = document.getElementById('app');
  let hasMore = false;
  let loading = false;

  function change(entry, c) {
    const open = el(
      'button',
      {
        className: 'link',
        title: 'Open in the diff editor',
        onclick: () => post({ type: 'openDiff', entryId: entry.id, fieldPath: c.fieldPath }),
      },
      [icon('diff'), 'Open diff'],
    );
    if (c.mode === 'inline') {
      return el('div', { className: 'change', dataset: { field: c.fieldPath } }, [
        el('span', { className: 'field' }, c.fieldPath),
        ': ',
        c.oldText !== undefined
          ? el('span', { className: 'inline-old', ariaLabel: 'old value' }, c.oldText)
          : el('span', { className: 'muted' }, '(not set)'),
        ' → ',
        c.newText !== undefined
          ? el('span', { className: 'inline-new', ariaLabel: 'new value' }, c.newText)
          : el('span', { className: 'muted' }, '(removed)'),
        open,
      ]);
    }
    const sign = { added: '+ ', removed: '- ', same: '  ' };
    return el('div', { className: 'change', dataset: { field: c.fieldPath } }, [
      el('span', { className: 'field' }, c.fieldPath),
      open,
      el(
        'pre',
        { className: 'diff' },
        c.lines.map((l) => el('div', { className: l.kind }, sign[l.kind] + l.text)),
      ),
    ]);
  }

  function render(s) {
    hasMore = s.hasMore;
    loading = s.loading;
    const entries = s.entries.map((e) =>
      el('section', { className: 'entry', dataset: { id: e.id } }, [
        el('div', { className: 'entry-header' }, [
          el('span', { className: 'event' }, e.event),
          el('span', {}, `by ${e.who}`),
          el('span', { className: 'muted' }, e.time ? new Date(e.time).toLocaleString() : ''),
          el('span', { className: 'badge' }, e.source),
        ]),
        ...(e.changes.length
          ? e.changes.map((c) => change(e, c))
          : [el('div', { className: 'change muted' }, e.event === 'create' ? 'Created.' : 'No field changes recorded.')]),
      ]),
    );
    app.replaceChildren(
      el('h1', {}, s.title),
      el('div', { className: 'subtitle' }, s.subtitle),
      s.error ? el('p', { className: 'error-text' }, s.error) : '',
      ...entries,
      !s.entries.length && !s.loading ? el('p', { className: 'muted' }, 'No audit entries.') : '',
      el('p', { className: 'muted' }, s.loading ? 'Loading…' : s.hasMore ? '' : 'End of history.'),
      el('div', { id: 'sentinel' }),
    );
    observer.observe(document.getElementById('sentinel'));
  }

  const observer = new IntersectionObserver((items) => {
    if (items.some((i) => i.isIntersecting) && hasMore && !loading) {
      loading = true;
      post({ type: 'more' });
    }
  });

  onMessage((message) => {
    if (message.type === 'state') render(message);
  });
})();
