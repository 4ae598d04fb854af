/**
 * The requested_* and effective_* blocks of mlperf_log_detail.txt: the test settings as the
 * user asked for them and as LoadGen resolved them, key by key in LoadGen 6.x's order
 * (test_settings_internal.cc `LogAllSettings`, `LogEffectiveSettings`). The
 * submission checker and the app's own importer read these keys back, so order, names and
 * C++ types (int, double, bool) must match LoadGen's exactly.
 */
import type { EffectiveSettings, TestSettings } from './config'
import type { DetailLog } from './detail-writer'

/** Only the requested settings of the run's scenario, as LoadGen logs them. */
export function logRequestedScenarioSettings(d: DetailLog, at: bigint, req: TestSettings): void {
  switch (req.scenario) {
    case 'SingleStream':
      // A double since LoadGen 6.0 ("2.1e+10").
      d.dbl('requested_single_stream_expected_latency_ns', req.singleStreamExpectedLatencyNs, at)
      d.dbl(
        'requested_single_stream_target_latency_percentile',
        req.singleStreamTargetLatencyPercentile,
        at
      )
      break
    case 'MultiStream':
      d.dbl('requested_multi_stream_expected_latency_ns', req.multiStreamExpectedLatencyNs, at)
      d.dbl(
        'requested_multi_stream_target_latency_percentile',
        req.multiStreamTargetLatencyPercentile,
        at
      )
      d.int('requested_multi_stream_samples_per_query', req.multiStreamSamplesPerQuery, at)
      break
    case 'Server':
      d.dbl('requested_server_target_qps', req.serverTargetQps, at)
      d.int('requested_server_target_latency_ns', req.serverTargetLatencyNs, at)
      d.dbl('requested_server_target_latency_percentile', req.serverTargetLatencyPercentile, at)
      d.bool('requested_server_coalesce_queries', req.serverCoalesceQueries, at)
      d.int('requested_server_find_peak_qps_decimals_of_precision', 1, at)
      d.dbl('requested_server_find_peak_qps_boundary_step_size', 1, at)
      d.int('requested_server_max_async_queries', req.serverMaxAsyncQueries, at)
      d.int('requested_server_num_issue_query_threads', 0, at)
      break
    case 'Offline':
      d.dbl('requested_offline_expected_qps', req.offlineExpectedQps, at)
      break
  }
}

/** The requested_* block: scenario and mode, the scenario's own settings, then the common ones. */
export function logRequestedSettings(d: DetailLog, at: bigint, req: TestSettings): void {
  d.str('requested_scenario', req.scenario, at)
  d.str('requested_test_mode', req.mode, at)
  logRequestedScenarioSettings(d, at, req)
  d.int('requested_min_duration_ms', req.minDurationMs, at)
  d.int('requested_max_duration_ms', req.maxDurationMs, at)
  d.int('requested_min_query_count', req.minQueryCount, at)
  d.int('requested_max_query_count', req.maxQueryCount, at)
  d.int('requested_qsl_rng_seed', req.qslRngSeed, at)
  d.int('requested_sample_index_rng_seed', req.sampleIndexRngSeed, at)
  d.int('requested_schedule_rng_seed', req.scheduleRngSeed, at)
  d.int('requested_accuracy_log_rng_seed', req.accuracyLogRngSeed, at)
  d.dbl('requested_accuracy_log_probability', req.accuracyLogProbability, at)
  d.int('requested_accuracy_log_sampling_target', req.accuracyLogSamplingTarget, at)
  d.bool('requested_print_timestamps', req.printTimestamps, at)
  d.bool('requested_performance_issue_unique', req.performanceIssueUnique, at)
  d.bool('requested_performance_issue_same', req.performanceIssueSame, at)
  d.int('requested_performance_issue_same_index', req.performanceIssueSameIndex, at)
  d.int('requested_performance_sample_count_override', req.performanceSampleCountOverride, at)
  d.int('requested_accuracy_sample_count_override', req.accuracySampleCountOverride, at)
  d.bool('requested_sample_concatenate_permutation', req.sampleConcatenatePermutation, at)
}

/** The effective_* block: the settings the run used, whatever the scenario. */
export function logEffectiveSettings(d: DetailLog, at: bigint, eff: EffectiveSettings): void {
  d.str('effective_scenario', eff.scenario, at)
  d.str('effective_test_mode', eff.mode, at)
  d.int('effective_samples_per_query', eff.samplesPerQuery, at)
  d.dbl('effective_target_qps', eff.targetQps, at)
  d.int('effective_target_latency_ns', eff.targetLatencyNs, at)
  d.dbl('effective_target_latency_percentile', eff.targetLatencyPercentile, at)
  d.int('effective_max_async_queries', eff.maxAsyncQueries, at)
  d.int('effective_target_duration_ms', eff.targetDurationMs, at)
  d.int('effective_min_duration_ms', eff.minDurationMs, at)
  d.int('effective_max_duration_ms', eff.maxDurationMs, at)
  d.int('effective_min_query_count', eff.minQueryCount, at)
  d.int('effective_max_query_count', eff.maxQueryCount, at)
  d.int('effective_min_sample_count', eff.minSampleCount, at)
  d.int('effective_qsl_rng_seed', eff.qslRngSeed, at)
  d.int('effective_sample_index_rng_seed', eff.sampleIndexRngSeed, at)
  d.int('effective_schedule_rng_seed', eff.scheduleRngSeed, at)
  d.int('effective_accuracy_log_rng_seed', eff.accuracyLogRngSeed, at)
  d.dbl('effective_accuracy_log_probability', eff.accuracyLogProbability, at)
  d.int('effective_accuracy_log_sampling_target', eff.accuracyLogSamplingTarget, at)
  d.bool('effective_print_timestamps', eff.printTimestamps, at)
  d.bool('effective_performance_issue_unique', eff.performanceIssueUnique, at)
  d.bool('effective_performance_issue_same', eff.performanceIssueSame, at)
  d.int('effective_performance_issue_same_index', eff.performanceIssueSameIndex, at)
  d.int('effective_performance_sample_count', eff.performanceSampleCount, at)
  d.int('effective_accuracy_sample_count', eff.accuracySampleCount, at)
  d.bool('effective_sample_concatenate_permutation', eff.sampleConcatenatePermutation, at)
}
