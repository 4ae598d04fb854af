/**
 * Cross-check of the training importer against the shared corpus of published results
 * (../shared/corpus, see its README): every result set must parse, and every set with an
 * official value (result_summarizer summary.csv/summary.json, cm4mlperf training tables) must
 * score exactly that value. Sets without an official value (v0.5–v0.7) are listed with their
 * scores. Skipped when the corpus is not next to the repository.
 */
import { existsSync } from 'node:fs'
import { readdir } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  createTrainingReadContext,
  readTrainingResultSet,
  readTrainingSummaryFile,
  scanTrainingTree,
  setTtmtForTarget
} from '../../src-main/core/ingest/training/index'
import { runsRequired, trainingTarget } from '../../src-main/mlperf'
import type { TrainingResultRecord, TrainingRun } from '../../src-main/shared/training'

const repoRoot = path.resolve(import.meta.dirname, '../..')
const corpus = path.resolve(repoRoot, '../shared/corpus')
const hasCorpus = existsSync(path.join(corpus, 'training'))

async function filesUnder(dir: string, accept: (name: string) => boolean): Promise<string[]> {
  const out: string[] = []
  const walk = async (d: string): Promise<void> => {
    for (const e of await readdir(d, { withFileTypes: true })) {
      const p = path.join(d, e.name)
      if (e.isDirectory()) await walk(p)
      else if (accept(e.name)) out.push(p)
    }
  }
  if (existsSync(dir)) await walk(dir)
  return out
}

type Official = { value: number; file: string }

/** Official values keyed round|systemId|benchmark, from every training summary in the corpus. */
async function officialValues(): Promise<Map<string, Official[]>> {
  const consolidated = path.join(corpus, 'consolidated')
  const summaries = await filesUnder(
    path.join(consolidated),
    (n) => n === 'summary.csv' || n === 'summary.json'
  )
  const cm = (
    await filesUnder(
      path.join(consolidated, 'cm4mlperf-results', 'experiment'),
      (n) => n === 'cm-result.json'
    )
  ).filter((p) => p.includes(`${path.sep}mlperf-training--`))
  const training = summaries.filter((p) => p.includes('training_results_'))
  const out = new Map<string, Official[]>()
  for (const file of [...training, ...cm]) {
    const r = await readTrainingSummaryFile(file)
    for (const rec of r.records) {
      if (rec.value === null) continue
      const key = `${rec.round}|${rec.systemId}|${rec.benchmark}`
      out.set(key, [
        ...(out.get(key) ?? []),
        { value: rec.value, file: path.relative(corpus, file) }
      ])
    }
  }
  return out
}

type Read = { record: TrainingResultRecord; runs: TrainingRun[] }

let cached: Promise<{ reads: Read[]; skipped: { path: string; reason: string }[] }> | null = null

/** The corpus is read once and shared by the tests below. */
function readCorpus(): Promise<{ reads: Read[]; skipped: { path: string; reason: string }[] }> {
  cached ??= readCorpusOnce()
  return cached
}

async function readCorpusOnce(): Promise<{
  reads: Read[]
  skipped: { path: string; reason: string }[]
}> {
  const scan = await scanTrainingTree(path.join(corpus, 'training'))
  const ctx = createTrainingReadContext()
  const reads: Read[] = []
  const skipped = [...scan.skipped]
  for (const loc of scan.sets) {
    const r = await readTrainingResultSet(loc, ctx)
    if ('record' in r) reads.push({ record: r.record, runs: r.runs })
    else skipped.push(r.skipped)
  }
  return { reads, skipped }
}

const label = (r: TrainingResultRecord): string =>
  `${r.round} ${r.submitter} ${r.systemId} ${r.benchmark}`

