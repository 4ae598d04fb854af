/**
 * The two verdicts of a finished local performance run, named the same on the run page, in
 * the results table's detail panel and on the command line:
 * - "LoadGen verdict for these settings": VALID or INVALID, what LoadGen itself decides for the
 *   settings the run used (a 10 s run can be VALID);
 * - "Submittable under MLPerf rules": whether the submission checker's performance checks pass
 *   on the written logs ("no — minimum duration 600 s", or "yes").
 * Environment neutral: the renderer and the CLI share it.
 */
import type { ValidityCheck } from './inference'

export const LOADGEN_VERDICT_LABEL = 'LoadGen verdict for these settings'
export const SUBMITTABLE_LABEL = 'Submittable under MLPerf rules'

/** Short requirement of a failed checker check, where the check does not carry its own. */
const REQUIREMENTS: Record<string, string> = {
  loadgen_verdict: 'a VALID LoadGen verdict',
  min_duration: 'minimum duration 600 s',
  min_queries: 'minimum query count',
  latency_bound: 'the latency bound',
  early_stopping: 'early stopping',
  errors: 'no LoadGen errors'
}

export type Verdict = {
  label: string
  /** null: not known. */
  ok: boolean | null
  /** "VALID", "INVALID", "yes", "no — minimum duration 600 s". */
  text: string
}

export type LocalRunVerdicts = { loadgen: Verdict; submittable: Verdict }

/** What each failed check requires, in check order. */
export function failedRequirements(checks: ValidityCheck[]): string[] {
  return checks
    .filter((c) => c.passed === false)
    .map((c) => c.requirement ?? REQUIREMENTS[c.id] ?? c.label.toLowerCase())
}

/**
 * Both verdicts of a performance run that ended by itself; null for runs still going, stopped
 * (cancelled, failed) or in accuracy mode, which LoadGen does not judge.
 */
export function localRunVerdicts(run: {
  status: string
  mode: string
  valid: boolean | null
  /** The submission checker's checks on the written logs (empty when not indexed). */
  checks: ValidityCheck[]
}): LocalRunVerdicts | null {
  if (run.status !== 'done' || run.mode !== 'PerformanceOnly' || run.valid === null) return null
  const loadgen: Verdict = {
    label: LOADGEN_VERDICT_LABEL,
    ok: run.valid,
    text: run.valid ? 'VALID' : 'INVALID'
  }
  if (run.checks.length === 0) {
    return {
      loadgen,
      submittable: {
        label: SUBMITTABLE_LABEL,
        ok: null,
        text: 'not known — the logs were not read back'
      }
    }
  }
  const failed = failedRequirements(run.checks)
  return {
    loadgen,
    submittable: {
      label: SUBMITTABLE_LABEL,
      ok: failed.length === 0,
      text: failed.length === 0 ? 'yes' : `no — ${failed.join('; ')}`
    }
  }
}

/** The one-line form: "LoadGen verdict for these settings: VALID". */
export function verdictLine(v: Verdict): string {
  return `${v.label}: ${v.text}`
}
