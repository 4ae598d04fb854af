import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  createTrainingReadContext,
  readSetSystem,
  usableSystem
} from '../../../../../../src-main/core/ingest/training/set-system'
import { location } from './set-fixture'

let root = ''
const SYSTEM = {
  division: 'closed',
  submitter: 'Acme',
  status: 'onprem',
  system_name: 'Box',
  number_of_nodes: '2',
  accelerators_per_node: '8',
  accelerator_model_name: 'W',
  framework: 'F'
}

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'set-system-'))
  await writeFile(path.join(root, 'box.json'), JSON.stringify(SYSTEM))
  await writeFile(path.join(root, 'broken.json'), '{"division": ')
  await writeFile(
    path.join(root, 'entry.json'),
    JSON.stringify({ hardware: 'TPU', framework: 'TF' })
  )
  await writeFile(path.join(root, 'submission.json'), JSON.stringify({ submitter: 'Google' }))
})
afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true })
})

describe('readSetSystem', () => {
  it('reads systems/<id>.json once per import, then answers from the cache', async () => {
    const ctx = createTrainingReadContext()
    const loc = location({ systemFile: path.join(root, 'box.json') })
    const sys = await readSetSystem(loc, ctx)
    expect(sys).toMatchObject({ systemName: 'Box', nodes: 2, acceleratorsTotal: 16 })
    await writeFile(path.join(root, 'box.json'), '{}')
    expect(await readSetSystem(loc, ctx)).toBe(sys)
    await writeFile(path.join(root, 'box.json'), JSON.stringify(SYSTEM))
  })

  it('names the file in the error of a broken or missing description, and caches it too', async () => {
    const ctx = createTrainingReadContext()
    const broken = await readSetSystem(
      location({ systemFile: path.join(root, 'broken.json') }),
      ctx
    )
    expect(broken !== null && 'error' in broken ? broken.error : null).toMatch(/^broken\.json: /)
    const missing = path.join(root, 'missing.json')
    expect(await readSetSystem(location({ systemFile: missing }), ctx)).toEqual({
      error: `cannot read ${missing}`
    })
    expect(ctx.systemCache.size).toBe(2)
  })

  it('reads a v0.5 entry.json with its submission.json, and nothing without a file', async () => {
    const ctx = createTrainingReadContext()
    const v05 = location({
      layout: 'v0.5',
      systemFile: path.join(root, 'entry.json'),
      submissionFile: path.join(root, 'submission.json')
    })
    const sys = await readSetSystem(v05, ctx)
    expect(sys).not.toBeNull()
    expect(sys !== null && !('error' in sys) ? sys.framework : null).toBe('TF')
    expect(await readSetSystem(location(), ctx)).toBeNull()
  })
})

describe('usableSystem', () => {
  it('says when there is no description or it is unreadable', () => {
    const notes: string[] = []
    expect(usableSystem(null, notes)).toBeNull()
    expect(usableSystem({ error: 'x.json: bad' }, notes)).toBeNull()
    expect(notes).toEqual([
      'No system description found (systems/<id>.json or entry.json).',
      'System description unreadable: x.json: bad'
    ])
  })

  it('passes a description on with its remarks', async () => {
    const sys = await readSetSystem(
      location({ systemFile: path.join(root, 'box.json') }),
      createTrainingReadContext()
    )
    if (sys === null || 'error' in sys) throw new Error('no system')
    const notes: string[] = ['before']
    expect(usableSystem({ ...sys, remarks: ['a remark'] }, notes)?.systemName).toBe('Box')
    expect(notes).toEqual(['before', 'a remark'])
  })
})
