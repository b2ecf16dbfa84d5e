// Prints jest's totals as the one plain line CI reads: "N passed, N failed, N skipped".
const { readFileSync, existsSync } = require('node:fs');

const file = process.argv[2];
if (!file || !existsSync(file)) {
  console.log('0 passed, 1 failed, 0 skipped');
  console.error(`no jest results at ${file}: the test run did not complete`);
  process.exit(1);
}
const results = JSON.parse(readFileSync(file, 'utf8'));
// Suites that fail to load (syntax errors, a throw at top level) have no test results: count each as a failure.
const brokenSuites = results.numRuntimeErrorTestSuites ?? 0;
const failed = results.numFailedTests + brokenSuites;
const skipped = results.numPendingTests + results.numTodoTests;
console.log(`${results.numPassedTests} passed, ${failed} failed, ${skipped} skipped`);
