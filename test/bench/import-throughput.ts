import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, relative } from 'node:path'
import { openDb } from '../../src-main/core/db/open-db'
import { runImport } from '../../src-main/core/ingest/import-job'
import { scanInferenceTree } from '../../src-main/core/ingest/inference'
import { nowMs } from './stats'

function filesUnder(dir: string): string[] {
  const out: string[] = []
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name)
    if (e.isDirectory()) out.push(...filesUnder(p))
    else if (e.isFile()) out.push(p)
  }
  return out
}

/**
 * A synthetic submission tree of `target` results made by replicating real result folders
 * (and their system files) under new system ids.
 */
export async function buildSyntheticTree(
  sources: string[],
  target: number
): Promise<{ root: string; results: number }> {
  const root = mkdtempSync(join(tmpdir(), 'mlx-bench-tree-'))
  const locations = (await Promise.all(sources.map((s) => scanInferenceTree(s)))).flatMap(
    (s) => s.locations
  )
  if (locations.length === 0) throw new Error('no result folders to replicate')
  let made = 0
  for (let copy = 0; made < target; copy++) {
    for (const loc of locations) {
      if (made >= target) break
      const submitterDir = loc.submitterDir
      if (!submitterDir) continue
      const sys = `${loc.systemId}-c${copy}`
      const division = loc.division ?? 'closed'
      const dest = join(
        root,
        division,
        loc.submitter ?? 'x',
        'results',
        sys,
        loc.benchmark,
        loc.scenarioDir
      )
      for (const f of filesUnder(loc.dir)) {
        if (/ranging|power[/\\]/.test(f)) continue
        const to = join(dest, relative(loc.dir, f))
        mkdirSync(dirname(to), { recursive: true })
        copyFileSync(f, to)
      }
      const sysFile = join(submitterDir, 'systems', `${loc.systemId}.json`)
      const sysDest = join(root, division, loc.submitter ?? 'x', 'systems', `${sys}.json`)
      mkdirSync(dirname(sysDest), { recursive: true })
      try {
        copyFileSync(sysFile, sysDest)
      } catch {
        /* a result whose system file is missing is skipped by the importer, as in real trees */
      }
      made++
    }
  }
  return { root, results: made }
}

export type ImportBench = {
  results: number
  files: number
  bytes: number
  readMs: number
  importMs: number
  imported: number
}

/** Import throughput next to a bare read of the same files in the same run. */
export async function benchImport(root: string): Promise<ImportBench> {
  const files = filesUnder(root)
  let bytes = 0
  const r0 = nowMs()
  for (const f of files) bytes += readFileSync(f).length
  const readMs = nowMs() - r0
  const dbDir = mkdtempSync(join(tmpdir(), 'mlx-bench-db-'))
  const db = openDb(join(dbDir, 'bench.db'))
  const i0 = nowMs()
  const report = await runImport(db, [root], {}, new AbortController().signal)
  const importMs = nowMs() - i0
  db.close()
  rmSync(dbDir, { recursive: true, force: true })
  return {
    results: report.resultsFound,
    files: files.length,
    bytes,
    readMs,
    importMs,
    imported: report.imported
  }
}
