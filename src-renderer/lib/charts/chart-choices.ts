import type { ChartData } from '../../../src-main/shared/charts/chart-types'
import { decodePoints, systemLabel } from '../../../src-main/shared/charts/chart-points'
import type { SystemKey } from '../../../src-main/shared/charts/chart-view'
import { systemKeyText } from '../../../src-main/shared/charts/chart-view'
import { acceleratorMapper } from '../../../src-main/shared/charts/accelerator-alias'
import { compareRounds } from '../../../src-main/mlperf'

export type SystemChoice = { key: SystemKey; text: string; label: string; results: number }
export type CountChoice = { count: number; results: number }
export type AcceleratorChoice = { raw: string; canonical: string | null; results: number }

export type ChartChoices = {
  systems: SystemChoice[]
  counts: CountChoice[]
  accelerators: AcceleratorChoice[]
}

/**
 * What the chart controls can offer for the data at hand: reference systems (newest round
 * first, then by name), accelerator counts of closed results, and the raw accelerator names
 * with their canonical ids (for the alias editor).
 */
export function chartChoices(data: ChartData | null): ChartChoices {
  if (!data) return { systems: [], counts: [], accelerators: [] }
  const rows = decodePoints(data.points)
  const systems = new Map<string, SystemChoice>()
  const counts = new Map<number, number>()
  const accs = new Map<string, number>()
  for (const r of rows) {
    const key = { round: r.round, submitter: r.submitter, systemId: r.systemId }
    const text = systemKeyText(key)
    const s = systems.get(text)
    if (s) s.results++
    else {
      systems.set(text, {
        key,
        text,
        label: `${r.round} · ${systemLabel(r)}${r.sourceKind === 'local' ? ' (unverified)' : ''}`,
        results: 1
      })
    }
    if (r.division === 'closed' && r.acceleratorsTotal !== null && r.acceleratorsTotal > 0) {
      counts.set(r.acceleratorsTotal, (counts.get(r.acceleratorsTotal) ?? 0) + 1)
    }
    if (r.accelerator) accs.set(r.accelerator, (accs.get(r.accelerator) ?? 0) + 1)
  }
  const canon = acceleratorMapper(data.aliases)
  return {
    systems: [...systems.values()].sort(
      (a, b) => compareRounds(b.key.round, a.key.round) || a.label.localeCompare(b.label)
    ),
    counts: [...counts]
      .map(([count, results]) => ({ count, results }))
      .sort((a, b) => a.count - b.count),
    accelerators: [...accs]
      .map(([raw, results]) => ({ raw, canonical: canon(raw), results }))
      .sort(
        (a, b) => (a.canonical ?? '').localeCompare(b.canonical ?? '') || a.raw.localeCompare(b.raw)
      )
  }
}
