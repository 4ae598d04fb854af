/**
 * Corpus cross-check of the submission-tree importer: every result under
 * ../shared/corpus/inference is scanned and read, and every number is compared with MLCommons'
 * own tables where one exists (cm4mlperf-results cm-result.json for v3.0/v4.1,
 * inference_results_v4.1/summary_results.json, the v0.7/v1.0 per-submitter summaries), and with
 * the published logs themselves otherwise (the detail-log value rounded to the summary's printed
 * decimals, or the summary number itself for summary-only rounds).
 *
 * Excluded official rows (corpus README, "Consolidated part"): Inspur's v0.7 results_summary.csv
 * gives different numbers from the published logs for its 3d-unet rows (e.g. T4x8_TRT 3d-unet-99
 * Offline: 60.4107 in the CSV, 59.1081 in the published summary and detail log), so Inspur's
 * 3d-unet rows are not used as expected values; that result is checked against its logs instead.
 * Alibaba's open-division v1.0 results_summary.csv disagrees with the published logs on four
 * rows, none of which is a result in this corpus: its one corpus row (T4x1_TRT resnet50
 * Offline, 30414.6) agrees with the log and is compared like any other.
 */
import Papa from 'papaparse'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

import type { InferenceResultRecord } from '../../src-main/shared/inference'
import {
  createReadContext,
  normaliseScenario,
  parseSummaryLog,
  printedDecimals,
  readInferenceResult,
  scanInferenceTree
} from '../../src-main/core/ingest/inference'
import type { ResultLocation } from '../../src-main/core/ingest/inference'

const repoRoot = path.resolve(import.meta.dirname, '..', '..')
const corpus = path.resolve(repoRoot, '../shared/corpus')
const haveCorpus = existsSync(path.join(corpus, 'inference'))

type Row = Record<string, string>

/** An official CSV's rows by header (papaparse, the app's own CSV reader). */
function parseCsv(text: string): Row[] {
  return Papa.parse<Row>(text, { header: true, skipEmptyLines: true }).data
}

function walk(dir: string, name: string, out: string[] = []): string[] {
  for (const e of readdirSync(dir)) {
    const p = path.join(dir, e)
    if (statSync(p).isDirectory()) walk(p, name, out)
    else if (e === name) out.push(p)
  }
  return out
}

/** Key of a result: round|division|submitter|system|benchmark|scenario (scenario normalised). */
function key(
  round: string,
  division: string,
  submitter: string,
  system: string,
  bench: string,
  scen: string
): string {
  return [round, division, submitter, system, bench, normaliseScenario(scen) ?? scen].join('|')
}

function keyFromLocation(round: string, location: string): string | null {
  const p = location.split('/')
  if (p.length < 6 || p[2] !== 'results') return null
  return key(round, p[0] ?? '', p[1] ?? '', p[3] ?? '', p[4] ?? '', p[5] ?? '')
}

type Expect = {
  source: string
  /** A power-only row: no performance value to compare. */
  powerOnly?: boolean
  value: number | null
  unit: string | null
  accuracyText: string | null
  accuracyNumber: number | null
  powerValue: number | null
  powerUnit: string | null
  inferred: boolean | null
  /** The checker's MLPerf model name ("MlperfModel" / "Model"), where the source has it. */
  mlperfModel?: string | null
  availability?: string | null
  systemType?: string | null
}

function num(v: unknown): number | null {
  if (typeof v === 'number') return v
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v)
  return null
}

