/**
 * `training.logTtmt`: time to multiple thresholds (Verma et al. 2019) of training runs straight
 * from their logs, without the database. A folder stands for every result_*.txt directly in it
 * (the summarizer's glob, not recursive).
 */
import { readdir, readFile, stat } from 'node:fs/promises'
import path from 'node:path'
import type { LogTtmtInput, LogTtmtView } from '../shared/api'
import type { MetricDirection } from '../shared/training'
import { benchmarkAlias, knownBenchmarks, roundFromPath } from '../mlperf'
import { parseTrainingLog } from '../core/ingest/training/parse-log'
import type { ParsedTrainingLog } from '../core/ingest/training/parse-log'
import { defaultThresholds } from '../core/ingest/training/default-thresholds'
import { setTtmt } from '../core/ingest/training/ttmt'
import { compareResultFiles, isResultFileName } from '../core/ingest/training/tree-scan'
import { ApiFailure } from './api-failure'

/** A data problem: the logs cannot give what was asked. */
const problem = (message: string): ApiFailure => new ApiFailure('invalid_input', message)

/** The log files a path stands for, in run order. */
async function expand(p: string): Promise<string[]> {
  const info = await stat(p).catch(() => null)
  if (info === null) throw new ApiFailure('not_found', `${p}: no such file or folder`)
  if (info.isFile()) return [p]
  const entries = await readdir(p, { withFileTypes: true }).catch((e: NodeJS.ErrnoException) => {
    throw problem(`${p}: cannot list the folder (${e.code ?? e.message})`)
  })
  const names = entries
    .filter((e) => e.isFile() && isResultFileName(e.name))
    .map((e) => e.name)
    .sort(compareResultFiles)
  if (names.length === 0) throw problem(`${p}: no result_*.txt file directly in this folder`)
  return names.map((n) => path.join(p, n))
}

async function parse(file: string): Promise<ParsedTrainingLog> {
  // The official parser reads logs as latin-1 (read-result-set does the same).
  const text = await readFile(file, 'latin1').catch((e: NodeJS.ErrnoException) => {
    throw problem(`${file}: cannot read (${e.code ?? e.message})`)
  })
  const folder = benchmarkAlias(path.basename(path.dirname(path.resolve(file))))
  try {
    return parseTrainingLog(text, {
      file,
      round: roundFromPath('training', path.resolve(file)),
      benchmark: knownBenchmarks().includes(folder) ? folder : null
    })
  } catch (e) {
    throw problem(`${file}: ${e instanceof Error ? e.message : String(e)}`)
  }
}

/** The one benchmark of the logs (they must agree). */
function benchmarkOf(logs: readonly ParsedTrainingLog[], files: readonly string[]): string {
  const benchmarks = new Map<string, string[]>()
  logs.forEach((l, i) => {
    const b = l.benchmark === null ? 'unknown' : benchmarkAlias(l.benchmark)
    benchmarks.set(b, [...(benchmarks.get(b) ?? []), files[i] ?? ''])
  })
  if (benchmarks.size > 1) {
    throw problem(
      `the logs are of different benchmarks (${[...benchmarks]
        .map(([b, fs]) => `${b}: ${fs.join(', ')}`)
        .join('; ')}); time to multiple thresholds compares runs of one benchmark`
    )
  }
  return [...benchmarks.keys()][0] ?? 'unknown'
}

export async function logTtmt(input: LogTtmtInput): Promise<LogTtmtView> {
  const files = (await Promise.all(input.paths.map(expand))).flat()
  const logs: ParsedTrainingLog[] = []
  for (const f of files) logs.push(await parse(f))
  const benchmark = benchmarkOf(logs, files)
  const spec = logs[0]?.target ?? null
  const direction: MetricDirection | null = input.direction ?? spec?.direction ?? null
  if (direction === null) {
    throw problem(
      `no quality target is known for ${benchmark}: pass --direction higher|lower (and --thresholds)`
    )
  }
  const given = input.thresholds ?? null
  if (given === null && spec === null) {
    throw problem(`no default thresholds for ${benchmark}: pass --thresholds`)
  }
  const ttmt = setTtmt(
    logs.map((l, i) => ({ file: files[i] ?? l.run.file, evals: l.run.evals })),
    given ?? (spec ? defaultThresholds(spec) : []),
    direction,
    spec?.components[0]?.metric ?? null
  )
  return {
    benchmark,
    targetRound: spec?.round ?? null,
    metric: spec?.metricName ?? null,
    target: spec?.target ?? null,
    defaultThresholds: given === null,
    ttmt
  }
}
