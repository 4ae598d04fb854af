/**
 * The submission checker's performance checks that the importer's validity checks do not
 * cover, for a local run's detail log: the performance sample count, the round's RNG seeds and
 * the Offline query size (tools/submission/submission_checker/checks/performance_check.py
 * `performance_sample_count_check`, `seeds_check`, `min_query_count_check`; constants from
 * loadgen/mlperf.conf and the checker's constants.py for the round). With the importer's checks
 * (LoadGen verdict, 600 s minimum duration, early stopping, latency bound, LoadGen errors) they
 * decide "Submittable under MLPerf rules".
 */
import type { ValidityCheck } from '../../shared/inference'
import type { MllogValue } from '../ingest/inference/mllog-detail'
import { mllogIntegerText, mllogNumber } from '../ingest/inference/mllog-detail'
import { ROUND_SEEDS } from '../../mlperf'
import { mlperfConfSetting } from '../loadgen/mlperf-conf-defaults'

const int = (n: number): string => Math.round(n).toLocaleString('en-US')

function performanceSampleCountCheck(
  values: Map<string, MllogValue>,
  benchmark: string
): ValidityCheck | null {
  const required = mlperfConfSetting(benchmark, '*', 'performance_sample_count_override')
  const found = mllogNumber(values.get('effective_performance_sample_count'))
  if (required === null || found === null) return null
  const ok = found >= required
  return {
    id: 'performance_sample_count',
    label: 'Performance sample count',
    passed: ok,
    requirement: `performance sample count ≥ ${int(required)}`,
    explanation: ok
      ? `performance_sample_count ${int(found)}; ${benchmark} needs at least ${int(required)}.`
      : `performance_sample_count ${int(found)}; the checker rejects fewer than ${int(required)} for ${benchmark} ("found ${found}, needs to be >= ${required}").`
  }
}

function seedsCheck(values: Map<string, MllogValue>, round: string): ValidityCheck | null {
  const want = ROUND_SEEDS[round]
  if (!want) return null
  const found = {
    qsl: mllogIntegerText(values.get('effective_qsl_rng_seed')),
    sampleIndex: mllogIntegerText(values.get('effective_sample_index_rng_seed')),
    schedule: mllogIntegerText(values.get('effective_schedule_rng_seed'))
  }
  const wrong = (Object.keys(want) as (keyof typeof want)[]).filter((k) => found[k] !== want[k])
  return {
    id: 'seeds',
    label: 'RNG seeds',
    passed: wrong.length === 0,
    requirement: `the ${round} RNG seeds`,
    explanation:
      wrong.length === 0
        ? `The qsl, sample index and schedule seeds are the ${round} ones.`
        : `The ${wrong.map((k) => ({ qsl: 'qsl', sampleIndex: 'sample index', schedule: 'schedule' })[k]).join(', ')} seed${wrong.length === 1 ? ' is' : 's are'} not the ${round} one${wrong.length === 1 ? '' : 's'}.`
  }
}

function offlineQuerySizeCheck(
  values: Map<string, MllogValue>,
  benchmark: string
): ValidityCheck | null {
  if (values.get('effective_scenario') !== 'Offline') return null
  const required = mlperfConfSetting(benchmark, 'Offline', 'min_query_count')
  const found = mllogNumber(values.get('effective_samples_per_query'))
  if (required === null || found === null) return null
  const ok = found >= required
  return {
    id: 'offline_samples',
    label: 'Offline query size',
    passed: ok,
    requirement: `at least ${int(required)} samples in the Offline query`,
    explanation: `The Offline query held ${int(found)} samples; ${benchmark} needs at least ${int(required)}.`
  }
}

/** The extra checks for one local run's detail log, in the checker's order. */
export function submissionChecks(
  values: Map<string, MllogValue>,
  benchmark: string,
  round: string
): ValidityCheck[] {
  return [
    performanceSampleCountCheck(values, benchmark),
    seedsCheck(values, round),
    offlineQuerySizeCheck(values, benchmark)
  ].filter((c): c is ValidityCheck => c !== null)
}
