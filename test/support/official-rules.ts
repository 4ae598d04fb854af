/**
 * Runs the Python oracle (test/support/official-rules/mlperf_checks.py: the official tools'
 * documented algorithms, re-implemented) on a run's files. Tests skip with a message when
 * python3 is not there.
 */
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'

const SCRIPT = join(import.meta.dirname, 'official-rules', 'mlperf_checks.py')

/** Why the oracle cannot run here, or null when python3 is available. */
export function pythonMissing(): string | null {
  const r = spawnSync('python3', ['--version'], { encoding: 'utf8' })
  return r.status === 0 ? null : 'python3 not found: the official-rule checks are skipped'
}

function run(args: string[]): string {
  const r = spawnSync('python3', [SCRIPT, ...args], { encoding: 'utf8' })
  if (r.status !== 0) throw new Error(`mlperf_checks.py ${args[0]} failed: ${r.stderr}`)
  return r.stdout.trim()
}

/** accuracy-imagenet.py's line for an accuracy log and val_map.txt. */
export function officialImagenetAccuracy(accuracyJson: string, valMap: string): string {
  return run([
    'accuracy-imagenet',
    '--mlperf-accuracy-file',
    accuracyJson,
    '--imagenet-val-file',
    valMap
  ])
}

export type CheckerVerdict = { passed: boolean; failures: string[]; messages: number }

/** The submission checker's performance checks on a detail log (resnet, v6.1). */
export function officialPerformanceChecks(detailLog: string): CheckerVerdict {
  return JSON.parse(run(['performance', '--detail', detailLog])) as CheckerVerdict
}
