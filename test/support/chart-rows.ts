import type { ChartRow } from '../../src-main/shared/charts/chart-points'
import { encodePoints } from '../../src-main/shared/charts/chart-points'
import type { AcceleratorAlias, ChartData } from '../../src-main/shared/charts/chart-data'
import type { ChartView } from '../../src-main/shared/charts/chart-view'
import { chartView } from '../../src-main/shared/charts/chart-view'
import type { Price } from '../../src-main/shared/charts/prices'

let nextId = 1

/**
 * A published closed resnet Offline result (submitted as resnet50, the name the table shows);
 * tests override what they assert on.
 */
export function chartRow(over: Partial<ChartRow> = {}): ChartRow {
  return {
    id: nextId++,
    round: 'v4.1',
    division: 'closed',
    category: 'available',
    submitter: 'Acme',
    systemId: 'acme_x8',
    systemName: 'Acme X8',
    accelerator: 'NVIDIA H100-SXM-80GB',
    acceleratorsTotal: 8,
    benchmark: 'resnet',
    usedModel: 'resnet50',
    scenario: 'Offline',
    unit: 'Samples/s',
    metric: 'samples_per_second',
    value: 1000,
    powerValue: null,
    powerUnit: null,
    valid: true,
    inferred: false,
    sourceKind: 'tree',
    publicId: null,
    ...over,
    // The table's name follows the benchmark a test picks (resnet is submitted as resnet50).
    ...(over.usedModel === undefined && over.benchmark !== undefined
      ? { usedModel: over.benchmark }
      : {})
  }
}

export function chartData(
  rows: readonly ChartRow[],
  extra: { prices?: Price[]; aliases?: AcceleratorAlias[]; suite?: 'inference' | 'training' } = {}
): ChartData {
  return {
    suite: extra.suite ?? 'inference',
    points: encodePoints(rows),
    total: rows.length,
    truncated: false,
    description: '',
    provenance: {
      firstImported: '2025-01-02T10:00:00.000Z',
      lastImported: '2025-01-02T10:00:00.000Z',
      sampleRows: 0,
      appVersion: '0.1.0'
    },
    prices: extra.prices ?? [],
    aliases: extra.aliases ?? []
  }
}

export const NOW = '2025-03-04T05:06:07.000Z'

export function view(over: Partial<ChartView> = {}): ChartView {
  return chartView(over)
}
