/**
 * ImportJob (src-renderer/lib/state/ImportJob.svelte.ts) against a fake API: progress events
 * that arrive before imports.start has answered are buffered and applied to the right job,
 * the poll catches a missed `finished` event, and a cancel says whether it came too late.
 */
import { flushSync } from 'svelte'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { ImportProgress, ImportReport, PathCheck } from '../../src-main/shared/api'
import { ImportJob } from '../../src-renderer/lib/state/ImportJob.svelte'
import { deferred, fakeApi, fakeEvents, settle } from './support/fakes'

const counts = { filesRead: 0, resultsFound: 0, imported: 0, updated: 0, unchanged: 0, skipped: 0 }

function progress(jobId: string, itemsDone: number, totalItems: number | null): ImportProgress {
  return { ...counts, jobId, phase: 'parsing', itemsDone, totalItems, currentPath: null }
}

function report(jobId: string, status: ImportReport['status'], imported = 3): ImportReport {
  return {
    ...counts,
    imported,
    jobId,
    paths: ['/data/a'],
    status,
    skippedItems: [],
    notes: [],
    startedAt: '2026-01-01T00:00:00Z',
    finishedAt: status === 'running' ? null : '2026-01-01T00:01:00Z',
    error: null,
    sources: [],
    itemsDone: 4,
    totalItems: 4
  }
}

const ok = (path: string): PathCheck => ({ path, ok: true, kind: 'folder', message: 'a folder' })

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] })
})
afterEach(() => {
  vi.useRealTimers()
})

