/**
 * What a finished local run leaves behind: the accuracy score of an accuracy run, the log
 * files in the run folder, and the latency and throughput series the UI charts.
 */
import { createHash } from 'node:crypto'
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { RunAccuracy, RunFile, RunResult, RunSettings } from '../../shared/local-run'
import type { AccuracyEntry } from '../loadgen/accuracy-log'
import { accuracyLogText, accuracyTxt } from '../loadgen/accuracy-log'
import type { RunRecord } from '../loadgen/run-record'
import { histogramBins, percentileCurve, throughputSeries } from '../loadgen/stats'
import { scoreClassification } from './accuracy-results'
import { benchmarkDef } from './benchmarks'
import type { ValueMeta } from './model-input'
import { qualityTarget } from './quality-target'

/** The names LoadGen gives the files of a run, by role. */
export const RUN_FILES = {
  summary: 'mlperf_log_summary.txt',
  detail: 'mlperf_log_detail.txt',
  accuracy_log: 'mlperf_log_accuracy.json',
  accuracy: 'accuracy.txt'
} as const

/** Label offset: 'auto' = 1 when the first output has 1001 classes (background class first). */
export function labelOffset(
  settings: Pick<RunSettings, 'labelOffset'>,
  outputs: ValueMeta[]
): number {
  if (settings.labelOffset !== 'auto') return settings.labelOffset
  const shape = outputs[0]?.shape ?? []
  return shape[shape.length - 1] === 1001 ? 1 : 0
}

export type ScoredAccuracy = {
  accuracy: RunAccuracy | null
  /** The accuracy log's entries (empty for a performance run). */
  entries: AccuracyEntry[]
  /** How the log was written, for the run's notes. */
  notes: string[]
}

/**
 * Score an accuracy run as the benchmark's reference script scores its log; nothing for a
 * performance run, a benchmark without an accuracy encoding, or inputs without labels.
 */
export function scoreAccuracy(
  settings: RunSettings,
  outputs: ValueMeta[],
  labels: Int32Array | null,
  record: RunRecord
): ScoredAccuracy {
  const encoding = benchmarkDef(settings.benchmark)?.accuracy ?? null
  if (settings.mode !== 'AccuracyOnly' || !encoding || !labels)
    return { accuracy: null, entries: [], notes: [] }
  const offset = labelOffset(settings, outputs)
  const score = scoreClassification(record, labels, offset, encoding)
  const top1 = score.total > 0 ? (100 * score.good) / score.total : 0
  const notes = [
    `Accuracy log: ${encoding.meaning} per sample, as the ${settings.benchmark} reference harness writes it (read by ${encoding.scorer}).`
  ]
  if (offset !== 0)
    notes.push(
      `Label offset ${offset}: the model's class ids minus ${offset} are compared with the val_map labels and written to the accuracy log.`
    )
  return {
    accuracy: {
      top1Percent: top1,
      good: score.good,
      total: score.total,
      qualityTarget:
        settings.referenceAccuracy !== null
          ? qualityTarget(top1, settings.referenceAccuracy, settings.qualityTargetFraction)
          : null
    },
    entries: score.entries,
    notes
  }
}

export type RunFileText = { role: RunFile['role']; name: string; text: string }

/**
 * The files to write, in order: both logs, the accuracy log (empty for a performance run)
 * and, for a scored accuracy run, accuracy.txt with the SHA-256 of that accuracy log.
 */
export function runFileTexts(
  logs: { summary: string; detail: string },
  scored: Pick<ScoredAccuracy, 'accuracy' | 'entries'>
): RunFileText[] {
  const accuracyJson = accuracyLogText(scored.entries)
  const out: RunFileText[] = [
    { role: 'summary', name: RUN_FILES.summary, text: logs.summary },
    { role: 'detail', name: RUN_FILES.detail, text: logs.detail },
    { role: 'accuracy_log', name: RUN_FILES.accuracy_log, text: accuracyJson }
  ]
  const acc = scored.accuracy
  if (acc) {
    const hash = createHash('sha256').update(accuracyJson).digest('hex')
    out.push({
      role: 'accuracy',
      name: RUN_FILES.accuracy,
      text: accuracyTxt(acc.good, acc.total, hash)
    })
  }
  return out
}

/**
 * Write the files into `runDir` (created if missing), appending each to `written` once it is
 * on disk, so a failure part-way still lists what was written.
 */
export async function writeRunFiles(
  runDir: string,
  files: RunFileText[],
  written: RunFile[]
): Promise<void> {
  await mkdir(runDir, { recursive: true })
  for (const f of files) {
    const path = join(runDir, f.name)
    await writeFile(path, f.text)
    written.push({ role: f.role, path, bytes: Buffer.byteLength(f.text) })
  }
}

/** The charts of a run: latency histogram and percentile curve, throughput over time. */
export function runCharts(
  record: RunRecord
): Pick<RunResult, 'histogram' | 'percentileCurve' | 'throughputSeries'> {
  const lat = record.completedLatencies().sort()
  return {
    histogram: histogramBins(lat),
    percentileCurve: percentileCurve(lat),
    throughputSeries: throughputSeries(record.completionTimes())
  }
}
