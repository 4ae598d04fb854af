/**
 * A local run in simulated time: the app's settings resolution, query generation, run loop,
 * statistics and log writer, with a simulated clock and a SUT of fixed service time instead of
 * onnxruntime, so a run of the official 600 s lasts a second or two. Writes the same three
 * files runLocal writes and returns a RunResult the app's record reader accepts.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { accuracyLogText } from '../../src-main/core/loadgen/accuracy-log'
import { loadgenBuild } from '../../src-main/core/loadgen/build-info'
import { effectiveSettings } from '../../src-main/core/loadgen/config'
import { testDatetime } from '../../src-main/core/loadgen/detail-writer'
import { summarizePerformance } from '../../src-main/core/loadgen/performance-summary'
import { generateQueries } from '../../src-main/core/loadgen/query-plan'
import { runScenario } from '../../src-main/core/loadgen/run-loop'
import { loadableSets } from '../../src-main/core/loadgen/sample-order'
import { FORMAT_NOTE, SEED_NOTE } from '../../src-main/core/runner/local-run'
import { RunLogWriter } from '../../src-main/core/runner/run-logs'
import { resolveRunSettings, testSettingsFor } from '../../src-main/core/runner/run-settings'
import type { RunResult, RunSettingsInput } from '../../src-main/shared/local-run'
import { serialSut, SimulatedClock } from './simulated-clock'

export type SimulatedRunInput = Omit<RunSettingsInput, 'modelPath' | 'outputDir'> & {
  /** Service time of one sample. */
  serviceNs: bigint
  /** QSL size (the app's synthetic default is 32). */
  samples?: number
}

export async function simulatedRun(dir: string, input: SimulatedRunInput): Promise<RunResult> {
  const { serviceNs, samples = 32, ...rest } = input
  const settings = resolveRunSettings({
    modelPath: join(dir, 'model.onnx'),
    outputDir: dir,
    ...rest
  })
  const requested = testSettingsFor(settings)
  const eff = effectiveSettings(requested, samples, samples)
  const set = loadableSets(samples, eff.performanceSampleCount, eff.qslRngSeed)[0]!
  const plan = generateQueries(eff, set)
  const clock = new SimulatedClock()
  const logs = new RunLogWriter(
    clock.now(),
    {
      build: loadgenBuild('test'),
      testDatetime: testDatetime(Date.now()),
      sutName: settings.sutName,
      qslName: 'simulated',
      qslTotalCount: samples,
      qslPerformanceCount: samples
    },
    [FORMAT_NOTE, SEED_NOTE],
    requested,
    eff
  )
  logs.startMode(clock.now())
  logs.setStart(clock.now(), set, plan)
  const outcome = await runScenario({
    settings: eff,
    loadedSet: set,
    plan,
    sut: serialSut(clock, serviceNs),
    clock
  })
  let last = 0
  const r = outcome.record
  for (let s = 0; s < r.sampleCount; s++) last = Math.max(last, r.sCompleted[s]!)
  logs.setEnd(clock.now(), outcome, last)
  const ps = summarizePerformance(eff, r)
  const texts = logs.finish(clock.now(), ps, settings.sutName)
  mkdirSync(dir, { recursive: true })
  const files = [
    { role: 'summary', path: join(dir, 'mlperf_log_summary.txt'), text: texts.summary },
    { role: 'detail', path: join(dir, 'mlperf_log_detail.txt'), text: texts.detail },
    { role: 'accuracy_log', path: join(dir, 'mlperf_log_accuracy.json'), text: accuracyLogText([]) }
  ]
  for (const f of files) writeFileSync(f.path, f.text)
  return {
    status: 'done',
    reason: null,
    runDir: dir,
    startedAt: new Date().toISOString(),
    wallMs: 0,
    settings,
    summary: null,
    checks: [],
    valid: ps.valid,
    accuracy: null,
    files: files.map((f) => ({ role: f.role, path: f.path, bytes: f.text.length })),
    histogram: [],
    percentileCurve: [],
    throughputSeries: [],
    notes: []
  }
}