/** Official expectations per result key. */
function loadOfficial(): Map<string, Expect[]> {
  const m = new Map<string, Expect[]>()
  const add = (k: string | null, e: Expect): void => {
    if (k === null) return
    const list = m.get(k) ?? []
    list.push(e)
    m.set(k, list)
  }
  const cons = path.join(corpus, 'consolidated')
  // cm4mlperf-results (v3.0, v4.1).
  for (const f of walk(path.join(cons, 'cm4mlperf-results', 'experiment'), 'cm-result.json')) {
    if (!f.includes('mlperf-inference--')) continue
    const rows = JSON.parse(readFileSync(f, 'utf8')) as Record<string, unknown>[]
    for (const r of rows) {
      // The v4.1 export splits a power result into a performance row and a power row whose
      // Result is null, Units the power unit and Result_Power the power figure.
      const powerRow = r['Result'] === null && num(r['Result_Power']) !== null
      const units = typeof r['Units'] === 'string' ? r['Units'] : null
      const powerUnits =
        typeof r['Result_Power_Units'] === 'string' ? r['Result_Power_Units'] : null
      add(keyFromLocation(String(r['version']), String(r['Location'])), {
        source: 'cm-result.json',
        powerOnly: powerRow,
        value: num(r['Result']),
        unit: powerRow ? null : units,
        accuracyText: null,
        accuracyNumber: num(r['Accuracy']),
        powerValue: num(r['Result_Power']),
        powerUnit: powerRow ? units : powerUnits,
        inferred: r['inferred'] === undefined ? null : Number(r['inferred']) === 1,
        mlperfModel: typeof r['MlperfModel'] === 'string' ? r['MlperfModel'] : null,
        availability: typeof r['Availability'] === 'string' ? r['Availability'] : null,
        systemType: typeof r['SystemType'] === 'string' ? r['SystemType'] : null
      })
    }
  }
  // summary_results.json (v4.1).
  const sr = JSON.parse(
    readFileSync(path.join(cons, 'inference_results_v4.1', 'summary_results.json'), 'utf8')
  ) as Record<string, unknown>[]
  for (const r of sr) {
    add(keyFromLocation('v4.1', String(r['Location'])), {
      source: 'summary_results.json',
      value: num(r['Performance_Result']),
      unit: String(r['Performance_Units']),
      accuracyText: String(r['Accuracy']),
      accuracyNumber: null,
      powerValue: num(r['Power_Result']),
      powerUnit: typeof r['Power_Units'] === 'string' ? r['Power_Units'] : null,
      inferred: Number(r['inferred']) === 1,
      mlperfModel: typeof r['Model'] === 'string' ? r['Model'] : null,
      availability: typeof r['Availability'] === 'string' ? r['Availability'] : null
    })
  }
  // Checker CSVs (v0.7) and NVIDIA's five-column summaries (v0.7/v1.0).
  for (const f of walk(cons, 'results_summary.csv').concat(walk(cons, 'summary.csv'))) {
    const rel = path.relative(cons, f).split(path.sep)
    const repo = rel[0] ?? ''
    const round = /inference_results_(v\d+\.\d+)/.exec(repo)?.[1]
    if (!round || round === 'v4.1') continue
    const division = rel[1] ?? ''
    const submitter = rel[2] ?? ''
    const rows = parseCsv(readFileSync(f, 'utf8'))
    const inspurCsv =
      round === 'v0.7' && submitter === 'Inspur' && f.endsWith('results_summary.csv')
    for (const r of rows) {
      if ('Location' in r) {
        const k = keyFromLocation(round, r['Location'] ?? '')
        // Inspur's 3d-unet rows disagree with the published logs (corpus README).
        if (inspurCsv && (r['Model'] ?? '').startsWith('3d-unet')) continue
        add(k, {
          source: `${round} checker CSV (${division}/${submitter})`,
          value: num(r['Result']),
          unit: null,
          accuracyText: null,
          accuracyNumber: num(r['Accuracy']),
          powerValue: null,
          powerUnit: null,
          inferred: null,
          mlperfModel: r['MlperfModel'] ?? null,
          // The v0.7 checker printed the raw status; the report maps on-premise to available.
          availability: (r['Availability'] ?? '').replace(/^on-premise$/, 'available') || null,
          systemType: r['SystemType'] ?? null
        })
      } else {
        const metric = (r['perf_metric'] ?? '').replace(/\\/g, '')
        const raw = num(r['perf_value'])
        const isNs = /latency/i.test(metric)
        add(
          key(
            round,
            division,
            submitter,
            r['system_id'] ?? '',
            r['benchmark'] ?? '',
            r['scenario'] ?? ''
          ),
          {
            source: `${round} five-column summary (${division}/${submitter})`,
            value: raw === null ? null : isNs ? raw / 1e6 : raw,
            unit: null,
            accuracyText: null,
            accuracyNumber: null,
            powerValue: null,
            powerUnit: null,
            inferred: null
          }
        )
      }
    }
  }
  return m
}

