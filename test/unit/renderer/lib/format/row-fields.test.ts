import { describe, expect, it } from 'vitest'
import type { ColumnInfo } from '../../../../../src-main/shared/api'
import { rowFields, rowText } from '../../../../../src-renderer/lib/format/row-fields'

const col = (
  name: string,
  label: string,
  type: ColumnInfo['type'],
  format?: ColumnInfo['format']
): ColumnInfo => ({
  name,
  label,
  type,
  facet: false,
  defaultVisible: true,
  ...(format ? { format } : {})
})
const columns = [
  col('value', 'Result', 'number', 'official'),
  col('valid', 'Valid', 'boolean'),
  col('submitter', 'Submitter', 'text')
]

describe('rowFields', () => {
  it('lists the fields the columns know, in column order, labelled and formatted', () => {
    const row = {
      submitter: 'NVIDIA',
      valid: 0,
      value: 39798.3,
      unit: 'Samples/s',
      content_hash: 'x'
    }
    const f = rowFields(columns, row)
    expect(f.entries).toEqual([
      ['value', 39798.3],
      ['valid', 0],
      ['submitter', 'NVIDIA']
    ])
    expect(f.label('value')).toBe('Result')
    expect(f.label('content_hash')).toBe('content_hash')
    expect(f.format('valid', 0)).toBe('No')
    expect(f.format('valid', 1)).toBe('Yes')
    expect(f.format('value', 39798.3)).toBe('39,798.30')
    expect(f.title('value', 39798.3)).toBe('39,798.3 Samples/s')
    expect(f.format('unknown', null)).toBe('')
    expect(f.format('unknown', true)).toBe('Yes')
  })

  it('gives the text of a field, empty for null or missing', () => {
    expect(rowText({ a: 'x', b: null, n: 3 }, 'a')).toBe('x')
    expect(rowText({ a: 'x', b: null, n: 3 }, 'b')).toBe('')
    expect(rowText({ a: 'x', b: null, n: 3 }, 'n')).toBe('3')
    expect(rowText({}, 'z')).toBe('')
  })
})