if (!hasCorpus) {
  describe.skip('../shared/corpus not found: training cross-check skipped', () => {
    it('needs the corpus', () => undefined)
  })
} else {
  describe('training corpus cross-check', () => {
    it('every result set parses, with the documented number of runs', async () => {
      const { reads, skipped } = await readCorpus()
      expect(reads).toHaveLength(39)
      // The only folder left out is Habana's stray bert/ copy inside its resnet set.
      expect(skipped).toHaveLength(1)
      expect(skipped[0]?.path).toMatch(/Habana.*resnet[\\/]bert$/)
      for (const { record, runs } of reads) {
        expect(record.runs, label(record)).toBe(runsRequired(record.benchmark))
        for (const run of runs) {
          expect(run.malformedLines, `${label(record)} ${run.file}`).toBe(0)
          expect(run.timeToTrainMs, `${label(record)} ${run.file}`).not.toBeNull()
        }
        expect(record.valid, label(record)).toBe(true)
        expect(Number.isFinite(record.value), label(record)).toBe(true)
      }
    })

    it('every set with an official value scores exactly that value', async () => {
      const [{ reads }, official] = await Promise.all([readCorpus(), officialValues()])
      const matched: string[] = []
      const unmatched: Read[] = []
      for (const read of reads) {
        const r = read.record
        const refs = official.get(`${r.round}|${r.systemId}|${r.benchmark}`)
        if (refs === undefined) {
          unmatched.push(read)
          continue
        }
        for (const ref of refs) {
          const rel = Math.abs((r.value ?? Number.NaN) - ref.value) / Math.abs(ref.value)
          expect(rel, `${label(r)}: ${r.value} vs ${ref.value} (${ref.file})`).toBeLessThanOrEqual(
            1e-9
          )
        }
        const exact = refs.every((x) => x.value === r.value)
        matched.push(
          `${label(r)} = ${r.value} ${exact ? 'exact' : 'within 1e-9'} (${[...new Set(refs.map((x) => x.file.split(path.sep).slice(0, 2).join('/')))].join(', ')})`
        )
      }
      console.log(
        `Training sets matching an official value (${matched.length}):\n  ${matched.join('\n  ')}`
      )
      console.log(
        `Training sets without an official value (${unmatched.length}):\n  ` +
          unmatched
            .map(({ record: r }) => `${label(r)} = ${r.value} min (${r.runs} runs)`)
            .join('\n  ')
      )
      // v1.0 (5 sets, cm4mlperf), v3.0 (10), v3.1 (1), v5.0 (5) have official values.
      expect(matched).toHaveLength(21)
      expect(unmatched.map((u) => u.record.round).sort()).toEqual([
        ...Array<string>(6).fill('v0.5'),
        ...Array<string>(6).fill('v0.6'),
        ...Array<string>(6).fill('v0.7')
      ])
      for (const { record } of unmatched) {
        expect(Number.isFinite(record.value)).toBe(true)
        expect(record.value).toBeGreaterThan(0)
      }
    })

    it('quirks: aborted run, stray folder, scaling factors, chip counts', async () => {
      const { reads } = await readCorpus()
      const find = (
        round: string,
        system: string,
        bench: string
      ): TrainingResultRecord | undefined =>
        reads.find(
          (x) =>
            x.record.round === round && x.record.systemId === system && x.record.benchmark === bench
        )?.record
      const nvResnet = find('v3.0', 'dgxh100_ngc23.04_mxnet', 'resnet')
      expect(nvResnet?.flags.abortedRuns).toBe(1)
      expect(nvResnet?.detail.runs.find((r) => r.file === 'result_3.txt')?.role).toBe('failed')
      const habana = find('v1.0', 'SYS-420GH-TNGR', 'resnet')
      expect(habana?.runs).toBe(5)
      expect(habana?.detail.notes.join(' ')).toMatch(/bert inside the set ignored/)
      expect(find('v3.0', 'G593-SD0_mxnet', 'resnet')?.flags.rcpNormalised).toBe(true)
      expect(find('v0.5', 'research_v3.32/tpu', 'resnet')?.acceleratorsTotal).toBe(16)
      expect(find('v0.6', 'tpu-v3-32', 'resnet')?.acceleratorsTotal).toBe(16)
      expect(find('v0.6', 'dgx2h_ngc19.05_pytorch', 'ssd')?.acceleratorsTotal).toBe(16)
      expect(find('v1.0', 'tpu-v4-128-TF', 'bert')?.acceleratorsTotal).toBe(64)
    })

    it('the v3.1 summary with a repeated header yields one official value', async () => {
      const r = await readTrainingSummaryFile(
        path.join(corpus, 'consolidated', 'training_results_v3.1', 'Google', 'summary.csv')
      )
      expect(r.records.map((x) => [x.benchmark, x.value])).toEqual([['gpt3', 44.68485]])
      expect(r.notes.join(' ')).toMatch(/repeats the header/)
    })

    it('time to multiple thresholds is defined for every corpus set up to its target', async () => {
      const { reads } = await readCorpus()
      for (const { record, runs } of reads) {
        const spec = trainingTarget(record.round, record.benchmark)
        expect(spec, label(record)).not.toBeNull()
        if (spec === null) continue
        const s = setTtmtForTarget(
          runs.filter((r) => r.converged),
          spec
        )
        const last = s.attmt[s.attmt.length - 1]
        // Every converged run reached the target, so the hardest threshold has a TTA for all.
        expect(last?.missing, label(record)).toBe(0)
        expect(Number.isFinite(last?.mean), label(record)).toBe(true)
      }
    })
  })
}
