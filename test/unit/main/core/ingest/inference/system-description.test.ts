import { describe, expect, it } from 'vitest'

import {
  parseSystemDescription,
  SystemDescriptionError
} from '../../../../../../src-main/core/ingest/inference/system-description'

describe('parseSystemDescription', () => {
  it('handles a BOM, CRLF, numbers as strings and "datacenter,edge"', () => {
    const text =
      '\ufeff{\r\n  "division": "closed",\r\n  "submitter": "Dell",\r\n  "status": "available",\r\n' +
      '  "system_name": "Dell PowerEdge XE2420 (1x T4, TensorRT)",\r\n  "number_of_nodes": "1",\r\n' +
      '  "accelerators_per_node": "1",\r\n  "accelerator_model_name": "NVIDIA T4",\r\n' +
      '  "host_processor_core_count": 20,\r\n  "system_type": "datacenter,edge",\r\n' +
      '  "host_processors_per_node": "2"\r\n}\r\n'
    const s = parseSystemDescription(text)
    expect(s.fields['number_of_nodes']).toBe('1')
    expect(s.nodes).toBe(1)
    expect(s.acceleratorsPerNode).toBe(1)
    expect(s.hostProcessorsPerNode).toBe(2)
    expect(s.hostProcessorCoreCount).toBe('20')
    expect(s.systemType).toBe('datacenter,edge')
    expect(s.category).toBe('available')
    expect(s.division).toBe('closed')
  })

  it('maps old statuses and keeps nested values as JSON text', () => {
    const s = parseSystemDescription(
      JSON.stringify({
        status: 'on-premise',
        system_type: 'Edge',
        number_of_nodes: 128,
        accelerators_per_node: '0',
        extra: { a: 1 },
        list: [1, 2],
        is_network: true,
        hw_notes: null
      })
    )
    expect(s.category).toBe('available')
    expect(s.systemType).toBe('edge')
    expect(s.nodes).toBe(128)
    expect(s.acceleratorsPerNode).toBe(0)
    expect(s.fields['extra']).toBe('{"a":1}')
    expect(s.fields['list']).toBe('[1,2]')
    expect(s.fields['is_network']).toBe(true)
    expect(s.fields['hw_notes']).toBeNull()
    expect(parseSystemDescription('{"status": "Preview"}').category).toBe('preview')
  })

  it('keeps v0.5 files without system_type and non-numeric counts', () => {
    const s = parseSystemDescription('{"status": "available", "accelerators_per_node": "n/a"}')
    expect(s.systemType).toBeNull()
    expect(s.acceleratorsPerNode).toBeNull()
  })

  it('throws a readable error for invalid JSON', () => {
    expect(() => parseSystemDescription('{"division": "closed",')).toThrow(SystemDescriptionError)
    expect(() => parseSystemDescription('[1, 2]')).toThrow(/not a JSON object/)
  })
})
