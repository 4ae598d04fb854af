import { describe, expect, it } from 'vitest'
import { acceleratorMapper } from '../../../../src-main/charts/accelerator-alias'
import type { Price } from '../../../../src-main/shared/charts/prices'
import { perDollar, priceLookup } from '../../../../src-main/charts/per-dollar'
import { systemPriceKey } from '../../../../src-main/shared/charts/prices'

const prices: Price[] = [
  { id: 1, basis: 'system', key: 'Acme/x8', usd: 200_000, note: null, updatedAt: '' },
  { id: 2, basis: 'accelerator-hour', key: 'h100-sxm', usd: 2.5, note: null, updatedAt: '' }
]
const canon = acceleratorMapper([])
const row = {
  submitter: 'Acme',
  systemId: 'x8',
  accelerator: 'NVIDIA H100-SXM-80GB',
  acceleratorsTotal: 8,
  unit: 'Samples/s',
  value: 100_000
}

describe('perDollar', () => {
  it('system price: throughput per dollar of hardware', () => {
    expect(systemPriceKey('Acme', 'x8')).toBe('Acme/x8')
    expect(perDollar(row, 'system', priceLookup(prices, 'system'), canon)).toEqual({
      value: 0.5,
      unit: 'Samples/s per $'
    })
  })

  it('accelerator-hour: work per dollar of rented time (result × 3600 ÷ (rate × count))', () => {
    expect(
      perDollar(row, 'accelerator-hour', priceLookup(prices, 'accelerator-hour'), canon)
    ).toEqual({
      value: (100_000 * 3600) / (2.5 * 8),
      unit: 'samples per $'
    })
  })

  it('says why there is no value: no price, latency, CPU-only', () => {
    const lookup = priceLookup(prices, 'system')
    expect(perDollar({ ...row, systemId: 'other' }, 'system', lookup, canon)).toMatchObject({
      value: null,
      reason: /no price/
    })
    expect(perDollar({ ...row, unit: 'Latency (ms)' }, 'system', lookup, canon)).toMatchObject({
      value: null,
      reason: /latency/
    })
    expect(
      perDollar(
        { ...row, accelerator: 'N/A', acceleratorsTotal: 0 },
        'accelerator-hour',
        priceLookup(prices, 'accelerator-hour'),
        canon
      )
    ).toMatchObject({ value: null, reason: /CPU-only/ })
  })
})
