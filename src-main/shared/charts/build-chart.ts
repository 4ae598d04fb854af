/**
 * One entry point for every results chart: `(view, data) → BuiltChart`. The renderer calls it
 * on the data of `charts.data`; the CLI and the report bundle call it on the main side and render
 * the option to SVG and PNG, so a saved view looks the same everywhere.
 */
import type { BuildInput, BuiltChart } from './chart-types'
import { buildDistribution } from './distribution-chart'
import { buildEfficiency } from './efficiency-chart'
import { buildReference } from './reference-chart'
import { buildScale } from './scale-chart'
import { buildSpeedup } from './speedup-chart'

export function buildChart(input: BuildInput): BuiltChart {
  switch (input.view.kind) {
    case 'distribution':
      return buildDistribution(input)
    case 'speedup':
      return buildSpeedup(input)
    case 'scale':
      return buildScale(input)
    case 'efficiency':
      return buildEfficiency(input)
    case 'reference':
      return buildReference(input)
  }
}
