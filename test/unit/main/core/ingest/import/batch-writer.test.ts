import { describe, expect, it } from 'vitest'
import type { WritableDb } from '../../../../../../src-main/core/db/types'
import { emptyCounts } from '../../../../../../src-main/core/repo/upsert-sql'
import type { UpsertCounts } from '../../../../../../src-main/core/repo/upsert-sql'
import { BatchWriter } from '../../../../../../src-main/core/ingest/import/batch-writer'
import type { SuiteStore } from '../../../../../../src-main/core/ingest/import/batch-writer'

type Rec = { id: string; damaged?: boolean }

/** A store that records each call; the guard keeps back records marked damaged. */
function fakeStore() {
  const calls: string[] = []
  const store: SuiteStore<Rec> = {
    guard: (_db, records, problems) => {
      calls.push(`guard ${records.map((r) => r.id).join(',')} (${problems.size} problems)`)
      const kept = records.filter((r) => r.damaged).map((r) => ({ path: r.id, reason: 'damaged' }))
      return { write: records.filter((r) => !r.damaged), kept, changed: [], untouched: 0 }
    },
    upsert: (_db, records, importId, origin) => {
      calls.push(`upsert ${records.map((r) => r.id).join(',')} import ${importId} ${origin}`)
      return { ...emptyCounts(), imported: records.length }
    },
    fillGaps: (_db, copies) => {
      calls.push(`fill ${copies.map((r) => r.id).join(',')}`)
      return copies.length - 1
    }
  }
  return { calls, store }
}

function writer(size: number) {
  const { calls, store } = fakeStore()
  const written: [string, UpsertCounts][] = []
  const kept: string[] = []
  let filled = 0
  let importId: number | null = null
  const w = new BatchWriter<Rec, string>(
    store,
    {
      db: {} as WritableDb,
      problems: new Map([['/x', 'too big']]),
      importId: () => importId,
      origin: 'downloaded'
    },
    {
      guarded: (g) => kept.push(...g.kept.map((k) => k.path)),
      written: (owner, c) => written.push([owner, c]),
      filled: (n) => (filled += n)
    },
    size,
    'nobody'
  )
  return {
    w,
    calls,
    written,
    kept,
    filled: () => filled,
    setImportId: (n: number) => (importId = n)
  }
}

describe('BatchWriter', () => {
  it('says when a batch is full and writes it under the import id current at the write', () => {
    const t = writer(2)
    expect(t.w.add({ id: 'a' }, 'p1')).toBe(false)
    expect(t.w.add({ id: 'b' }, 'p1')).toBe(true)
    expect(t.calls).toEqual([])
    t.setImportId(7)
    t.w.flush()
    expect(t.calls).toEqual(['guard a,b (1 problems)', 'upsert a,b import 7 downloaded'])
    expect(t.written.map(([o, c]) => [o, c.imported])).toEqual([['p1', 2]])
    expect(t.w.wroteAny).toBe(true)
  })

  it('writes what is pending for one owner before taking a record of another', () => {
    const t = writer(10)
    t.w.add({ id: 'a' }, 'p1')
    t.w.add({ id: 'b' }, 'p2')
    expect(t.calls).toEqual(['guard a (1 problems)', 'upsert a import null downloaded'])
    t.w.flush()
    expect(t.written.map(([o, c]) => [o, c.imported])).toEqual([
      ['p1', 1],
      ['p2', 1]
    ])
  })

  it('writes only what the guard lets through and reports what it kept', () => {
    const t = writer(10)
    t.w.add({ id: 'a', damaged: true }, 'p1')
    t.w.add({ id: 'b' }, 'p1')
    t.w.flush()
    expect(t.kept).toEqual(['a'])
    expect(t.calls[1]).toBe('upsert b import null downloaded')
  })

  it('fills from copies after the pending records, and writes nothing when empty', () => {
    const t = writer(10)
    t.w.flush()
    expect(t.calls).toEqual([])
    expect(t.w.wroteAny).toBe(false)
    t.w.add({ id: 'a' }, 'p1')
    t.w.addCopy({ id: 'c1' })
    t.w.addCopy({ id: 'c2' })
    t.w.flush()
    expect(t.calls.slice(1)).toEqual(['upsert a import null downloaded', 'fill c1,c2'])
    expect(t.filled()).toBe(1)
    t.w.flush()
    expect(t.calls).toHaveLength(3)
  })

  it('counts a fill that changed rows as a write even with no records', () => {
    const none = writer(10)
    none.w.addCopy({ id: 'c1' })
    none.w.flush()
    expect(none.w.wroteAny).toBe(false)
    const some = writer(10)
    some.w.addCopy({ id: 'c1' })
    some.w.addCopy({ id: 'c2' })
    some.w.flush()
    expect(some.w.wroteAny).toBe(true)
  })

  it('keeps a batch whose write failed, so the job can try it again', () => {
    const { store } = fakeStore()
    let fail = true
    const counts: number[] = []
    const w = new BatchWriter<Rec, string>(
      {
        ...store,
        upsert: (db, r, id, o) => {
          if (fail) throw new Error('disk full')
          return store.upsert(db, r, id, o)
        }
      },
      { db: {} as WritableDb, problems: new Map(), importId: () => null, origin: 'imported' },
      { guarded: () => {}, written: (_o, c) => counts.push(c.imported), filled: () => {} },
      10,
      'nobody'
    )
    w.add({ id: 'a' }, 'p1')
    expect(() => w.flush()).toThrow('disk full')
    fail = false
    w.flush()
    expect(counts).toEqual([1])
  })
})
