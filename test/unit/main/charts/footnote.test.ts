import { describe, expect, it } from 'vitest'
import { citationFootnote, commentBlock } from '../../../../src-main/charts/footnote'
import { NOW, chartRow } from '../../../support/chart-rows'

const provenance = {
  firstImported: '2025-01-02T10:00:00.000Z',
  lastImported: '2025-02-03T10:00:00.000Z',
  sampleRows: 3,
  appVersion: '0.1.0'
}

describe('citation footnote', () => {
  it('names suite, rounds, divisions, benchmarks and scenarios, IDs, source and dates', () => {
    const rows = [
      chartRow({ round: 'v4.1', publicId: 'v4.1-0002' }),
      chartRow({ round: 'v3.0', publicId: '3.0-0101', scenario: 'Server', division: 'open' }),
      chartRow({ round: 'v4.1', benchmark: 'bert-99', publicId: null })
    ]
    const f = citationFootnote({
      suite: 'inference',
      rows,
      provenance,
      derived: [],
      exportedAt: NOW
    })
    const text = f.full.join('\n')
    expect(f.full[0]).toBe(
      'MLPerf™ Inference v3.0, v4.1 Closed, Open; bert-99 (Offline), resnet50 (Offline, Server).'
    )
    expect(text).toContain('github.com/mlcommons/inference_results_v3.0, inference_results_v4.1')
    expect(text).toContain('imported into MLPerf Explorer between 2025-01-02 and 2025-02-03')
    expect(text).toContain('bundled catalogue of MLPerf Explorer 0.1.0')
    expect(text).toContain('exported 2025-03-04')
    expect(text).toContain('Result IDs: 3.0-0101, v4.1-0002 (1 results have no published ID')
    expect(text).toContain('trademarks of MLCommons Association')
    expect(text).not.toContain('not verified')
  })

  it('marks the user’s runs unverified and lists derived metrics and exclusions', () => {
    const rows = [chartRow(), chartRow({ sourceKind: 'local', round: 'local' })]
    const f = citationFootnote({
      suite: 'inference',
      rows,
      provenance,
      derived: ['samples/J = result ÷ measured W'],
      exclusions: [
        { subject: 'resnet MultiStream: v1.0 → v3.0', reason: 'MultiStream changed meaning' }
      ],
      exportedAt: NOW
    })
    const text = f.full.join('\n')
    expect(text).toContain(
      '1 result is your own run: Unverified. Result not verified by MLCommons Association.'
    )
    expect(text).toContain('Derived, not official MLPerf metrics: samples/J = result ÷ measured W.')
    expect(text).toContain('resnet MultiStream: v1.0 → v3.0 (MultiStream changed meaning)')
  })

  it('the short form clips long ID lists and groups many exclusions by reason', () => {
    const rows = Array.from({ length: 30 }, (_, i) =>
      chartRow({ publicId: `v4.1-${String(i).padStart(4, '0')}` })
    )
    const exclusions = Array.from({ length: 20 }, (_, i) => ({
      subject: `s${i}`,
      reason: i % 2 ? 'A' : 'B'
    }))
    const f = citationFootnote({
      suite: 'inference',
      rows,
      provenance,
      derived: [],
      exclusions,
      exportedAt: NOW
    })
    expect(f.short.join('\n')).toContain('and 18 more')
    expect(f.short.join('\n')).toContain('10 × A; 10 × B')
    expect(f.full.join('\n')).toContain('v4.1-0029')
    expect(f.full.join('\n')).toContain('s19 (A)')
  })

  it('as a CSV comment block, every line starts with "# "', () => {
    expect(commentBlock(['a', 'b'])).toBe('# a\n# b\n')
  })
})
