// Writes the totals where .ci/run can read them; CI needs a plain "N passed, N failed" line.
const fs = require('node:fs');

class CountReporter {
  onRunComplete(_contexts, results) {
    const file = process.env.MLCI_TEST_COUNTS;
    const line = `${results.numPassedTests} passed, ${results.numFailedTests + results.numRuntimeErrorTestSuites} failed`;
    if (file) fs.writeFileSync(file, line + '\n');
  }
}

module.exports = CountReporter;
