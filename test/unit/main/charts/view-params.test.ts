import { describe, expect, it } from 'vitest'
import {
  DEFAULT_CHART_VIEW,
  chartView,
  parseSystemKey,
  systemKeyText
} from '../../../../src-main/shared/charts/chart-view'
import { decodePoints, encodePoints } from '../../../../src-main/shared/charts/chart-points'
import { viewFromParams, viewToParams } from '../../../../src-main/charts/view-params'
import { chartRow } from '../../../support/chart-rows'

describe('chart view ↔ URL params', () => {
  it('writes only what differs from the defaults and reads it back', () => {
    expect(viewToParams(DEFAULT_CHART_VIEW)).toEqual({ chart: 'distribution' })
    const v = chartView({
      kind: 'speedup',
      filters: [{ column: 'round', op: 'eq', value: 'v4.1' }],
      search: 'nvidia',
      normalisation: 'reference',
      reference: { round: 'v4.1', submitter: 'NVIDIA', systemId: 'dgx/h100' },
      speedupMode: 'same-accelerator',
      accelerators: 64,
      priceBasis: 'accelerator-hour',
      title: 'My chart'
    })
    const params = viewToParams(v)
    expect(params).toMatchObject({ chart: 'speedup', acc: '64', ref: 'v4.1/NVIDIA/dgx/h100' })
    expect(viewFromParams(v.filters, 'nvidia', params)).toEqual(v)
  })

  it('falls back to defaults on malformed values', () => {
    const v = viewFromParams([], '', { chart: 'pie', acc: '-3', norm: 'x', ref: 'broken' })
    expect(v).toEqual(DEFAULT_CHART_VIEW)
    expect(parseSystemKey(systemKeyText({ round: 'v1', submitter: 's', systemId: 'a/b' }))).toEqual(
      { round: 'v1', submitter: 's', systemId: 'a/b' }
    )
  })
})

describe('columnar chart points', () => {
  it('round-trips rows through dictionary-encoded columns', () => {
    const rows = [
      chartRow({ id: 1 }),
      chartRow({ id: 2, accelerator: null, submitter: 'Other' }),
      chartRow({ id: 3 })
    ]
    const points = encodePoints(rows)
    expect(points.text.submitter.dict).toEqual(['Acme', 'Other'])
    expect(points.text.accelerator.codes).toEqual([0, -1, 0])
    expect(decodePoints(points)).toEqual(rows)
  })
})
