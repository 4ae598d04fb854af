import { describe, expect, it } from 'vitest'
import {
  normaliseAvailability,
  parseTrainingSystemFile,
  parseV05Entry,
  SystemInfoError,
  tpuChipsFromName
} from '../../../../../../src-main/core/ingest/training/system-info'

describe('systems/<id>.json', () => {
  it('reads string numbers, a BOM and CRLF; counts accelerators per node × nodes', () => {
    const raw =
      '\uFEFF{\r\n "submitter": "Acme", "division": "closed", "status": "onprem",\r\n' +
      ' "system_name": "Box", "number_of_nodes": "2", "accelerators_per_node": "8",\r\n' +
      ' "accelerator_model_name": "X100", "host_processors_per_node": "2",\r\n' +
      ' "host_processor_model_name": "CPU", "framework": "PyTorch", "hw_notes": "700W", "sw_notes": ""\r\n}'
    const s = parseTrainingSystemFile(raw)
    expect(s.source).toBe('systems-json')
    expect(s.submitter).toBe('Acme')
    expect(s.category).toBe('Available on-premise')
    expect(s.acceleratorsTotal).toBe(16)
    expect(s.hostProcessorsTotal).toBe(4)
    expect(s.notes).toBe('700W')
    expect(s.fields.number_of_nodes).toBe('2')
  })

  it('throws on an object-less file', () => {
    expect(() => parseTrainingSystemFile('[1, 2]')).toThrow(SystemInfoError)
  })
})

describe('v0.6 NVIDIA "key: {value}" system file', () => {
  // Shaped like the v0.6 files: the hardware is a Python dict in a string, nodes another one.
  const raw = [
    'org: {"value": "NVIDIA", "metadata": {"file": "mlperf_log_utils.py", "lineno": 231}}',
    'division: {"value": "closed", "metadata": {"file": "mlperf_log_utils.py", "lineno": 235}}',
    'status: {"value": "onprem", "metadata": {"file": "mlperf_log_utils.py", "lineno": 239}}',
    'platform: {"value": "1xNVIDIA DGX-2H", "metadata": {"file": "mlperf_log_utils.py", "lineno": 243}}',
    "entry: {\"value\": \"{'framework': 'MXNet NVIDIA Release 19.05', 'hardware': 'NVIDIA DGX-2H', 'nodes': \\\"{'num_accelerators': '16', 'accelerator': 'Tesla V100-SXM3-32GB-H', 'num_nodes': '1', 'cpu': '2x Xeon 8174'}\\\", 'notes': 'N/A'}\", \"metadata\": {\"file\": \"mlperf_log_utils.py\", \"lineno\": 247}}"
  ].join('\n')

  it('parses the Python-dict entry', () => {
    const s = parseTrainingSystemFile(raw)
    expect(s.source).toBe('v0.6-key-lines')
    expect(s.submitter).toBe('NVIDIA')
    expect(s.systemName).toBe('1xNVIDIA DGX-2H')
    expect(s.framework).toBe('MXNet NVIDIA Release 19.05')
    expect(s.accelerator).toBe('Tesla V100-SXM3-32GB-H')
    expect(s.acceleratorsTotal).toBe(16)
    expect(s.nodes).toBe(1)
    expect(s.fields['entry.nodes.0.cpu']).toBe('2x Xeon 8174')
  })
})

describe('v0.5 entry.json + submission.json', () => {
  it('counts TPU chips, not cores', () => {
    const entry = JSON.stringify({
      division: 'closed',
      status: 'research',
      hardware: 'tpuv3-32 + tpuv2-8',
      framework: 'TensorFlow 1.12',
      nodes: [{ num_nodes: 2, accelerator: 'tpuv3-32', num_accelerators: 32, cpu: 'Skylake' }]
    })
    const s = parseV05Entry(entry, '{"org": "Google Inc.", "poc_email": "x@example.com"}')
    expect(s.acceleratorsTotal).toBe(16)
    expect(s.category).toBe('Research, Development, or Internal (RDI)')
    expect(s.submitter).toBe('Google Inc.')
    expect(s.remarks[0]).toMatch(/16 chips/)
    expect(s.fields['submission.org']).toBe('Google Inc.')
  })

  it('GPUs: nodes × accelerators', () => {
    const entry = JSON.stringify({
      division: 'closed',
      status: 'on-prem',
      hardware: 'DGX-2H',
      nodes: [{ num_nodes: 2, accelerator: 'Tesla V100', num_accelerators: 16 }]
    })
    const s = parseV05Entry(entry, null)
    expect(s.acceleratorsTotal).toBe(32)
    expect(s.category).toBe('Available on-premise')
  })
})

describe('helpers', () => {
  it('availability labels', () => {
    expect(normaliseAvailability('cloud')).toBe('Available cloud')
    expect(normaliseAvailability('Available in cloud')).toBe('Available cloud')
    expect(normaliseAvailability('Preview')).toBe('Preview')
    expect(normaliseAvailability('rdi')).toBe('Research, Development, or Internal (RDI)')
    expect(normaliseAvailability('')).toBeNull()
  })

  it('TPU chips from names', () => {
    expect(tpuChipsFromName('tpuv3-32')).toBe(16)
    expect(tpuChipsFromName('tpu-v4-128')).toBe(64)
    expect(tpuChipsFromName('A100')).toBeNull()
  })
})
