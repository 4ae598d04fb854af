/**
 * Training rounds found without the folder name (issue 9 point 4): every result set of the
 * corpus, read as if no folder named its round, must get the round its folder names, from its
 * logs alone (syntax, run dates against the round calendar, benchmark set, targets), and the same
 * score. Skipped when ../shared/corpus is not next to the repository.
 */
import { existsSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  createTrainingReadContext,
  readTrainingResultSet,
  scanTrainingTree
} from '../../src-main/core/ingest/training/index'

const repoRoot = path.resolve(import.meta.dirname, '../..')
const corpus = path.resolve(repoRoot, '../shared/corpus/training')
const hasCorpus = existsSync(corpus)

describe.skipIf(!hasCorpus)('training rounds decided from the logs (corpus)', () => {
  it('gives every corpus set its published round and the same score', async () => {
    const scan = await scanTrainingTree(corpus)
    expect(scan.sets.length).toBeGreaterThanOrEqual(39)
    const ctx = createTrainingReadContext()
    const wrong: string[] = []
    for (const loc of scan.sets) {
      expect(loc.round).not.toBeNull()
      const named = await readTrainingResultSet(loc, ctx)
      const blind = await readTrainingResultSet({ ...loc, round: null }, ctx)
      if (!('record' in named) || !('record' in blind)) {
        wrong.push(`${loc.dir}: not read`)
        continue
      }
      const a = named.record
      const b = blind.record
      if (b.round !== a.round || b.value !== a.value || b.valid !== a.valid) {
        wrong.push(`${loc.dir}: ${a.round} ${a.value} → ${b.round} ${b.value}`)
      }
      if (b.round !== 'v0.5' && b.round !== 'v0.6') {
        expect(b.detail.notes.join(' ')).toContain(`Round ${b.round} decided from the logs`)
      }
    }
    expect(wrong).toEqual([])
  })
})
