/** The steps of "Fetch logs" that need no server or database (fetch-logs.ts composes them). */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import type { Fetched } from '../../../../../src-main/core/published/download'
import {
  fetchProgress,
  gatherFiles,
  locate,
  missingRequiredMessage,
  notFoundMessage,
  writeFolder
} from '../../../../../src-main/core/published/fetch-folder'
import { folderPlanFor } from '../../../../../src-main/core/published/fetch-start'
import type { FetchStart } from '../../../../../src-main/core/published/fetch-start'
import {
  failedView,
  importedMessage,
  remarks
} from '../../../../../src-main/core/published/fetch-views'
import type { FetchOne, FolderPlan } from '../../../../../src-main/core/published/folder-plan'
import { figuresOf } from '../../../../../src-main/core/published/logs-row'
import { mirrorPath } from '../../../../../src-main/core/published/mirror-path'
import type { FetchedLogFile, FetchLogsProgress } from '../../../../../src-main/shared/published'

const dir = mkdtempSync(path.join(tmpdir(), 'fetch-steps-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const ROW = {
  round: 'v4.0',
  division: 'closed',
  submitter: 'Acme',
  system_id: 'box',
  benchmark: 'bert',
  source_kind: 'summary',
  value: 12.5,
  unit: 'minutes',
  valid: 1
}

const fetched = (p: string, status: Fetched['status'], body = 'x'): Fetched => ({
  url: `https://host/${p}`,
  localPath: mirrorPath(dir, { repo: 'o/r', path: p }),
  status,
  body: status === 'missing' ? null : Buffer.from(body),
  bytes: status === 'missing' ? null : body.length,
  sha256: null,
  validators: null
})

/** A server holding `present` (path → body): everything else is a 404. */
function server(present: Record<string, string>): { fetchOne: FetchOne; asked: string[] } {
  const asked: string[] = []
  const fetchOne: FetchOne = (p) => {
    asked.push(p)
    const body = present[p]
    return Promise.resolve(body === undefined ? fetched(p, 'missing') : fetched(p, 'new', body))
  }
  return { fetchOne, asked }
}

function trainingPlan(): FolderPlan {
  const start: FetchStart = {
    row: ROW,
    detail: null,
    key: {
      suite: 'training',
      round: 'v4.0',
      division: 'closed',
      submitter: 'Acme',
      systemId: 'box',
      benchmark: 'bert',
      scenario: ''
    },
    previous: null,
    official: figuresOf(ROW)
  }
  const plan = folderPlanFor('training', start)
  if ('error' in plan) throw new Error(plan.error)
  return plan
}

const SET = 'Acme/results/box/bert'

describe('figuresOf', () => {
  it("reads a row's figures, empty text as null", () => {
    expect(figuresOf({ ...ROW, metric: '', public_id: '4.0-0001' })).toEqual({
      value: 12.5,
      unit: 'minutes',
      metric: null,
      powerValue: null,
      powerUnit: null,
      accuracy: null,
      valid: true,
      publicId: '4.0-0001'
    })
    expect(figuresOf({ valid: null }).valid).toBeNull()
  })
})

describe('finding and taking the folder', () => {
  it('tries the candidate markers in order and says which were tried when none is there', async () => {
    const plan = trainingPlan()
    const { fetchOne, asked } = server({ [`${SET}/result_1.txt`]: 'log' })
    const seen: FetchLogsProgress[] = []
    const hit = await locate(
      plan,
      fetchOne,
      fetchProgress(7, (p) => seen.push(p))
    )
    expect(hit?.marker.status).toBe('new')
    expect(asked).toEqual([`${SET}/result_0.txt`, `${SET}/result_1.txt`])
    expect(seen[0]).toEqual({ id: 7, file: `${SET}/result_0.txt`, done: 0, total: 1 })
    const none = await locate(plan, server({}).fetchOne, () => undefined)
    expect(none).toBeNull()
    expect(notFoundMessage(plan)).toBe(
      `The result's logs are not in mlcommons/training_results_v4.0 (HTTP 404 for ${SET}/result_0.txt, ${SET}/result_1.txt); nothing was changed.`
    )
  })

  it('lists every wanted file with what came back', async () => {
    const plan = trainingPlan()
    const { fetchOne } = server({
      [`${SET}/result_0.txt`]: 'a',
      [`${SET}/result_1.txt`]: 'b'
    })
    const hit = await locate(plan, fetchOne, () => undefined)
    if (hit === null) throw new Error('no folder')
    const got = await gatherFiles(plan, hit, fetchOne, () => undefined)
    expect(got.files.map((f) => [f.role, f.status, f.required])).toEqual([
      ['run log 0', 'new', true],
      ['run log 1', 'new', false],
      ['system description', 'missing', true],
      ['scaling', 'missing', false]
    ])
    expect(missingRequiredMessage(got.files, plan.repo)).toBe(
      'The system description (Acme/systems/box.json) is not in mlcommons/training_results_v4.0 (HTTP 404); nothing was changed.'
    )
  })
})

describe('missingRequiredMessage', () => {
  const file = (role: string, status: FetchedLogFile['status'], required: boolean) => ({
    role,
    path: `p/${role}`,
    status,
    bytes: null,
    required
  })

  it('is null when every required file came, and names all those that did not', () => {
    expect(
      missingRequiredMessage([file('a', 'new', true), file('b', 'missing', false)], 'o/r')
    ).toBeNull()
    expect(
      missingRequiredMessage([file('a', 'missing', true), file('b', 'missing', true)], 'o/r')
    ).toBe('The a (p/a) and The b (p/b) are not in o/r (HTTP 404); nothing was changed.')
  })
})

describe('writeFolder', () => {
  it('writes what came and removes the old copy of a file gone upstream', () => {
    const gone = mirrorPath(dir, { repo: 'o/r', path: 'set/old.txt' })
    mkdirSync(path.dirname(gone), { recursive: true })
    writeFileSync(gone, 'stale')
    const kept = writeFolder(dir, 'o/r', {
      wanted: [],
      fetched: new Map([
        ['set/result_0.txt', fetched('set/result_0.txt', 'new', 'run')],
        ['set/old.txt', null]
      ]),
      files: [
        { role: 'run', path: 'set/result_0.txt', status: 'new', bytes: 3, required: true },
        { role: 'old', path: 'set/old.txt', status: 'missing', bytes: null, required: false }
      ]
    })
    expect(kept.map((f) => f.status)).toEqual(['new'])
    expect(readFileSync(mirrorPath(dir, { repo: 'o/r', path: 'set/result_0.txt' }), 'utf8')).toBe(
      'run'
    )
    expect(existsSync(gone)).toBe(false)
  })
})

describe('what the panel shows', () => {
  it('a failed fetch keeps the official figures and shows no logs', () => {
    const v = failedView(3, { repo: 'o/r', folder: 'f' }, figuresOf(ROW), 'why')
    expect(v).toMatchObject({ id: 3, status: 'failed', message: 'why', repo: 'o/r', folder: 'f' })
    expect(v).toMatchObject({
      localDir: null,
      fromLogs: null,
      comparisons: [],
      files: [],
      importJobId: null
    })
  })

  it('remarks say the folder found elsewhere, files absent or changed, and a separate row', () => {
    const plan = trainingPlan()
    const files: FetchedLogFile[] = [
      { role: 'scaling', path: 'x/scaling.json', status: 'missing', bytes: null, required: false },
      { role: 'LoadGen detail', path: 'x/d.txt', status: 'missing', bytes: null, required: false },
      { role: 'run log 0', path: 'x/result_0.txt', status: 'changed', bytes: 1, required: true }
    ]
    const wanted = [
      { role: 'scaling', path: 'x/scaling.json', required: false, absent: 'No scaling.' }
    ]
    const previous = { fetchedAt: '2026-01-02T03:04:05Z' } as Parameters<typeof remarks>[4]
    expect(remarks(plan, 'x', wanted, files, previous, 12, [])).toEqual([
      `The result's folder is x (the table's names give ${SET}).`,
      'No scaling.',
      'x/result_0.txt changed since the last fetch (2026-01-02).',
      "The logs were imported as a separate result (#12): their folder names differ from the table row's."
    ])
    expect(remarks(plan, SET, [], [], null, null, [])).toEqual([])
  })

  it('the summary line counts the files by status', () => {
    const f = (status: FetchedLogFile['status']): FetchedLogFile => ({
      role: 'r',
      path: 'p',
      status,
      bytes: null,
      required: false
    })
    expect(importedMessage('f', 'o/r', [f('new'), f('new'), f('unchanged'), f('missing')])).toBe(
      'Fetched f from o/r: 2 new, 0 changed, 1 unchanged; imported.'
    )
  })
})
