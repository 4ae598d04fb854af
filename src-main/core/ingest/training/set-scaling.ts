/**
 * The RCP scaling factor of a training result set: scaling.json's scaling_factor, written by the
 * review when a submission's convergence was slower than the reference; the official score is
 * the olympic mean times this factor. A set without the file, or with an unusable one, has 1.
 */
import path from 'node:path'

import { readTextSafe } from '../file-safety'

/** scaling_factor from scaling.json's text, or why it is not usable. */
export function scalingFactorOf(raw: string): number | { problem: string } {
  try {
    const parsed = JSON.parse(raw.replace(/^\uFEFF/, '')) as unknown
    if (parsed !== null && typeof parsed === 'object' && 'scaling_factor' in parsed) {
      const f = parsed.scaling_factor
      if (typeof f === 'number' && Number.isFinite(f) && f > 0) return f
    }
    return { problem: 'scaling.json has no usable scaling_factor; factor 1 used.' }
  } catch {
    return { problem: 'scaling.json is not valid JSON; factor 1 used.' }
  }
}

/** The factor of the set in `dir`; 1 when scaling.json is absent or unusable (said in `notes`). */
export async function readScalingFactor(dir: string, notes: string[]): Promise<number> {
  const raw = await readTextSafe(path.join(dir, 'scaling.json'))
  if (raw === null) return 1
  const f = scalingFactorOf(raw)
  if (typeof f === 'number') return f
  notes.push(f.problem)
  return 1
}
