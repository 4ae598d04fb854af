/**
 * One name per fact in a comparison, whatever the import source. The same fact arrives under
 * different keys: a systems/<id>.json file says `accelerator_model_name`, the checker's summary
 * CSV the same, the final-report JSON `Accelerator`, `a#`, `Total Accelerators`, `Processor`,
 * `Software`… Each known key maps to one canonical field with a label; facts the results table
 * already shows as a column (accelerator, nodes, framework…) are left to that column, so a
 * comparison never shows the same fact on two rows.
 */

export type SystemField = {
  /** Canonical key: the same for every spelling of the fact. */
  key: string
  label: string
  /** The results-table column that already shows this fact, if any. */
  column?: string
}

/** Known spellings (lower-case, non-alphanumerics as "_") → the canonical field. */
const KNOWN: readonly [readonly string[], SystemField][] = [
  [['organization', 'submitter'], { key: 'submitter', label: 'Submitter', column: 'submitter' }],
  // The final report's "Category" is the division (closed/open), not the availability.
  [['division', 'category'], { key: 'division', label: 'Division', column: 'division' }],
  [['availability', 'status'], { key: 'availability', label: 'Availability', column: 'category' }],
  [
    ['systemtype', 'system_type', 'suite'],
    { key: 'system_type', label: 'System type', column: 'system_type' }
  ],
  [
    ['systemname', 'system_name', 'system'],
    { key: 'system_name', label: 'System', column: 'system_name' }
  ],
  [['platform', 'system_id'], { key: 'system_id', label: 'System ID', column: 'system_id' }],
  [['number_of_nodes', 'nodes'], { key: 'nodes', label: 'Nodes', column: 'nodes' }],
  [
    ['host_processor_model_name', 'processor'],
    { key: 'host_processor', label: 'Host processor', column: 'host_processor' }
  ],
  [
    ['host_processors_per_node', 'p_'],
    { key: 'host_processors_per_node', label: 'Host processors per node' }
  ],
  [
    ['host_processor_core_count'],
    { key: 'host_processor_core_count', label: 'Host processor cores' }
  ],
  [
    ['accelerator_model_name', 'accelerator'],
    { key: 'accelerator', label: 'Accelerator', column: 'accelerator' }
  ],
  [
    ['accelerators_per_node', 'a_'],
    {
      key: 'accelerators_per_node',
      label: 'Accelerators per node',
      column: 'accelerators_per_node'
    }
  ],
  [
    ['total_accelerators', 'accelerators_total'],
    { key: 'accelerators_total', label: 'Total accelerators', column: 'accelerators_total' }
  ],
  [['framework', 'software'], { key: 'framework', label: 'Framework', column: 'framework' }],
  [
    ['operating_system'],
    { key: 'operating_system', label: 'Operating system', column: 'operating_system' }
  ],
  [
    ['weight_data_types'],
    { key: 'weight_data_types', label: 'Precision', column: 'weight_data_types' }
  ],
  [['notes'], { key: 'notes', label: 'Notes' }],
  [['hw_notes'], { key: 'hw_notes', label: 'Hardware notes' }],
  [['sw_notes'], { key: 'sw_notes', label: 'Software notes' }],
  [['design_power_watts'], { key: 'design_power_watts', label: 'Design power (W)' }],
  [['details'], { key: 'details_url', label: 'Details' }],
  [['code', 'git_url'], { key: 'code_url', label: 'Code' }],
  [['unique_id_e_g_for_audit_'], { key: 'unique_id', label: 'Unique ID' }]
]

const BY_SPELLING = new Map<string, SystemField>(
  KNOWN.flatMap(([spellings, field]) => spellings.map((s): [string, SystemField] => [s, field]))
)

/** "Total Accelerators" → "total_accelerators", "a#" → "a_". */
function normalise(key: string): string {
  return key
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
}

/** "host_memory_capacity" → "Host memory capacity": a readable label for any other key. */
function humanise(key: string): string {
  const words = key
    .replace(/[_\s]+/g, ' ')
    .trim()
    .toLowerCase()
  return words === '' ? key : (words[0]?.toUpperCase() ?? '') + words.slice(1)
}

/** The canonical field of a system-description key as some source spells it. */
export function systemField(raw: string): SystemField {
  const n = normalise(raw)
  const known = BY_SPELLING.get(n)
  if (known) return known
  return { key: n, label: humanise(raw) }
}

/** A flag as a reader says it: Yes / No (the stores keep 1/0 or true/false). */
export function flagText(value: string | number | boolean | null | undefined): string | null {
  if (value === null || value === undefined || value === '') return null
  if (value === true || value === 1 || value === '1' || value === 'true') return 'Yes'
  if (value === false || value === 0 || value === '0' || value === 'false') return 'No'
  return String(value)
}
