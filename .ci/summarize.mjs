// Reads the vitest, Playwright and stress-test (vitest) JSON reports and prints the plain
// "N passed, N failed" line.
import { existsSync, readFileSync } from 'node:fs'

const [vitestFile, pwFile, statusArg, stressFile] = process.argv.slice(2)
let passed = 0
let failed = 0
let skipped = 0

/** Adds one vitest JSON report (the unit/integration run, or `npm run test:stress`). */
function addVitest(file) {
  if (!existsSync(file)) {
    failed += 1
    return
  }
  const v = JSON.parse(readFileSync(file, 'utf8'))
  passed += v.numPassedTests ?? 0
  failed += v.numFailedTests ?? 0
  // A test file that fails to load has no failed test of its own: count the file.
  if ((v.numFailedTests ?? 0) === 0) failed += v.numFailedTestSuites ?? 0
  skipped += (v.numPendingTests ?? 0) + (v.numTodoTests ?? 0)
}

addVitest(vitestFile)
if (stressFile) addVitest(stressFile)

if (existsSync(pwFile)) {
  const s = JSON.parse(readFileSync(pwFile, 'utf8')).stats ?? {}
  // "flaky" tests failed once and passed on the retry CI allows.
  passed += (s.expected ?? 0) + (s.flaky ?? 0)
  failed += s.unexpected ?? 0
  skipped += s.skipped ?? 0
} else {
  failed += 1
}

// A failing step outside the test runners (format, lint, typecheck, build) counts as one failure.
if (statusArg !== '0' && failed === 0) failed = 1
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`)
process.exit(failed > 0 ? 1 : 0)