describe('ImportJob', () => {
  it('checks queued paths; ready only once every path checked out', async () => {
    const slow = deferred<PathCheck>()
    const { api } = fakeApi({
      'imports.checkPath': (i: { path: string }) =>
        i.path === '/bad'
          ? Promise.reject(new Error('No such folder'))
          : i.path === '/slow'
            ? slow.promise
            : ok(i.path)
    })
    const job = new ImportJob(api, fakeEvents())
    await job.add('  /data/a  ')
    await job.add('/data/a')
    expect(job.queue).toEqual(['/data/a'])
    expect(job.ready).toBe(true)

    const pending = job.add('/slow')
    flushSync()
    expect(job.checks['/slow']).toBeNull()
    expect(job.ready).toBe(false)
    slow.resolve(ok('/slow'))
    await pending
    expect(job.ready).toBe(true)

    await job.add('/bad')
    expect(job.checks['/bad']).toEqual({
      path: '/bad',
      ok: false,
      kind: null,
      message: 'No such folder'
    })
    expect(job.ready).toBe(false)
    job.remove('/bad')
    expect(job.ready).toBe(true)
    expect(Object.keys(job.checks).sort()).toEqual(['/data/a', '/slow'])
  })

  it('drops a check that answers after its path was removed', async () => {
    const slow = deferred<PathCheck>()
    const { api } = fakeApi({ 'imports.checkPath': () => slow.promise })
    const job = new ImportJob(api, fakeEvents())
    const pending = job.add('/gone')
    job.remove('/gone')
    slow.resolve(ok('/gone'))
    await pending
    expect(job.checks).toEqual({})
  })

  it('buffers progress and the report sent before imports.start answers, for its own job only', async () => {
    const started = deferred<{ jobId: string }>()
    const { api } = fakeApi({ 'imports.start': () => started.promise })
    const events = fakeEvents()
    const finished: ImportReport[] = []
    const job = new ImportJob(api, events, (r) => finished.push(r))
    const run = job.start(['/data/a'])
    expect(job.phase).toBe('starting')
    // The backend is fast: its events overtake the reply that names the job.
    events.emit('imports.progress', progress('other', 9, 9))
    events.emit('imports.progress', progress('j1', 1, 4))
    events.emit('imports.progress', progress('j1', 2, 4))
    expect(job.progress).toBeNull()
    started.resolve({ jobId: 'j1' })
    await run
    expect(job.jobId).toBe('j1')
    expect(job.phase).toBe('running')
    expect(job.progress?.itemsDone).toBe(2)
    expect(job.percentDone).toBe(50)
    // Later events of another job change nothing.
    events.emit('imports.progress', progress('other', 3, 4))
    expect(job.progress?.jobId).toBe('j1')
    events.emit('imports.progress', progress('j1', 3, 4))
    expect(job.percentDone).toBe(75)
    expect(finished).toEqual([])
  })

  it('finishes at once when the report came before the job id; no poll is left running', async () => {
    const started = deferred<{ jobId: string }>()
    const { api, inputs } = fakeApi({
      'imports.start': () => started.promise,
      'imports.get': () => report('j2', 'running')
    })
    const events = fakeEvents()
    const finished: ImportReport[] = []
    const job = new ImportJob(api, events, (r) => finished.push(r), 100)
    const run = job.start(['/data/a'])
    events.emit('imports.progress', progress('j2', 1, 1))
    events.emit('imports.finished', report('j2', 'done', 7))
    started.resolve({ jobId: 'j2' })
    await run
    expect(job.phase).toBe('finished')
    expect(job.report?.imported).toBe(7)
    expect(job.percentDone).toBe(100)
    expect(finished.map((r) => r.jobId)).toEqual(['j2'])
    expect(events.listeners('imports.progress') + events.listeners('imports.finished')).toBe(0)
    vi.advanceTimersByTime(1000)
    expect(inputs('imports.get')).toEqual([])
  })

  it('polls imports.get when the finished event is missed, and finishes once', async () => {
    let status: ImportReport['status'] = 'running'
    const { api, inputs } = fakeApi({
      'imports.start': () => ({ jobId: 'j3' }),
      'imports.get': (i: { jobId: string }) => report(i.jobId, status)
    })
    const events = fakeEvents()
    const finished: ImportReport[] = []
    const job = new ImportJob(api, events, (r) => finished.push(r), 100)
    await job.start(['/data/a'])
    vi.advanceTimersByTime(100)
    await settle()
    expect(inputs('imports.get')).toEqual([{ jobId: 'j3' }])
    expect(job.phase).toBe('running')
    status = 'done'
    vi.advanceTimersByTime(100)
    await settle()
    expect(job.phase).toBe('finished')
    // The event arriving late does not finish it twice.
    events.emit('imports.finished', report('j3', 'done'))
    expect(finished).toHaveLength(1)
    vi.advanceTimersByTime(500)
    await settle()
    expect(inputs('imports.get')).toHaveLength(2)
  })

  it('a start that fails goes back to choosing, with the message and no listeners', async () => {
    const { api } = fakeApi({
      'imports.start': () => Promise.reject(new Error('The database is read-only'))
    })
    const events = fakeEvents()
    const job = new ImportJob(api, events)
    await job.start(['/data/a'])
    expect(job.phase).toBe('choose')
    expect(job.error).toBe('The database is read-only')
    expect(events.listeners('imports.progress')).toBe(0)
  })

  it('a second start while one runs is ignored', async () => {
    const { api, inputs } = fakeApi({ 'imports.start': () => ({ jobId: 'j4' }) })
    const job = new ImportJob(api, fakeEvents())
    await job.start(['/data/a'])
    await job.start(['/data/b'])
    expect(inputs('imports.start')).toEqual([{ paths: ['/data/a'] }])
    job.dispose()
  })

  it('passes a round given in the dialog, trimmed', async () => {
    const { api, inputs } = fakeApi({ 'imports.start': () => ({ jobId: 'j5' }) })
    const job = new ImportJob(api, fakeEvents())
    job.round = ' v4.1 '
    await job.start(['/data/a'])
    expect(inputs('imports.start')).toEqual([{ paths: ['/data/a'], round: 'v4.1' }])
    job.dispose()
  })

  it('a cancel reports whether it stopped the job or came too late', async () => {
    for (const [final, outcome] of [
      ['cancelled', 'cancelled'],
      ['done', 'too-late']
    ] as const) {
      const { api } = fakeApi({
        'imports.start': () => ({ jobId: 'j6' }),
        'imports.cancel': () => ({ cancelled: final === 'cancelled' }),
        'imports.get': () => report('j6', final)
      })
      const job = new ImportJob(api, fakeEvents())
      await job.start(['/data/a'])
      await job.cancel()
      expect(job.phase).toBe('finished')
      expect(job.cancelOutcome).toBe(outcome)
      expect(job.cancelling).toBe(false)
      expect(job.error).toBeNull()
    }
  })

  it('reset forgets the finished job', async () => {
    const { api } = fakeApi({ 'imports.start': () => ({ jobId: 'j7' }) })
    const events = fakeEvents()
    const job = new ImportJob(api, events)
    await job.start(['/data/a'])
    events.emit('imports.finished', report('j7', 'done'))
    job.reset()
    expect([job.phase, job.jobId, job.report, job.queue]).toEqual(['choose', null, null, []])
    expect(job.percentDone).toBeNull()
  })
})
