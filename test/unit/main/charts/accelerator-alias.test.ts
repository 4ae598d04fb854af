import { describe, expect, it } from 'vitest'
import {
  acceleratorMapper,
  canonicalAccelerator,
  genericAcceleratorId
} from '../../../../src-main/charts/accelerator-alias'

describe('canonical accelerator ids', () => {
  it('merges vendor prefixes, memory sizes and SXM generations spelled differently', () => {
    const h100 = [
      'NVIDIA H100-SXM-80GB',
      'H100 SXM5 80GB',
      'NVIDIA H100-SXM5-80 GB',
      'Nvidia H100 SXM'
    ].map((n) => canonicalAccelerator(n))
    expect(new Set(h100)).toEqual(new Set(['h100-sxm']))
    expect(canonicalAccelerator('NVIDIA A100-SXM4-40GB')).toBe(
      canonicalAccelerator('NVIDIA A100-SXM-80GB')
    )
    expect(canonicalAccelerator('NVIDIA A100-PCIe-80GB')).toBe('a100-pcie')
    expect(canonicalAccelerator('NVIDIA H100-PCIe-80GB')).not.toBe(
      canonicalAccelerator('NVIDIA H100-SXM-80GB')
    )
  })

  it('drops brand words, counts and power limits', () => {
    for (const t4 of ['NVIDIA T4', 'NVIDIA Tesla T4', 'Nvidia Tesla T4', 'Tesla T4']) {
      expect(canonicalAccelerator(t4)).toBe('t4')
    }
    expect(canonicalAccelerator('AMD Instinct MI300X-NPS1-SPX-192GB-750W')).toBe(
      'instinct-mi300x-nps1-spx'
    )
    expect(canonicalAccelerator('AMD Instinct MI355X 288GB HBM3e (x87)')).toBe('instinct-mi355x')
    expect(canonicalAccelerator('NVIDIA Jetson AGX Orin 64G')).toBe(
      canonicalAccelerator('NVIDIA Jetson AGX Orin')
    )
  })

  it('uses the built-in table where the generic rule is not enough', () => {
    expect(genericAcceleratorId('NVIDIA AGX Xavier')).toBe('agx-xavier')
    expect(canonicalAccelerator('NVIDIA AGX Xavier')).toBe('jetson-agx-xavier')
    expect(canonicalAccelerator('NVIDIA GeForce RTX 4090 (Ada Lovelace)')).toBe(
      canonicalAccelerator('NVIDIA GeForce RTX 4090')
    )
  })

  it('treats CPU-only markers as no accelerator', () => {
    for (const none of ['N/A', '-', '', 'none']) expect(canonicalAccelerator(none)).toBeNull()
    expect(canonicalAccelerator(null)).toBeNull()
  })

  it('lets user overrides win, case-insensitively, to split or merge names', () => {
    const overrides = [
      { raw: 'nvidia a100-sxm4-40gb', canonical: 'a100-sxm-40gb' },
      { raw: 'Acme Foo', canonical: 't4' }
    ]
    expect(canonicalAccelerator('NVIDIA A100-SXM4-40GB', overrides)).toBe('a100-sxm-40gb')
    expect(canonicalAccelerator('NVIDIA A100-SXM-80GB', overrides)).toBe('a100-sxm')
    expect(canonicalAccelerator('Acme Foo', overrides)).toBe('t4')
    const map = acceleratorMapper(overrides)
    expect(map('Acme Foo')).toBe('t4')
    expect(map('N/A')).toBeNull()
  })
})
