// Prints jest's totals as the one plain line CI reads, "N passed, N failed, N skipped", summed over the result
// files of every run (one per Node.js major), after a line per run.
import { existsSync, readFileSync } from 'node:fs';

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('usage: jest-summary RESULTS.json...');
  process.exit(2);
}
const total = { passed: 0, failed: 0, skipped: 0 };
for (const file of files) {
  const run = existsSync(file) ? countsOf(JSON.parse(readFileSync(file, 'utf8'))) : undefined;
  if (!run) console.error(`${file}: no jest results, the test run did not complete (counted as 1 failure)`);
  const counts = run ?? { passed: 0, failed: 1, skipped: 0 };
  // Not in the closing line's shape, so that only the total is read as the result.
  console.log(`${file}: passed ${counts.passed}, failed ${counts.failed}, skipped ${counts.skipped}`);
  for (const key of Object.keys(total)) total[key] += counts[key];
}
console.log(format(total));

function countsOf(results) {
  // Suites that fail to load (syntax errors, a throw at top level) have no test results: count each as a failure.
  const brokenSuites = results.numRuntimeErrorTestSuites ?? 0;
  return {
    passed: results.numPassedTests,
    failed: results.numFailedTests + brokenSuites,
    skipped: results.numPendingTests + results.numTodoTests,
  };
}

function format({ passed, failed, skipped }) {
  return `${passed} passed, ${failed} failed, ${skipped} skipped`;
}
