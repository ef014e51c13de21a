// The job view: runs and their steps, as the extension sends them. Text only, never HTML.
// A run being followed shows its step table; recent runs are a compact list, each run one line
// that opens into its step table. Error counts open the errors view of their step.
import type { JobRow, JobsAction, JobsState } from '../protocol/jobs';
import { connect, duration, el, formatTime, heading, Host, icon, statusBadge } from './runtime';

const app = document.getElementById('app')!;
const RUNNING = new Set(['queued', 'running', 'retrying']);
const HEADINGS = ['Step', 'Status', 'Duration', 'Exported', 'Success', 'Errors', 'Ignored'];

/** Runs the user opened in the recent-runs list (the newest starts open); kept across redraws. */
const opened = new Set<string>();

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function row(job: JobRow, isChild: boolean, host: Host<JobsAction>) {
  const errors =
    isChild && job.numError && job.stepId
      ? el(
          'button',
          {
            className: 'link error-text',
            title: `Show the errors of ${job.name}`,
            onclick: () => host.send({ type: 'showErrors', jobId: job.id }),
          },
          String(job.numError),
        )
      : String(job.numError);
  return el('tr', { className: isChild ? 'child' : 'parent', dataset: { jobId: job.id, status: job.status } }, [
    el('td', {}, job.name),
    el('td', {}, statusBadge(job.status, job.numError)),
    el('td', { className: 'number' }, duration(job.startedAt, job.endedAt)),
    el('td', { className: 'number' }, String(job.numExport)),
    el('td', { className: 'number' }, String(job.numSuccess)),
    el('td', { className: `number${job.numError ? ' error-text' : ''}` }, errors),
    el('td', { className: 'number' }, String(job.numIgnore)),
  ]);
}

/** The step table, the open-errors line (a button to the errors) and Cancel while it runs. */
function details(job: JobRow, host: Host<JobsAction>): (HTMLElement | string)[] {
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
    el('tbody', {}, [row(job, false, host), ...job.children.map((c) => row(c, true, host))]),
  ]);
  const openErrors = plural(job.numOpenError, 'open error');
  const canShow = job.children.some((c) => c.numError && c.stepId);
  return [
    table,
    job.numOpenError
      ? el(
          'p',
          { className: 'error-text open-errors' },
          canShow
            ? el('button', { className: 'link error-text', onclick: () => host.send({ type: 'showErrors', jobId: job.id }) }, [
                icon('warning'),
                // The errors view lists every open error of the step, older runs' too: this count is this run's.
                ` ${openErrors} from this run: Show Errors`,
              ])
            : `${openErrors} from this run.`,
        )
      : '',
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
  ];
}

function section(job: JobRow, host: Host<JobsAction>) {
  const started = formatTime(job.startedAt, 'not started yet');
  return el('section', { className: 'job' }, [
    el('div', { className: 'job-header' }, [el('h2', {}, `Run of ${started}`), statusBadge(job.status, job.numError)]),
    ...details(job, host),
  ]);
}

/** One line per run (when, status, how long, counts) that opens into its steps. */
function compactRun(job: JobRow, host: Host<JobsAction>) {
  const summary = el('summary', { className: 'job-summary' }, [
    el('span', { className: 'when' }, formatTime(job.startedAt, 'not started yet')),
    statusBadge(job.status, job.numError),
    el('span', { className: 'muted' }, duration(job.startedAt, job.endedAt)),
    el('span', { className: 'counts' }, [
      `${job.numExport} exported · ${job.numSuccess} succeeded · `,
      el('span', job.numError ? { className: 'error-text' } : {}, plural(job.numError, 'error')),
      ` · ${job.numIgnore} ignored`,
    ]),
  ]);
  const node = el('details', { className: 'job compact', open: opened.has(job.id), dataset: { jobId: job.id } }, [
    summary,
    el('div', { className: 'run-steps' }, details(job, host)),
  ]);
  node.addEventListener('toggle', () => (node.open ? opened.add(job.id) : opened.delete(job.id)));
  return node;
}

function render(s: JobsState, host: Host<JobsAction>): void {
  const compact = !s.following && s.jobs.length > 1;
  if (compact && opened.size === 0 && s.jobs[0]) opened.add(s.jobs[0].id);
  const runs = s.jobs.map((job) => (compact ? compactRun(job, host) : section(job, host)));
  app.replaceChildren(...heading(s.title, s.subtitle), ...(runs.length ? runs : [el('p', { className: 'muted' }, 'No jobs yet.')]));
}

connect<JobsState, JobsAction>(render);
