import { describe, expect, it } from 'vitest'
import {
  paneFromParams,
  paramsFromPane,
  type RunsPane
} from '../../../../../src-renderer/lib/url/runs-pane'

describe('runs screen parameters', () => {
  it('reads a run, an overlay of two or more runs, or the new-run form', () => {
    expect(paneFromParams({ id: '12' })).toEqual({ kind: 'detail', id: 12 })
    expect(paneFromParams({ overlay: '12,15,12' })).toEqual({ kind: 'overlay', ids: [12, 15] })
    expect(paneFromParams({ overlay: '12,12' })).toEqual({ kind: 'new' })
    expect(paneFromParams({ id: 'x' })).toEqual({ kind: 'new' })
    expect(paneFromParams({})).toEqual({ kind: 'new' })
  })

  it('writes what it reads', () => {
    const panes: RunsPane[] = [
      { kind: 'detail', id: 3 },
      { kind: 'overlay', ids: [4, 9] },
      { kind: 'new' }
    ]
    for (const pane of panes) {
      expect(paneFromParams(paramsFromPane(pane))).toEqual(pane)
    }
  })
})
