/**
 * The LoadGen log files of one local run, written in the order LoadGen 6.x writes them
 * (loadgen.cc `StartTest`, `RunPerformanceMode`/`RunAccuracyMode`, `IssueQueries`; results.cc
 * `LogDetail`; logging.cc): the settings blocks, "Starting … mode", then per loadable set
 * `loaded_qsl_set`, the generated queries, how issuing ended, the logger counters and
 * power_begin/power_end, then (performance mode) the results and `num_errors`. The caller says
 * when each step happens, so the same writer serves real runs and simulated ones in tests.
 */
import { threadId } from 'node:worker_threads'
import type { EffectiveSettings, TestSettings } from '../loadgen/config'
import type { DetailRunInfo } from '../loadgen/detail-writer'
import {
  DetailLog,
  logGeneratedQueries,
  logLoggerCounters,
  logResults,
  logRunStart,
  powerTimestamp
} from '../loadgen/detail-writer'
import type { PerformanceSummary } from '../loadgen/performance-summary'
import type { QueryPlan } from '../loadgen/query-plan'
import type { LoopOutcome } from '../loadgen/run-loop'
import { summaryFooter, writeSummary } from '../loadgen/summary-writer'

export class RunLogWriter {
  readonly detail: DetailLog

  constructor(
    origin: bigint,
    info: DetailRunInfo,
    notes: string[],
    requested: TestSettings,
    private readonly eff: EffectiveSettings
  ) {
    this.detail = new DetailLog(origin, process.pid, threadId)
    logRunStart(this.detail, origin, info, notes, requested, eff)
  }

  /** Once, when timing is about to start. */
  startMode(at: bigint): void {
    const accuracy = this.eff.mode === 'AccuracyOnly'
    this.detail.str(
      'generic_message',
      accuracy ? 'Starting accuracy mode' : 'Starting performance mode',
      at
    )
  }

  /** A loadable set was loaded and its queries generated. */
  setStart(at: bigint, set: Uint32Array, plan: QueryPlan): void {
    this.detail.log('loaded_qsl_set', { kind: 'intList', v: set }, at)
    logGeneratedQueries(this.detail, at, plan)
  }

  /**
   * A set's queries were issued: how issuing ended (unless stopped), the logger counters, then
   * power_begin and power_end = begin + the time to the set's last completion.
   */
  setEnd(at: bigint, outcome: LoopOutcome, lastCompletionNs: number): void {
    const d = this.detail
    if (outcome.status === 'done' && outcome.end !== null) {
      if (outcome.end.error) d.error('error_runtime', outcome.end.message, at)
      else d.str('generic_message', outcome.end.message, at)
    }
    logLoggerCounters(d, at)
    d.str('power_begin', powerTimestamp(outcome.startWallMs), at)
    d.str('power_end', powerTimestamp(outcome.startWallMs + lastCompletionNs / 1e6), at)
  }

  /** A run that did not end by itself: a failure is an error, a cancel a warning. */
  stopped(at: bigint, status: 'failed' | 'cancelled', reason: string | null): void {
    if (status === 'failed') this.detail.error('error_runtime', reason ?? 'The run failed.', at)
    else this.detail.warning('The run was cancelled by the user.', at)
  }

  /**
   * The results (performance mode) and both files' text. LoadGen logs num_errors with the
   * results (results.cc `LogDetail`), so an accuracy run has none.
   */
  finish(
    at: bigint,
    ps: PerformanceSummary | null,
    sutName: string
  ): { summary: string; detail: string } {
    const d = this.detail
    if (ps) {
      logResults(d, at, ps)
      d.int('num_errors', d.errors, at)
    }
    return {
      summary: ps
        ? writeSummary(ps, { sutName, warnings: d.warnings, errors: d.errors })
        : summaryFooter(d.warnings, d.errors),
      detail: d.text()
    }
  }
}
