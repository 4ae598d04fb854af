/**
 * One entry point for every results chart: `(view, data) → BuiltChart`. The renderer calls it
 * on the data of `charts.data`; the CLI and the report bundle call it on the main side and render
 * the option to SVG and PNG, so a saved view looks the same everywhere. The option comes out
 * styled for its target: the theme's colours on screen, the export rules for a figure.
 */
import { DEFAULT_SIZE, fitYAxisNames } from './chart-frame'
import type { BuildInput, BuiltChart } from './chart-types'
import { styleOption } from './chart-style'
import { LIGHT_CHART_THEME } from './chart-theme'
import { buildDistribution } from './distribution-chart'
import { buildEfficiency } from './efficiency-chart'
import { buildReference } from './reference-chart'
import { buildScale } from './scale-chart'
import { buildSpeedup } from './speedup-chart'

function buildKind(input: BuildInput): BuiltChart {
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

export function buildChart(input: BuildInput): BuiltChart {
  const target = input.target ?? 'screen'
  // A figure for a report is always light, on white.
  const theme = target === 'export' ? LIGHT_CHART_THEME : (input.theme ?? LIGHT_CHART_THEME)
  // Changed in place, not spread: a spread would build the lazy table (withLazyTable).
  const built = buildKind({ ...input, theme, target })
  // Nothing drawn, nothing derived: no "Derived" badge over an empty chart.
  if (built.points === 0) built.derived = []
  const size = input.size ?? DEFAULT_SIZE
  built.option = styleOption(
    fitYAxisNames(built.option, Math.max(size.height, built.height)),
    theme,
    target
  )
  return built
}
