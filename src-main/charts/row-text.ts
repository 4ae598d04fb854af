/** How a chart, a tooltip and a comparison name the system and accelerators behind a result. */
import type { ChartRow } from '../shared/charts/chart-points'

/**
 * "Dell PowerEdge XE9680 (8x H100)": how a chart names the system behind a point; the submitter
 * is not repeated when the system name already starts with it ("NVIDIA NVIDIA H200…").
 */
export function systemLabel(row: Pick<ChartRow, 'submitter' | 'systemName' | 'systemId'>): string {
  const name = row.systemName ?? row.systemId
  return name.toLowerCase().startsWith(row.submitter.toLowerCase())
    ? name
    : `${row.submitter} ${name}`
}

/** "NVIDIA H100-SXM5-80GB × 8" (or "CPU only"): the accelerator and total count. */
export function acceleratorText(row: Pick<ChartRow, 'accelerator' | 'acceleratorsTotal'>): string {
  const total = row.acceleratorsTotal ?? 0
  if (!row.accelerator || (total <= 0 && /^(n\/?a|none|-)?$/i.test(row.accelerator.trim()))) {
    return 'CPU only'
  }
  return total > 0 ? `${row.accelerator} × ${total}` : row.accelerator
}
