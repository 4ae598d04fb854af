import { describe, expect, it } from 'vitest'
import { writeNotes } from '../../../../../../src-main/core/ingest/import/import-notes'
import type { WriteTotals } from '../../../../../../src-main/core/ingest/import/import-state'

const none: WriteTotals = {
  kept: 0,
  enriched: 0,
  disagreements: [],
  repeatedSummaryRows: 0,
  filledFromCopies: 0
}

describe('writeNotes', () => {
  it('says nothing about a job whose writes met no copies, tables or logs', () => {
    expect(writeNotes(none)).toEqual([])
  })

  it('gives one note per kind of merge, with its count, in a fixed order', () => {
    const notes = writeNotes({ ...none, kept: 3, repeatedSummaryRows: 5, enriched: 2 })
    expect(notes).toHaveLength(3)
    expect(notes[0]).toMatch(/^5 summary row\(s\) repeat a result/)
    expect(notes[1]).toMatch(/^3 summary row\(s\) matched results already imported/)
    expect(notes[2]).toMatch(/^2 result\(s\) read from logs kept fields/)
  })

  it('lists every disagreement after its count', () => {
    const notes = writeNotes({
      ...none,
      filledFromCopies: 1,
      disagreements: [
        { result: 'v4.1 closed A s resnet50 Offline', note: 'table 10, logs 11' },
        { result: 'v4.1 closed A s bert-99 Server', note: 'table 1, logs 2' }
      ]
    })
    expect(notes[0]).toMatch(/^1 of those result\(s\) took fields the first copy lacked/)
    expect(notes[1]).toMatch(/^2 value\(s\) differ between a results table and the logs/)
    expect(notes.slice(2)).toEqual([
      'v4.1 closed A s resnet50 Offline: table 10, logs 11',
      'v4.1 closed A s bert-99 Server: table 1, logs 2'
    ])
  })
})
