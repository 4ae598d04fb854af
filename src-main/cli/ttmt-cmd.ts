/**
 * `mlperf-explorer ttmt <log-file-or-folder>...`: time to multiple thresholds (Verma et al.
 * 2019) of training runs straight from their logs, without a database. A folder stands for every
 * result_*.txt directly in it (the summarizer's glob, not recursive).
 */
import { readdir, readFile, stat } from 'node:fs/promises'
import path from 'node:path'
import Papa from 'papaparse'
import type { MetricDirection } from '../shared/training'
import { benchmarkAlias, knownBenchmarks, roundFromPath } from '../mlperf'
import { parseTrainingLog } from '../core/ingest/training/parse-log'
import type { ParsedTrainingLog } from '../core/ingest/training/parse-log'
import { defaultThresholds } from '../core/ingest/training/default-thresholds'
import { setTtmt } from '../core/ingest/training/ttmt'
import { compareResultFiles, isResultFileName } from '../core/ingest/training/tree-scan'

import type { Handler } from './commands'

/** A data problem (exit 1), as opposed to a usage error (exit 2). */
class TtmtError extends Error {}

/** The log files a path stands for, in run order. */
async function expand(p: string): Promise<string[]> {
  const info = await stat(p).catch(() => null)
  if (info === null) throw new TtmtError(`${p}: no such file or folder`)
  if (info.isFile()) return [p]
  const entries = await readdir(p, { withFileTypes: true }).catch((e: NodeJS.ErrnoException) => {
    throw new TtmtError(`${p}: cannot list the folder (${e.code ?? e.message})`)
  })
  const names = entries
    .filter((e) => e.isFile() && isResultFileName(e.name))
    .map((e) => e.name)
    .sort(compareResultFiles)
  if (names.length === 0) throw new TtmtError(`${p}: no result_*.txt file directly in this folder`)
  return names.map((n) => path.join(p, n))
}

async function parse(file: string): Promise<ParsedTrainingLog> {
  // The official parser reads logs as latin-1 (read-result-set does the same).
  const text = await readFile(file, 'latin1').catch((e: NodeJS.ErrnoException) => {
    throw new TtmtError(`${file}: cannot read (${e.code ?? e.message})`)
  })
  const folder = benchmarkAlias(path.basename(path.dirname(path.resolve(file))))
  try {
    return parseTrainingLog(text, {
      file,
      round: roundFromPath('training', path.resolve(file)),
      benchmark: knownBenchmarks().includes(folder) ? folder : null
    })
  } catch (e) {
    throw new TtmtError(`${file}: ${e instanceof Error ? e.message : String(e)}`)
  }
}

function parseThresholds(raw: string): number[] {
  const parts = raw.split(',').map((s) => s.trim())
  const values = parts.map(Number)
  if (parts.some((s) => s === '') || values.some((v) => !Number.isFinite(v))) {
    throw new Error(`--thresholds must be numbers separated by commas, e.g. 0.70,0.72,0.759`)
  }
  return values
}

const cell = (v: number | null): string => (v === null ? '' : String(v))

export const ttmtCmd: Handler<'ttmt'> = async ({ positionals: paths, values: o }, io) => {
  if (paths.length === 0) {
    io.err('ttmt: give at least one training log (result_*.txt) or a folder of them\n')
    return 2
  }
  const format = o.format ?? 'csv'
  if (format !== 'csv' && format !== 'json') {
    io.err('ttmt: --format must be csv or json\n')
    return 2
  }
  if (o.direction !== undefined && o.direction !== 'higher' && o.direction !== 'lower') {
    io.err('ttmt: --direction must be higher or lower\n')
    return 2
  }
  let given: number[] | null
  try {
    given = o.thresholds === undefined ? null : parseThresholds(o.thresholds)
  } catch (e) {
    io.err(`ttmt: ${(e as Error).message}\n`)
    return 2
  }
  try {
    const files = (await Promise.all(paths.map(expand))).flat()
    const logs: ParsedTrainingLog[] = []
    for (const f of files) logs.push(await parse(f))
    const benchmarks = new Map<string, string[]>()
    logs.forEach((l, i) => {
      const b = l.benchmark === null ? 'unknown' : benchmarkAlias(l.benchmark)
      benchmarks.set(b, [...(benchmarks.get(b) ?? []), files[i] ?? ''])
    })
    if (benchmarks.size > 1) {
      throw new TtmtError(
        `the logs are of different benchmarks (${[...benchmarks]
          .map(([b, fs]) => `${b}: ${fs.join(', ')}`)
          .join('; ')}); time to multiple thresholds compares runs of one benchmark`
      )
    }
    const benchmark = [...benchmarks.keys()][0] ?? 'unknown'
    const spec = logs[0]?.target ?? null
    const direction: MetricDirection | null = o.direction ?? spec?.direction ?? null
    if (direction === null) {
      throw new TtmtError(
        `no quality target is known for ${benchmark}: pass --direction higher|lower (and --thresholds)`
      )
    }
    if (given === null && spec === null) {
      throw new TtmtError(`no default thresholds for ${benchmark}: pass --thresholds`)
    }
    const thresholds = given ?? (spec ? defaultThresholds(spec) : [])
    if (given === null && spec) {
      io.err(
        `ttmt: default thresholds for ${benchmark} (${spec.round} target ${spec.target}, ${spec.metricName})\n`
      )
    }
    const metric = spec?.components[0]?.metric ?? null
    const result = setTtmt(
      logs.map((l, i) => ({ file: files[i] ?? l.run.file, evals: l.run.evals })),
      thresholds,
      direction,
      metric
    )
    if (format === 'json') {
      io.out(
        JSON.stringify(
          {
            benchmark,
            // The round whose target and default ladder were used (the latest when the logs
            // do not say).
            targetRound: spec?.round ?? null,
            metric: spec?.metricName ?? null,
            target: spec?.target ?? null,
            direction,
            thresholds: result.thresholds,
            runs: result.runs.map((r) => ({ run: r.file, tta: r.tta, attmt: r.attmt })),
            tta: result.tta,
            attmt: result.attmt
          },
          null,
          2
        ) + '\n'
      )
      return 0
    }
    const rows = result.runs.flatMap((r) =>
      r.thresholds.map((t, i) => [
        r.file,
        String(t),
        cell(r.tta[i] ?? null),
        cell(r.attmt[i] ?? null)
      ])
    )
    io.out(
      Papa.unparse(
        { fields: ['run', 'threshold', 'tta_minutes', 'attmt_minutes'], data: rows },
        { newline: '\n' }
      ) + '\n'
    )
    return 0
  } catch (e) {
    if (e instanceof TtmtError) {
      io.err(`ttmt: ${e.message}\n`)
      return 1
    }
    throw e
  }
}
