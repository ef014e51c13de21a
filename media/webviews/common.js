// Helpers shared by the integrator.io webviews. Every value is set with textContent: names and
// values come from the API (user input) and must show as text, never run.
(function () {
  const vscode = acquireVsCodeApi();

  /** Builds an element: el('td', { className: 'number' }, 'text' | element | [children]). */
  function el(tag, props, children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(props || {})) {
      if (key === 'dataset') Object.assign(node.dataset, value);
      else if (key.startsWith('on')) node.addEventListener(key.slice(2).toLowerCase(), value);
      else node[key] = value;
    }
    for (const child of [].concat(children === undefined ? [] : children)) {
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  function duration(startIso, endIso) {
    if (!startIso) return '';
    const ms = (endIso ? Date.parse(endIso) : Date.now()) - Date.parse(startIso);
    if (!(ms >= 0)) return '';
    if (ms < 1000) return `${ms} ms`;
    const s = Math.round(ms / 100) / 10;
    return s < 60 ? `${s} s` : `${Math.floor(s / 60)} min ${Math.round(s % 60)} s`;
  }

  /** A codicon: icon('check'), icon('loading', 'spin'). */
  function icon(name, modifier) {
    return el('span', { className: `codicon codicon-${name}${modifier ? ` codicon-modifier-${modifier}` : ''}`, ariaHidden: 'true' });
  }

  const STATUS_ICONS = {
    completed: 'pass',
    failed: 'error',
    canceled: 'circle-slash',
    canceling: 'circle-slash',
    queued: 'clock',
    running: 'loading',
    retrying: 'loading',
  };

  /** A status badge with its icon. */
  function statusBadge(status) {
    const name = STATUS_ICONS[status] || 'circle';
    return el('span', { className: `badge status-${status}` }, [icon(name, name === 'loading' ? 'spin' : undefined), ` ${status}`]);
  }

  window.integratorIo = {
    el,
    icon,
    statusBadge,
    duration,
    post: (message) => vscode.postMessage(message),
    /** Calls back with each message from the extension, then says "ready". */
    onMessage(handler) {
      window.addEventListener('message', (event) => handler(event.data));
      vscode.postMessage({ type: 'ready' });
    },
    state: { get: () => vscode.getState(), set: (s) => vscode.setState(s) },
  };
})();
