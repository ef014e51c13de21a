// The job view: renders runs sent by the extension. Everything from the API goes through
// textContent (integratorIo.el), never innerHTML.
(function () {
  const { el, icon, statusBadge, duration, post, onMessage } = window.integratorIo;
  const app = document.getElementById('app');
  const RUNNING = new Set(['queued', 'running', 'retrying']);

  const badge = statusBadge;

  function row(job, isChild) {
    return el('tr', { className: isChild ? 'child' : 'parent', dataset: { jobId: job.id, status: job.status } }, [
      el('td', {}, job.name),
      el('td', {}, badge(job.status)),
      el('td', { className: 'number' }, duration(job.startedAt, job.endedAt)),
      el('td', { className: 'number' }, String(job.numExport)),
      el('td', { className: 'number' }, String(job.numSuccess)),
      el('td', { className: `number${job.numError ? ' error-text' : ''}` }, String(job.numError)),
      el('td', { className: 'number' }, String(job.numIgnore)),
    ]);
  }

  function render(message) {
    app.replaceChildren(el('h1', {}, message.title), el('div', { className: 'subtitle' }, message.subtitle));
    if (!message.jobs.length) {
      app.append(el('p', { className: 'muted' }, 'No jobs yet.'));
      return;
    }
    for (const job of message.jobs) {
      const table = el('table', {}, [
        el(
          'thead',
          {},
          el('tr', {}, [
            el('th', {}, 'Step'),
            el('th', {}, 'Status'),
            el('th', { className: 'number' }, 'Duration'),
            el('th', { className: 'number' }, 'Exported'),
            el('th', { className: 'number' }, 'Success'),
            el('th', { className: 'number' }, 'Errors'),
            el('th', { className: 'number' }, 'Ignored'),
          ]),
        ),
        el('tbody', {}, [row(job, false), ...job.children.map((c) => row(c, true))]),
      ]);
      const started = job.startedAt ? new Date(job.startedAt).toLocaleString() : 'not started yet';
      const section = el('section', { className: 'job' }, [
        el('div', { className: 'job-header' }, [el('h2', {}, `Run of ${started}`), badge(job.status)]),
        table,
      ]);
      if (job.numOpenError)
        section.append(el('p', { className: 'error-text' }, `${job.numOpenError} open error${job.numOpenError === 1 ? '' : 's'}.`));
      if (RUNNING.has(job.status)) {
        section.append(
          el(
            'div',
            { className: 'actions' },
            el('button', { className: 'secondary', onclick: () => post({ type: 'cancel', jobId: job.id }) }, [
              icon('debug-stop'),
              'Cancel run',
            ]),
          ),
        );
      }
      app.append(section);
    }
  }

  onMessage((message) => {
    if (message.type === 'jobs') render(message);
  });
})();
