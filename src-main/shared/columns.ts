import type { ColumnInfo, Suite } from './api'

/**
 * Columns of the inference results table, in the order the CLI's CSV writes them (the first 21
 * are the documented CSV contract). The SQL side maps each name to a column of its own; this
 * list is what the renderer draws.
 */
export const INFERENCE_COLUMNS: readonly ColumnInfo[] = [
  { name: 'round', label: 'Round', type: 'text', facet: true, defaultVisible: true },
  { name: 'division', label: 'Division', type: 'text', facet: true, defaultVisible: true },
  { name: 'category', label: 'Category', type: 'text', facet: true, defaultVisible: false },
  { name: 'submitter', label: 'Submitter', type: 'text', facet: true, defaultVisible: true },
  { name: 'system_id', label: 'System ID', type: 'text', facet: false, defaultVisible: false },
  { name: 'system_name', label: 'System', type: 'text', facet: false, defaultVisible: true },
  { name: 'benchmark', label: 'Benchmark', type: 'text', facet: true, defaultVisible: true },
  { name: 'scenario', label: 'Scenario', type: 'text', facet: true, defaultVisible: true },
  { name: 'metric', label: 'Metric', type: 'text', facet: true, defaultVisible: false },
  { name: 'unit', label: 'Unit', type: 'text', facet: true, defaultVisible: true },
  {
    name: 'value',
    label: 'Result',
    type: 'number',
    facet: false,
    defaultVisible: true,
    format: 'official'
  },
  {
    name: 'power_value',
    label: 'Power',
    type: 'number',
    facet: false,
    defaultVisible: false,
    format: 'official'
  },
  { name: 'power_unit', label: 'Power unit', type: 'text', facet: true, defaultVisible: false },
  { name: 'accuracy', label: 'Accuracy', type: 'text', facet: false, defaultVisible: false },
  { name: 'valid', label: 'Valid', type: 'boolean', facet: true, defaultVisible: false },
  { name: 'inferred', label: 'Inferred', type: 'boolean', facet: true, defaultVisible: false },
  { name: 'accelerator', label: 'Accelerator', type: 'text', facet: true, defaultVisible: true },
  {
    name: 'accelerators_per_node',
    label: 'Acc./node',
    type: 'number',
    facet: true,
    defaultVisible: false,
    format: 'count'
  },
  {
    name: 'nodes',
    label: 'Nodes',
    type: 'number',
    facet: true,
    defaultVisible: false,
    format: 'count'
  },
  {
    name: 'accelerators_total',
    label: 'Total acc.',
    type: 'number',
    facet: true,
    defaultVisible: true,
    format: 'count'
  },
  { name: 'source', label: 'Source', type: 'text', facet: false, defaultVisible: false },
  { name: 'system_type', label: 'System type', type: 'text', facet: true, defaultVisible: false },
  {
    name: 'host_processor',
    label: 'Host processor',
    type: 'text',
    facet: true,
    defaultVisible: false
  },
  { name: 'framework', label: 'Framework', type: 'text', facet: true, defaultVisible: false },
  {
    name: 'weight_data_types',
    label: 'Precision',
    type: 'text',
    facet: true,
    defaultVisible: false
  },
  { name: 'mlperf_model', label: 'MLPerf model', type: 'text', facet: true, defaultVisible: false },
  { name: 'public_id', label: 'MLPerf ID', type: 'text', facet: false, defaultVisible: false },
  { name: 'source_kind', label: 'Imported from', type: 'text', facet: true, defaultVisible: false },
  {
    name: 'operating_system',
    label: 'Operating system',
    type: 'text',
    facet: true,
    defaultVisible: false
  },
  // Where the row came from: bundled (the published catalogue), imported, downloaded, local.
  // Shown as a facet (counts of bundled, imported, downloaded, local rows) and in the detail
  // panel; as a column it would push the default set past a 1440 px window.
  { name: 'origin', label: 'Origin', type: 'text', facet: true, defaultVisible: false }
]

