import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import {
  detectLogFormat,
  UnknownLogFormatError
} from '../../src-main/core/ingest/training/log-line'
import { parseTrainingLog } from '../../src-main/core/ingest/training/parse-log'
import { nowMs } from './stats'

export type TrainingParseBench = {
  files: number
  bytes: number
  /** Passes over every file in each measurement. */
  passes: number
  parseMs: number
  splitMs: number
  parseMBs: number
  splitMBs: number
}

function resultFiles(dir: string): string[] {
  const out: string[] = []
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name)
    if (e.isDirectory()) out.push(...resultFiles(p))
    else if (/^result_.*\.txt$/.test(e.name)) out.push(p)
  }
  return out
}

function isMllog(text: string): boolean {
  try {
    return detectLogFormat(text) === 'mllog'
  } catch (e) {
    if (e instanceof UnknownLogFormatError) return false
    throw e
  }
}

/** MLLOG runs written here when the corpus is absent: 200 evals per run, 40 runs. */
function syntheticLogs(): string[] {
  const rec = (t: number, key: string, value: unknown, md: object = {}): string =>
    `:::MLLOG ${JSON.stringify({ namespace: '', time_ms: t, event_type: 'POINT_IN_TIME', key, value, metadata: { file: 'train.py', lineno: 1, ...md } })}`
  return Array.from({ length: 40 }, (_, r) => {
    const t0 = 1_700_000_000_000 + r * 1e7
    const lines = [rec(t0 - 1000, 'submission_benchmark', 'resnet'), rec(t0, 'run_start', null)]
    for (let i = 1; i <= 200; i++) {
      lines.push(rec(t0 + i * 3000, 'epoch_start', null, { epoch_num: i }))
      lines.push(rec(t0 + i * 3000 + 10, 'eval_accuracy', 0.5 + i * 0.0013, { epoch_num: i }))
    }
    lines.push(rec(t0 + 700_000, 'run_stop', null, { status: 'success' }))
    return lines.join('\n')
  })
}

/** Runs `fn` over every text, as many passes as fit in `minMs` (at least one). */
function timePasses(texts: string[], minMs: number, fn: (t: string) => void): [number, number] {
  for (const t of texts) fn(t) // warm-up pass
  let passes = 0
  const start = nowMs()
  do {
    for (const t of texts) fn(t)
    passes++
  } while (nowMs() - start < minMs)
  return [(nowMs() - start) / passes, passes]
}

/**
 * Parse throughput of MLLOG training logs (parseTrainingLog: records, evals, timing, target
 * check) next to a bare line split of the same texts in the same run, both from memory so the
 * disk is out of the comparison.
 */
export function benchTrainingParse(trainingRoot: string | null, minMs = 1000): TrainingParseBench {
  const texts = trainingRoot
    ? resultFiles(trainingRoot)
        .map((f) => readFileSync(f, 'latin1'))
        .filter(isMllog)
    : syntheticLogs()
  const bytes = texts.reduce((n, t) => n + t.length, 0)
  let lines = 0
  const [splitMs] = timePasses(texts, minMs, (t) => {
    lines += t.split(/\r?\n/).length
  })
  const [parseMs, passes] = timePasses(texts, minMs, (t) => {
    lines += parseTrainingLog(t).events.length
  })
  if (lines === 0) throw new Error('nothing parsed')
  const mbs = (ms: number): number => bytes / 1e6 / (ms / 1000)
  return {
    files: texts.length,
    bytes,
    passes,
    parseMs,
    splitMs,
    parseMBs: mbs(parseMs),
    splitMBs: mbs(splitMs)
  }
}
