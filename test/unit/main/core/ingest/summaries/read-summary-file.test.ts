import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { readSummaryFile } from '../../../../../../src-main/core/ingest/summaries/read-summary-file'

const root = mkdtempSync(join(tmpdir(), 'mlperf-summaries-'))
afterAll(() => rmSync(root, { recursive: true, force: true }))

function write(relative: string, text: string): string {
  const path = join(root, relative)
  mkdirSync(join(path, '..'), { recursive: true })
  writeFileSync(path, text)
  return path
}

describe('readSummaryFile', () => {
  it('dispatches a five-column file and reports its size', async () => {
    const text =
      'system_id,benchmark,scenario,perf_metric,perf_value\r\nT4x2_TRT,resnet50,SingleStream,90th percentile latency \\(ns\\),1258096.0\r\n'
    const path = write('inference_results_v0.7/closed/Atos/results_summary.csv', text)
    const { records, skipped, notes } = await readSummaryFile(path)
    expect(skipped).toEqual([])
    expect(records).toHaveLength(1)
    expect(records[0]).toMatchObject({
      round: 'v0.7',
      division: 'closed',
      submitter: 'Atos',
      value: 1.258096,
      unit: 'Latency (ms)'
    })
    expect(records[0]?.detail.files).toEqual([
      { role: 'summary', path, bytes: Buffer.byteLength(text) }
    ])
    expect(notes[0]).toBe('results_summary.csv: 1 results.')
  })

  it('dispatches a checker CSV with a BOM', async () => {
    const path = write(
      'inference_results_v0.7/open/DellEMC/summary.csv',
      '\uFEFFOrganization,Availability,Division,SystemType,Platform,Model,MlperfModel,Scenario,Result,Accuracy,Location\nDellEMC,rdi,open,datacenter,R740xd_vck5000,resnet50,resnet,Server,5802.01,75.768,open/DellEMC/results/R740xd_vck5000/resnet50/Server\n'
    )
    const { records } = await readSummaryFile(path)
    expect(records[0]).toMatchObject({ submitter: 'DellEMC', category: 'rdi', value: 5802.01 })
  })

  it('throws for an unknown format, naming the file', async () => {
    const path = write('misc/summary.csv', 'a,b,c\n1,2,3\n')
    await expect(readSummaryFile(path)).rejects.toThrow(`Unknown summary format in ${path}`)
  })

  it('leaves a training summary to the training importer, saying so', async () => {
    const path = write(
      'training_results_v3.0/H3C/summary.csv',
      'division,availability,submitter,system,host_processor_model_name,host_processors_count,accelerator_model_name\n'
    )
    const r = await readSummaryFile(path)
    expect(r.records).toEqual([])
    expect(r.skipped).toHaveLength(1)
    expect(r.skipped[0]?.path).toBe(path)
    expect(r.skipped[0]?.reason).toMatch(/^training summary/)
  })

  it('throws when the file cannot be read', async () => {
    const path = join(root, 'missing/summary_results.json')
    await expect(readSummaryFile(path)).rejects.toThrow(`Cannot read summary file ${path}`)
  })
})
