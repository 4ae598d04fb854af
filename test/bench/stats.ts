/** Percentile by LoadGen's rule (element floor(n·p) of the sorted list), in the list's unit. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? NaN
}

export function nowMs(): number {
  return Number(process.hrtime.bigint()) / 1e6
}
