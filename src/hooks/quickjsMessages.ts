/**
 * QuickJS words some common errors differently from V8, the engine integrator.io runs scripts
 * in. A user compares a local run with what the server shows in a job's errors, so the messages
 * a script most often meets read as V8 writes them. Anything not listed stays as QuickJS wrote it.
 */
const AS_V8: [RegExp, (...groups: string[]) => string][] = [
  [/^cannot read property '(.*)' of (undefined|null)$/, (key, what) => `Cannot read properties of ${what} (reading '${key}')`],
  [/^cannot set property '(.*)' of (undefined|null)$/, (key, what) => `Cannot set properties of ${what} (setting '${key}')`],
  [/^'(.*)' is not defined$/, (name) => `${name} is not defined`],
  [/^'(.*)' is read-only$/, (name) => `Cannot assign to read only property '${name}'`],
];

export function v8Message(message: string): string {
  for (const [pattern, render] of AS_V8) {
    const m = pattern.exec(message);
    if (m) return render(...m.slice(1));
  }
  return message;
}
