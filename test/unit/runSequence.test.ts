/**
 * Run on edit and Run again may overlap: an older run's result must never replace a newer one's
 * (src/hooks/runSequence.ts, used by the hook result view). Two real hook runs race here, the
 * first held inside its integrator-api call until the second has finished; and every order in
 * which overlapping runs can finish is checked by property.
 */
import * as assert from 'assert';
import fc from 'fast-check';
import { runHook } from '../../src/hooks/runner';
import { RunSequence } from '../../src/hooks/runSequence';

const SCRIPT = [
  "import { exports } from 'integrator-api';",
  'function preSavePage(options) {',
  '  const answer = exports.run({ _id: options.data[0].id });',
  '  return { data: [answer], errors: [] };',
  '}',
].join('\n');

/** What a view does with a run's result: shows it only while the run is the newest. */
function viewOf(runs: RunSequence) {
  const shown: number[] = [];
  const arrived: number[] = [];
  return {
    shown,
    arrived,
    finish(run: number) {
      arrived.push(run);
      if (runs.isNewest(run)) shown.push(run);
    },
  };
}

describe('hook runs in order', () => {
  it('keeps the newer result when an older run of the same hook finishes after it', async () => {
    const runs = new RunSequence();
    const view = viewOf(runs);
    let releaseFirst: () => void = () => undefined;
    const firstHeld = new Promise<void>((resolve) => (releaseFirst = resolve));
    let firstCalled: () => void = () => undefined;
    const firstInCall = new Promise<void>((resolve) => (firstCalled = resolve));
    const start = (version: string, api: (path: string, args: unknown[]) => Promise<unknown>) => {
      const run = runs.start();
      return runHook({
        source: SCRIPT,
        filename: 'ordering.js',
        functionName: 'preSavePage',
        type: 'preSavePage',
        input: { data: [{ id: version }], errors: [] },
        timeoutMs: 20_000,
        api,
      }).then((result) => {
        view.finish(run);
        return { run, result };
      });
    };
    // The first run (an edit) waits in a slow integrator-api call; the second (the next edit) does not.
    const first = start('older', async () => {
      firstCalled();
      await firstHeld;
      return { version: 'older' };
    });
    await firstInCall;
    const second = await start('newer', () => Promise.resolve({ version: 'newer' }));
    assert.deepStrictEqual(second.result.result, { data: [{ version: 'newer' }], errors: [] });
    releaseFirst();
    const older = await first;
    // The race happened: the older run finished, with its own result, after the newer one.
    assert.deepStrictEqual(older.result.result, { data: [{ version: 'older' }], errors: [] });
    assert.deepStrictEqual(view.arrived, [second.run, older.run]);
    // And it was not shown over the newer one.
    assert.deepStrictEqual(view.shown, [second.run]);
  });

  it('never shows an older run after a newer one, whatever order overlapping runs finish in (property-based)', () => {
    fc.assert(
      fc.property(
        // A script of steps: start a run, or finish one of the runs still going (by its place).
        fc.array(fc.oneof(fc.constant<'start'>('start'), fc.nat({ max: 9 })), { maxLength: 40 }),
        (steps) => {
          const runs = new RunSequence();
          const view = viewOf(runs);
          const going: number[] = [];
          for (const step of steps) {
            if (step === 'start') going.push(runs.start());
            else if (going.length) view.finish(going.splice(step % going.length, 1)[0]!);
          }
          const started = going.length + view.arrived.length;
          while (going.length) view.finish(going.shift()!);
          for (let i = 1; i < view.shown.length; i++) assert.ok(view.shown[i]! > view.shown[i - 1]!, `shown ${view.shown.join(', ')}`);
          // Once every run is done, the view shows the newest one's result.
          if (started) assert.strictEqual(view.shown[view.shown.length - 1], started);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
