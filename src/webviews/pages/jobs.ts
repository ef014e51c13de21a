// The job view: runs and their steps, as the extension sends them. Text only, never HTML.
import type { JobRow, JobsAction, JobsState } from '../protocol/jobs';
import { connect, duration, el, formatTime, Host, icon, statusBadge } from './runtime';

const app = document.getElementById('app')!;
const RUNNING = new Set(['queued', 'running', 'retrying']);
const HEADINGS = ['Step', 'Status', 'Duration', 'Exported', 'Success', 'Errors', 'Ignored'];

function row(job: JobRow, isChild: boolean) {
  return el('tr', { className: isChild ? 'child' : 'parent', dataset: { jobId: job.id, status: job.status } }, [
    el('td', {}, job.name),
    el('td', {}, statusBadge(job.status)),
    el('td', { className: 'number' }, duration(job.startedAt, job.endedAt)),
    el('td', { className: 'number' }, String(job.numExport)),
    el('td', { className: 'number' }, String(job.numSuccess)),
    el('td', { className: `number${job.numError ? ' error-text' : ''}` }, String(job.numError)),
    el('td', { className: 'number' }, String(job.numIgnore)),
  ]);
}

function section(job: JobRow, host: Host<JobsAction>) {
  const table = el('table', {}, [
    el(
      'thead',
      {},
      el(
        'tr',
        {},
        HEADINGS.map((h, i) => el('th', i >= 2 ? { className: 'number' } : {}, h)),
      ),
    ),
    el('tbody', {}, [row(job, false), ...job.children.map((c) => row(c, true))]),
  ]);
  const started = formatTime(job.startedAt, 'not started yet');
  return el('section', { className: 'job' }, [
    el('div', { className: 'job-header' }, [el('h2', {}, `Run of ${started}`), statusBadge(job.status)]),
    table,
    job.numOpenError ? el('p', { className: 'error-text' }, `${job.numOpenError} open error${job.numOpenError === 1 ? '' : 's'}.`) : '',
    RUNNING.has(job.status)
      ? el(
          'div',
          { className: 'actions' },
          el('button', { className: 'secondary', onclick: () => host.send({ type: 'cancel', jobId: job.id }) }, [
            icon('debug-stop'),
            'Cancel run',
          ]),
        )
      : '',
  ]);
}

function render(s: JobsState, host: Host<JobsAction>): void {
  app.replaceChildren(
    el('h1', {}, s.title),
    el('div', { className: 'subtitle' }, s.subtitle),
    ...(s.jobs.length ? s.jobs.map((job) => section(job, host)) : [el('p', { className: 'muted' }, 'No jobs yet.')]),
  );
}

connect<JobsState, JobsAction>(render);
