/**
 * One unit per power column (issue 9 point 3), on published data: the v2.0–v2.1 tools wrote
 * energy per query in joules, MLCommons' consolidated tables (cm4mlperf-results) give the same
 * results in millijoules, and v3.0 on is millijoules. Whatever the source, the table stores
 * millijoules, so sorting energy compares like with like. Skipped without ../shared/corpus.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { cp, mkdir, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import Papa from 'papaparse'
import { afterAll, describe, expect, it } from 'vitest'
import { openDb } from '../../src-main/core/db/open-db'
import { runImport } from '../../src-main/core/ingest/import-job'

const repoRoot = path.resolve(import.meta.dirname, '../..')
const corpus = path.resolve(repoRoot, '../shared/corpus')
const experiments = path.join(corpus, 'consolidated/cm4mlperf-results/experiment')
const hasCorpus = existsSync(experiments)
const dir = mkdtempSync(path.join(tmpdir(), 'mlx-energy-units-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
const signal = new AbortController().signal

/** The cm-result.json of an experiment folder. */
function cmResult(experiment: string): string {
  const folder = path.join(experiments, experiment)
  const stamp = readdirSync(folder).find((f) => existsSync(path.join(folder, f, 'cm-result.json')))
  return path.join(folder, stamp ?? '', 'cm-result.json')
}

type CmRow = Record<string, unknown>

describe.skipIf(!hasCorpus)('energy per query in millijoules for every round', () => {
  it('stores a v2.1 checker CSV in joules exactly as the consolidated table gives it in mJ', async () => {
    const cmFile = cmResult(
      'mlperf-inference--v2.1--edge--closed-power--image-classification--singlestream'
    )
    const cm = (JSON.parse(readFileSync(cmFile, 'utf8')) as CmRow[]).filter(
      (r) => typeof r['Result_Power'] === 'number'
    )
    expect(cm.length).toBeGreaterThan(0)
    expect(new Set(cm.map((r) => r['Result_Power_Units']))).toEqual(new Set(['millijoules']))
    // The same results as the v2.1 checker wrote them: a power row in joules per query.
    const fields = [
      'Organization',
      'Division',
      'Platform',
      'Model',
      'MlperfModel',
      'Scenario',
      'Result',
      'Units',
      'Location'
    ]
    const rows = cm.flatMap((r) => {
      const at = [r['Organization'], 'closed', r['Platform'], r['Model'], r['MlperfModel']]
      return [
        [...at, 'SingleStream', r['Result'], 'Latency (ms)', r['Location']],
        [...at, 'SingleStream', Number(r['Result_Power']) / 1000, 'Joules', r['Location']]
      ]
    })
    const csvDir = path.join(dir, 'inference_results_v2.1/closed')
    await cp(cmFile, path.join(dir, 'cm/cm-result.json'))
    await mkdir(csvDir, { recursive: true })
    await writeFile(path.join(csvDir, 'summary.csv'), Papa.unparse({ fields, data: rows }) + '\n')

    const fromCsv = openDb(':memory:')
    await runImport(fromCsv, [path.join(csvDir, 'summary.csv')], {}, signal)
    const fromCm = openDb(':memory:')
    await runImport(fromCm, [path.join(dir, 'cm/cm-result.json')], {}, signal)
    type Row = { system_id: string; power_value: number; power_unit: string }
    const q = 'SELECT system_id, power_value, power_unit FROM inference_results ORDER BY system_id'
    const a = fromCsv.prepare(q).all() as Row[]
    const b = fromCm.prepare(q).all() as Row[]
    expect(a.length).toBe(b.length)
    a.forEach((row, i) => {
      expect(row.power_unit).toBe('millijoules')
      expect(b[i]?.power_unit).toBe('millijoules')
      // J × 1000 against the table's mJ: the same number up to the last bit of the division.
      expect(Math.abs(row.power_value - (b[i]?.power_value ?? 0))).toBeLessThanOrEqual(
        row.power_value * 1e-15
      )
    })
    fromCsv.close()
    fromCm.close()
  })

  it('gives the same energy for the same logs whether the clone says v2.1 or v3.0', async () => {
    const krai = path.join(corpus, 'inference/v3.0/closed/Krai')
    const sys = 'firefly-armnn-v22.11-neon'
    const copy = async (clone: string): Promise<string> => {
      const root = path.join(dir, clone)
      const sub = path.join(root, 'closed/Krai')
      await cp(path.join(krai, `systems/${sys}.json`), path.join(sub, `systems/${sys}.json`))
      const rel = `results/${sys}/resnet50/singlestream`
      await cp(path.join(krai, rel), path.join(sub, rel), { recursive: true })
      return root
    }
    const read = async (clone: string): Promise<{ power_value: number; power_unit: string }> => {
      const db = openDb(':memory:')
      await runImport(db, [await copy(clone)], {}, signal)
      const row = db.prepare('SELECT power_value, power_unit FROM inference_results').get() as {
        power_value: number
        power_unit: string
      }
      db.close()
      return row
    }
    const v30 = await read('inference_results_v3.0')
    const v21 = await read('inference_results_v2.1')
    expect(v30.power_unit).toBe('millijoules')
    expect(v21.power_unit).toBe('millijoules')
    // Before: 0.0xx "Joules" next to xx "millijoules". The v2.1 checker kept readings ≤ 0 in
    // the average; this run has none inside its window, so only rounding can differ.
    expect(Math.abs(v21.power_value - v30.power_value)).toBeLessThanOrEqual(v30.power_value * 1e-12)
  })
})
