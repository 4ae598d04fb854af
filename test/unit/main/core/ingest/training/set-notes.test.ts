import { describe, expect, it } from 'vitest'
import type { ParsedTrainingLog } from '../../../../../../src-main/core/ingest/training/parse-log'
import {
  perFileNotes,
  strayFolderNote,
  targetNotes
} from '../../../../../../src-main/core/ingest/training/set-notes'
import { trainingTarget } from '../../../../../../src-main/mlperf'
import { location } from './set-fixture'

describe('strayFolderNote', () => {
  it('names the ignored sub-folders, but not power/', () => {
    expect(strayFolderNote(location({ strayDirs: ['power'] }))).toBeNull()
    expect(strayFolderNote(location({ strayDirs: ['bert', 'power', 'old'] }))).toBe(
      'Sub-folder(s) bert, old inside the set ignored: only result files directly in the benchmark folder are scored.'
    )
  })
})

describe('targetNotes', () => {
  it('says when no target is known', () => {
    expect(targetNotes(null, 'foo', 'v4.0')).toEqual([
      'No quality target known for foo: convergence was not checked.'
    ])
  })

  it("gives a doubtful target's remark, whatever the round", () => {
    const v05 = trainingTarget('v0.5', 'resnet')
    expect(v05?.confidence).toBe('low')
    expect(targetNotes(v05, 'resnet', 'v0.5')).toEqual([`Target: ${v05?.note ?? ''}`])
  })

  it("gives a sure target's remark only when no round was decided", () => {
    const t = trainingTarget('v4.0', 'resnet')
    expect(t).not.toBeNull()
    if (t === null) return
    const noted = { ...t, note: 'from the syntax' }
    expect(targetNotes(noted, 'resnet', null)).toEqual(['from the syntax'])
    expect(targetNotes(noted, 'resnet', 'v4.0')).toEqual([])
    expect(targetNotes({ ...t, note: null }, 'resnet', null)).toEqual([])
  })
})

describe('perFileNotes', () => {
  it('says each remark once, after the files it concerns, in first-met order', () => {
    const withNotes = (notes: string[]) => ({ notes }) as unknown as ParsedTrainingLog
    const notes = perFileNotes(
      [withNotes(['clock', 'skipped']), null, withNotes(['clock'])],
      ['result_0.txt', 'result_1.txt', 'result_2.txt']
    )
    expect(notes).toEqual(['result_0.txt, result_2.txt: clock', 'result_0.txt: skipped'])
  })
})
