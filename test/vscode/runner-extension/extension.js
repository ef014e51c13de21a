// Runs the suite named by INTEGRATOR_TEST_ENTRY inside this extension host (with the full
// `vscode` API) and writes its results to INTEGRATOR_TEST_RESULTS, which the harness waits for.
// The harness sets both on the code-server process; the extension host inherits them.
const fs = require('fs');

function activate() {
  const entry = process.env.INTEGRATOR_TEST_ENTRY;
  const resultsFile = process.env.INTEGRATOR_TEST_RESULTS;
  // Once per results file: a reloaded window (the benchmark reloads on purpose) does not run it again.
  if (!entry || !resultsFile || fs.existsSync(resultsFile)) return;
  const write = (results) => {
    // Written then renamed, so the harness never reads half a file.
    fs.writeFileSync(`${resultsFile}.tmp`, JSON.stringify(results, null, 2));
    fs.renameSync(`${resultsFile}.tmp`, resultsFile);
  };
  Promise.resolve()
    .then(() => require(entry).run())
    .then(write, (err) => write({ crashed: String((err && err.stack) || err), tests: [] }));
}

module.exports = { activate, deactivate() {} };