function close(a: number | null, b: number | null): boolean {
  if (a === null || b === null) return a === b
  if (a === b) return true
  return Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b))
}

/** Self-consistency of a result with its own logs (for results no official table lists). */
function logCheck(rec: InferenceResultRecord): string | null {
  if (rec.value === null) return 'no value'
  const run1 = path.join(rec.source, 'performance', 'run_1', 'mlperf_log_summary.txt')
  const s = parseSummaryLog(readFileSync(run1, 'utf8'))
  const scale = rec.unit === 'Latency (ms)' ? 1e6 : 1
  let printed: string | null
  if (rec.inferred && rec.scenario === 'MultiStream') {
    const b = s.earlyStopping.find((x) => x.name === '')
    const est = b?.estimates['99']
    if (est === undefined) return 'no 99th estimate in summary'
    return close((est * 8) / 1e6, rec.value) ? null : `inferred MS ${rec.value} vs ${est}×8`
  }
  if (rec.inferred && rec.scenario === 'Offline') {
    printed = s.entries.find((e) => e.label === 'QPS w/o loadgen overhead')?.value ?? null
  } else if (rec.unit === 'Latency (ms)' && rec.round >= 'v2.0') {
    const b = s.earlyStopping.find((x) => x.name === '')
    const est = b?.estimates[rec.scenario === 'SingleStream' ? '90' : '99']
    printed = est === undefined ? null : String(est)
  } else {
    const want: Record<string, string> = {
      samples_per_second: 'Samples per second',
      scheduled_samples_per_second: 'Scheduled samples per second',
      completed_samples_per_second: 'Completed samples per second',
      tokens_per_second: 'Tokens per second',
      completed_tokens_per_second: 'Completed tokens per second',
      inferred_tokens_per_second: 'Tokens per second (inferred)',
      inferred_completed_tokens_per_second: 'Completed tokens per second (inferred)',
      latency_p90_ms: '90th percentile latency (ns)',
      streams: 'Samples per query'
    }
    const label = want[rec.metric]
    printed = s.entries.find((e) => e.label === label)?.value ?? null
  }
  if (printed === null) return `no printed value for ${rec.metric}`
  const raw = rec.value * scale
  const dec = printedDecimals(printed)
  const p = Number(printed)
  // Printed either with fixed decimals or with 6 significant digits (C++ stream default).
  const tol = Math.max(0.5 * 10 ** -dec, Math.abs(raw) * 5e-6) + 1e-9 * Math.abs(raw)
  return Math.abs(p - raw) <= tol ? null : `log value ${printed} vs ${raw}`
}

const describeCorpus = haveCorpus ? describe : describe.skip