/** Column names of the CLI/UI CSV, in order. */
export const INFERENCE_CSV_COLUMNS: readonly string[] = INFERENCE_COLUMNS.map((c) => c.name)

/**
 * Columns of the training results table, in the order the CLI's CSV writes them (the first 15
 * are the documented CSV contract). `value` is the official score in minutes (olympic mean of the
 * converged runs × scaling factor); `source` is the result set's folder or the summary file.
 */
export const TRAINING_COLUMNS: readonly ColumnInfo[] = [
  { name: 'round', label: 'Round', type: 'text', facet: true, defaultVisible: true },
  { name: 'division', label: 'Division', type: 'text', facet: true, defaultVisible: true },
  { name: 'category', label: 'Category', type: 'text', facet: true, defaultVisible: false },
  { name: 'submitter', label: 'Submitter', type: 'text', facet: true, defaultVisible: true },
  { name: 'system_id', label: 'System ID', type: 'text', facet: false, defaultVisible: false },
  { name: 'system_name', label: 'System', type: 'text', facet: false, defaultVisible: true },
  { name: 'benchmark', label: 'Benchmark', type: 'text', facet: true, defaultVisible: true },
  {
    name: 'runs',
    label: 'Runs',
    type: 'number',
    facet: true,
    defaultVisible: true,
    format: 'count'
  },
  {
    name: 'value',
    label: 'Score (min)',
    type: 'number',
    facet: false,
    defaultVisible: true,
    format: 'training-score'
  },
  { name: 'unit', label: 'Unit', type: 'text', facet: false, defaultVisible: false },
  {
    name: 'scaling_factor',
    label: 'Scaling factor',
    type: 'number',
    facet: false,
    defaultVisible: false,
    format: 'derived'
  },
  { name: 'accelerator', label: 'Accelerator', type: 'text', facet: true, defaultVisible: true },
  {
    name: 'accelerators_total',
    label: 'Total acc.',
    type: 'number',
    facet: true,
    defaultVisible: true,
    format: 'count'
  },
  {
    name: 'nodes',
    label: 'Nodes',
    type: 'number',
    facet: true,
    defaultVisible: false,
    format: 'count'
  },
  { name: 'source', label: 'Source', type: 'text', facet: false, defaultVisible: false },
  { name: 'framework', label: 'Framework', type: 'text', facet: true, defaultVisible: false },
  {
    name: 'aborted_runs',
    label: 'Aborted runs',
    type: 'number',
    facet: true,
    defaultVisible: false,
    format: 'count'
  },
  {
    name: 'rcp_normalised',
    label: 'RCP-normalised',
    type: 'boolean',
    facet: true,
    defaultVisible: false
  },
  { name: 'valid', label: 'Valid', type: 'boolean', facet: true, defaultVisible: false },
  { name: 'source_kind', label: 'Imported from', type: 'text', facet: true, defaultVisible: false },
  // A power submission's energy as the official summarizer reports it (joules).
  { name: 'energy_value', label: 'Energy', type: 'number', facet: false, defaultVisible: false },
  { name: 'energy_unit', label: 'Energy unit', type: 'text', facet: true, defaultVisible: false },
  // Shown as a facet (counts of bundled, imported, downloaded, local rows) and in the detail
  // panel; as a column it would push the default set past a 1440 px window.
  { name: 'origin', label: 'Origin', type: 'text', facet: true, defaultVisible: false }
]

/** Column names of the training CLI/UI CSV, in order. */
export const TRAINING_CSV_COLUMNS: readonly string[] = TRAINING_COLUMNS.map((c) => c.name)

/** Each suite's columns (the table, the column chooser and Compare read them). */
export const SUITE_COLUMNS: Readonly<Record<Suite, readonly ColumnInfo[]>> = {
  inference: INFERENCE_COLUMNS,
  training: TRAINING_COLUMNS
}

/** Each suite's CSV column names, in order. */
export const SUITE_CSV_COLUMNS: Readonly<Record<Suite, readonly string[]>> = {
  inference: INFERENCE_CSV_COLUMNS,
  training: TRAINING_CSV_COLUMNS
}
