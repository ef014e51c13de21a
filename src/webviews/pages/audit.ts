// The audit history: entries newest first, each field change as a diff. Older entries load
// when the end of the list scrolls into view. Text only, never HTML.
import type { AuditAction, AuditRow, AuditState, FieldDiff } from '../protocol/audit';
import { connect, el, formatTime, heading, Host, icon } from './runtime';

const app = document.getElementById('app')!;
const SIGN = { added: '+ ', removed: '- ', same: '  ' };
let current: { state: AuditState; host: Host<AuditAction> } | undefined;
let asked = false;

function change(entry: AuditRow, c: FieldDiff, host: Host<AuditAction>) {
  const open = el(
    'button',
    {
      className: 'link',
      title: 'Open in the diff editor',
      onclick: () => host.send({ type: 'openDiff', entryId: entry.id, fieldPath: c.fieldPath }),
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
  return el('div', { className: 'change', dataset: { field: c.fieldPath } }, [
    el('span', { className: 'field' }, c.fieldPath),
    open,
    el(
      'pre',
      { className: 'diff' },
      c.lines.map((l) => el('div', { className: l.kind }, SIGN[l.kind] + l.text)),
    ),
  ]);
}

function render(s: AuditState, host: Host<AuditAction>): void {
  current = { state: s, host };
  if (!s.loading) asked = false;
  const entries = s.entries.map((e) =>
    el('section', { className: 'entry', dataset: { id: e.id } }, [
      el('div', { className: 'entry-header' }, [
        el('span', { className: 'event' }, e.event),
        el('span', {}, `by ${e.who}`),
        el('span', { className: 'muted' }, formatTime(e.time)),
        el('span', { className: 'badge' }, e.source),
      ]),
      ...(e.changes.length
        ? e.changes.map((c) => change(e, c, host))
        : [el('div', { className: 'change muted' }, e.event === 'create' ? 'Created.' : 'No field changes recorded.')]),
    ]),
  );
  const sentinel = el('div', { id: 'sentinel' });
  app.replaceChildren(
    ...heading(s.title, s.subtitle),
    s.error ? el('p', { className: 'error-text' }, s.error) : '',
    ...entries,
    !s.entries.length && !s.loading ? el('p', { className: 'muted' }, 'No audit entries.') : '',
    el('p', { className: 'muted' }, s.loading ? 'Loading…' : s.hasMore ? '' : 'End of history.'),
    sentinel,
  );
  observer.disconnect();
  observer.observe(sentinel);
}

// Scrolling to the end asks for older entries, once per page.
const observer = new IntersectionObserver((items) => {
  if (!current || !items.some((i) => i.isIntersecting)) return;
  const { state, host } = current;
  if (state.hasMore && !state.loading && !asked) {
    asked = true;
    host.send({ type: 'more' });
  }
});

connect<AuditState, AuditAction>(render);
