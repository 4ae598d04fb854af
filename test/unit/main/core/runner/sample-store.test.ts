import { describe, expect, it } from 'vitest'
import {
  defaultStoreLimit,
  MAX_STORE_BYTES
} from '../../../../../src-main/core/runner/sample-store'

describe('defaultStoreLimit', () => {
  it('is 40% of the memory, never more than 4 GiB', () => {
    expect(defaultStoreLimit(1000)).toBe(400)
    expect(defaultStoreLimit(1001)).toBe(400)
    expect(defaultStoreLimit(64 * 1024 ** 3)).toBe(MAX_STORE_BYTES)
    expect(defaultStoreLimit()).toBeGreaterThan(0)
  })
})