describeCorpus(
  haveCorpus
    ? 'inference corpus cross-check'
    : '../shared/corpus not found: corpus cross-check skipped',
  () => {
    const records: InferenceResultRecord[] = []
    const locations: ResultLocation[] = []
    const skipped: { path: string; reason: string }[] = []
    const byRound = new Map<string, number>()

    it('scans and reads all 207 results without skipping any', async () => {
      const ctx = createReadContext()
      const root = path.join(corpus, 'inference')
      for (const round of readdirSync(root).sort()) {
        const scan = await scanInferenceTree(path.join(root, round))
        skipped.push(...scan.skipped)
        locations.push(...scan.locations)
        byRound.set(round, scan.locations.length)
        for (const loc of scan.locations) {
          const res = await readInferenceResult(loc, ctx)
          if ('record' in res) records.push(res.record)
          else skipped.push(res.skipped)
        }
      }
      expect(skipped).toEqual([])
      expect(records.length).toBe(207)
      expect(Object.fromEntries(byRound)).toEqual({
        'v0.5': 19,
        'v0.7': 17,
        'v1.0': 15,
        'v3.0': 85,
        'v4.1': 71
      })
      const perScenario: Record<string, number> = {}
      for (const r of records) perScenario[r.scenario] = (perScenario[r.scenario] ?? 0) + 1
      expect(perScenario).toEqual({ Offline: 96, Server: 48, SingleStream: 40, MultiStream: 23 })
    })

    it('matches every official figure and the logs of every other result', () => {
      const official = loadOfficial()
      const problems: string[] = []
      const perSource = new Map<string, number>()
      const resultsPerSource = new Map<string, Set<string>>()
      const logsOnlyIds: string[] = []
      let withOfficial = 0
      let logsOnly = 0
      let powerChecked = 0
      for (const r of records) {
        const segs = r.source.split(path.sep)
        const k = key(
          r.round,
          r.division,
          r.submitter,
          r.systemId,
          r.benchmark,
          segs[segs.length - 1] ?? ''
        )
        const exps = official.get(k) ?? []
        const id = `${r.round} ${r.division}/${r.submitter}/${r.systemId}/${r.benchmark}/${r.scenario}`
        if (exps.length === 0) {
          logsOnly++
          logsOnlyIds.push(id)
          const why = logCheck(r)
          if (why !== null) problems.push(`${id}: ${why}`)
          continue
        }
        withOfficial++
        for (const e of exps) {
          const src = e.source.replace(/ \(.*\)$/, '')
          resultsPerSource.set(src, (resultsPerSource.get(src) ?? new Set()).add(id))
          perSource.set(
            e.source.replace(/ \(.*\)$/, ''),
            (perSource.get(e.source.replace(/ \(.*\)$/, '')) ?? 0) + 1
          )
          if (!e.powerOnly && !close(r.value, e.value))
            problems.push(`${id}: value ${r.value} ≠ ${e.value} (${e.source})`)
          // The CM export labels v4.1 LLM units as Samples/s; summary_results.json has the
          // official Tokens/s (both are checked; only the CM label is known to be wrong).
          const cmLlmUnit =
            e.source === 'cm-result.json' && r.round === 'v4.1' && r.unit === 'Tokens/s'
          if (e.unit !== null && e.unit !== r.unit && !cmLlmUnit) {
            problems.push(`${id}: unit ${r.unit} ≠ ${e.unit} (${e.source})`)
          }
          if (e.accuracyText !== null && e.accuracyText !== r.accuracy) {
            problems.push(`${id}: accuracy "${r.accuracy}" ≠ "${e.accuracyText}" (${e.source})`)
          }
          if (e.accuracyNumber !== null) {
            const first = /^\S+: (\S+)/.exec(r.accuracy ?? '')?.[1]
            if (!close(first === undefined ? null : Number(first), e.accuracyNumber)) {
              problems.push(`${id}: accuracy ${r.accuracy} ≠ ${e.accuracyNumber} (${e.source})`)
            }
          }
          if (e.powerValue !== null) {
            powerChecked++
            if (!close(r.powerValue, e.powerValue)) {
              problems.push(`${id}: power ${r.powerValue} ≠ ${e.powerValue} (${e.source})`)
            }
            if (e.powerUnit !== null && e.powerUnit !== r.powerUnit) {
              problems.push(`${id}: power unit ${r.powerUnit} ≠ ${e.powerUnit} (${e.source})`)
            }
          }
          if (e.mlperfModel && e.mlperfModel !== r.mlperfModel) {
            problems.push(`${id}: MLPerf model ${r.mlperfModel} ≠ ${e.mlperfModel} (${e.source})`)
          }
          if (e.availability && e.availability.toLowerCase() !== r.category) {
            problems.push(`${id}: category ${r.category} ≠ ${e.availability} (${e.source})`)
          }
          if (e.systemType && e.systemType !== r.systemType) {
            problems.push(`${id}: system type ${r.systemType} ≠ ${e.systemType} (${e.source})`)
          }
          if (e.inferred !== null && e.inferred !== r.inferred) {
            problems.push(`${id}: inferred ${r.inferred} ≠ ${e.inferred} (${e.source})`)
          }
        }
      }
      const report = [
        `results with an official figure: ${withOfficial}; checked against their own logs only: ${logsOnly}`,
        ...[...perSource].map(
          ([s, n]) => `  ${s}: ${resultsPerSource.get(s)?.size ?? 0} results, ${n} comparisons`
        ),
        `official power figures compared: ${powerChecked}`,
        `checked against logs only:`,
        ...logsOnlyIds.map((x) => `  ${x}`)
      ]
      console.info(report.join('\n'))
      expect(problems).toEqual([])
      expect(withOfficial + logsOnly).toBe(207)
      // Every v3.0 and v4.1 result is in the CM export, and every v4.1 one in summary_results.
      expect(resultsPerSource.get('cm-result.json')?.size).toBe(156)
      expect(resultsPerSource.get('summary_results.json')?.size).toBe(71)
      expect(powerChecked).toBeGreaterThanOrEqual(15)
    })

    it('computes all 15 official power figures and the unverified v1.0 Krai figure', () => {
      const power = records.filter((r) => r.powerValue !== null)
      expect(power.length).toBe(16)
      const krai = power.find((r) => r.round === 'v1.0')
      // Computed in joules as the v1.0 checker did, stored in millijoules like every round.
      expect(krai?.powerUnit).toBe('millijoules')
      expect(krai?.powerValue).toBe(3970.307008260607)
      expect(krai?.detail.notes.some((n) => n.includes('unverified'))).toBe(true)
      expect(krai?.detail.notes.at(-1)).toBe(
        'Power: Energy published in joules by the v1.0 tools; stored in millijoules (× 1000) like every other round.'
      )
      // One unit per kind: watts for average power, millijoules for energy per query.
      expect(new Set(power.map((r) => `${r.scenario} ${r.powerUnit}`))).toEqual(
        new Set([
          'Offline Watts',
          'Server Watts',
          'SingleStream millijoules',
          'MultiStream millijoules'
        ])
      )
    })

    it('marks exactly the inferred results the corpus README lists', () => {
      const inferred = records
        .filter((r) => r.inferred)
        .map((r) => `${r.round} ${r.submitter}/${r.systemId}/${r.benchmark}/${r.scenario}`)
        .sort()
      expect(inferred).toEqual([
        'v3.0 Krai/firefly-armnn-v22.11-neon/resnet50/MultiStream',
        'v3.0 Krai/firefly-armnn-v22.11-neon/resnet50/Offline',
        'v3.0 Krai/rpi4-tflite-v2.11.0-ruy/resnet50/MultiStream',
        'v3.0 Krai/rpi4-tflite-v2.11.0-ruy/resnet50/Offline',
        'v3.0 NVIDIA/L4x1_TRT/3d-unet-99/Offline',
        'v3.0 rebellions/ATOM/bert-99/Offline'
      ])
    })

    it('records every run of multi-run early results', () => {
      const multi = records.filter((r) => r.detail.runs.length > 1)
      // The six v0.5/v0.7 Server results have 5 runs; Qualcomm's v0.5 SingleStream has 2.
      expect(multi.length).toBe(7)
      const q = multi.find((r) => r.submitter === 'Qualcomm')
      expect(q?.detail.runs.map((x) => x.value)).toEqual([8.951407, 8.999844])
      expect(q?.value).toBe(8.951407)
    })
  }
)
