import type { InferenceResultRecord } from '../../src-main/shared/inference'

/**
 * N distinct records made from real ones: each copy gets its own submitter/system suffix and a
 * scaled value, so keys stay unique and facets/sorts have realistic spread.
 */
export function syntheticRecords(
  base: readonly InferenceResultRecord[],
  n: number
): InferenceResultRecord[] {
  if (base.length === 0) throw new Error('syntheticRecords needs at least one base record')
  const out: InferenceResultRecord[] = []
  for (let i = 0; i < n; i++) {
    const b = base[i % base.length] as InferenceResultRecord
    const copy = Math.floor(i / base.length)
    out.push({
      ...b,
      submitter: copy === 0 ? b.submitter : `${b.submitter} ${copy % 97}`,
      systemId: `${b.systemId}-${copy}`,
      systemName: b.systemName ? `${b.systemName} #${copy}` : `system #${copy}`,
      value: b.value === null ? null : b.value * (1 + ((i * 7919) % 1000) / 1000),
      source: `${b.source}#${copy}`,
      publicId: null
    })
  }
  return out
}
