// The mapping preview: sample records in, the mapping, the output. Values are set with
// textContent or as a textarea's value, never as HTML.
(function () {
  const { el, icon, post, onMessage, state } = window.integratorIo;
  const app = document.getElementById('app');
  let records;
  // Counts renders in data-renders, so a benchmark can tell one finished evaluation from the next.
  let renders = 0;

  function render(s) {
    const textarea = records || el('textarea', { spellcheck: false, ariaLabel: 'Sample input records (JSON array)' });
    if (!records) {
      records = textarea;
      textarea.addEventListener('input', () => {
        post({ type: 'records', records: textarea.value });
        state.set({ records: textarea.value });
      });
    }
    // The records are left out of a state when this page already has them.
    if (s.records !== undefined && document.activeElement !== textarea) {
      textarea.value = s.records;
      state.set({ records: s.records });
    }
    const byField = new Map();
    const general = [];
    for (const e of s.errors) {
      const row = e.field && s.rows.find((r) => e.field === r.path || e.field.startsWith(`${r.path}.`));
      if (row) byField.set(row.path, [...(byField.get(row.path) || []), e.message]);
      else general.push(e.field ? `${e.field}: ${e.message}` : e.message);
    }
    const mapping = el('table', { className: 'mapping' }, [
      el('thead', {}, el('tr', {}, [el('th', {}, 'Generate'), el('th', {}, 'From'), el('th', {}, 'Type')])),
      el(
        'tbody',
        {},
        s.rows.flatMap((r) => {
          const errors = byField.get(r.path);
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
    const status = s.evaluating ? 'Evaluating…' : s.durationMs !== undefined ? `Evaluated in ${s.durationMs} ms` : '';
    const output = el('pre', { className: 'output', ariaLabel: 'Output records' }, s.output ? JSON.stringify(s.output, null, 2) : '');
    app.replaceChildren(
      el('h1', {}, s.title),
      el('div', { className: 'subtitle' }, s.subtitle),
      el('div', { className: 'toolbar' }, [
        el('button', { onclick: () => post({ type: 'run', records: records.value }) }, [icon('play'), 'Run']),
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
          s.rows.length ? mapping : el('p', { className: 'muted' }, 'This import has no mapping: records pass through as they are.'),
        ]),
        el('section', {}, [el('h2', {}, `Output${s.output ? ` (${s.output.length} records)` : ''}`), output]),
      ]),
    );
    app.dataset.renders = String(++renders);
  }

  onMessage((message) => {
    if (message.type === 'state') render(message);
  });
})();
