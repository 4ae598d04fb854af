import { describe, expect, it } from 'vitest'

import { parseAccuracyText } from '../../../../../../src-main/core/ingest/inference/accuracy-txt'

const HASH = 'hash=2b8f0b4c1e8e7c9dbd0fd4b3ac3d5c7a1f4f7bb66a6a0ba1ff2b5f11bb1b3a0d'

describe('parseAccuracyText', () => {
  it('renders resnet as acc', () => {
    const a = parseAccuracyText(`accuracy=76.076%, good=38038, total=50000\n${HASH}\n`, 'resnet')
    expect(a.rendered).toBe('acc: 76.076')
    expect(a.metrics).toEqual({ acc: 76.076 })
    expect(a.hash).toMatch(/^2b8f/)
  })

  it('renders a COCO table as mAP', () => {
    const text = [
      'Loading annotations into memory...',
      ' Average Precision  (AP) @[ IoU=0.50:0.95 | area=   all | maxDets=100 ] = 0.373',
      'mAP=37.283%',
      HASH
    ].join('\n')
    expect(parseAccuracyText(text, 'retinanet').rendered).toBe('mAP: 37.283')
    expect(parseAccuracyText('mAP=20.057%\n', 'ssd-large').rendered).toBe('mAP: 20.057')
  })

  it('renders bert F1 with the captured digits', () => {
    const a = parseAccuracyText(
      `{"exact_match": 82.92336802270577, "f1": 90.35676151551918}\n${HASH}`,
      'bert-99'
    )
    expect(a.rendered).toBe('F1: 90.35676151551918')
    expect(a.metrics['exact_match']).toBeCloseTo(82.9233680227)
  })

  it('renders dlrm AUC, 3d-unet DICE and rnnt accuracy', () => {
    expect(
      parseAccuracyText('AUC=80.166%, accuracy=96.605%, good=1, total=2, queries=3\n', 'dlrm-v2-99')
        .rendered
    ).toBe('AUC: 80.166')
    expect(
      parseAccuracyText('Accuracy: mean = 0.86112, kidney = 0.9346, tumor = 0.7877\n', '3d-unet-99')
        .rendered
    ).toBe('DICE: 0.86112')
    const r = parseAccuracyText(
      'Word Error Rate: 7.45450855712643%, accuracy=92.54549144287357%\r\nhash=a\r\nhash=b\r\n',
      'rnnt'
    )
    expect(r.rendered).toBe('ACCURACY: 92.54549144287357')
    expect(r.metrics['WER']).toBeCloseTo(7.4545085571)
    expect(r.hash).toBe('a')
  })

  it('renders LLM dictionaries in the checker order', () => {
    const llama =
      "{'rouge1': 44.5321, 'rouge2': 22.1191, 'rougeL': 28.7225, 'rougeLsum': 42.1, 'gen_len': 26542576, 'gen_num': 24576, 'gen_tok_len': 6733971, 'tokens_per_sample': 293.7}"
    expect(parseAccuracyText(`${llama}\n${HASH}`, 'llama2-70b-99').rendered).toBe(
      'ROUGE1: 44.5321  ROUGE2: 22.1191  ROUGEL: 28.7225  TOKENS_PER_SAMPLE: 293.7'
    )
    const gptj =
      "{'rouge1': 43.1017, 'rouge2': 20.1125, 'rougeL': 29.9751, 'rougeLsum': 40.2446, 'gen_len': 4114386, 'gen_num': 13368}"
    expect(parseAccuracyText(gptj, 'gptj-99').rendered).toBe(
      'ROUGE1: 43.1017  ROUGE2: 20.1125  ROUGEL: 29.9751  GEN_LEN: 4114386'
    )
    const mixtral =
      "{'rouge1': 45.3721, 'rouge2': 23.2543, 'rougeL': 30.3259, 'rougeLsum': 42.9, 'gsm8k': 73.12, 'mbxp': 59.84, 'gen_len': 1, 'gen_num': 15000, 'gen_tok_len': 2, 'tokens_per_sample': 145.9}"
    expect(parseAccuracyText(mixtral, 'mixtral-8x7b').rendered).toBe(
      'ROUGE1: 45.3721  ROUGE2: 23.2543  ROUGEL: 30.3259  TOKENS_PER_SAMPLE: 145.9  gsm8k_accuracy: 73.12  mbxp_accuracy: 59.84'
    )
  })

  it('renders SDXL FID/CLIP scores and v0.5 gnmt BLEU', () => {
    const sd =
      "Accuracy Results: {'FID_SCORE': 23.667217941120498, 'CLIP_SCORE': 31.788790368437766}"
    expect(parseAccuracyText(sd, 'stable-diffusion-xl').rendered).toBe(
      'CLIP_SCORE: 31.788790368437766  FID_SCORE: 23.667217941120498'
    )
    expect(parseAccuracyText('BLEU: 23.8\n', 'gnmt').rendered).toBe('bleu: 23.8')
  })

  it('detects the metric of an unknown open-division model', () => {
    const a = parseAccuracyText('{"exact_match": 79.1, "f1": 86.13436789084363}\n', 'distilbert_mp')
    expect(a.detected).toBe(true)
    expect(a.rendered).toBe('F1: 86.13436789084363')
  })

  it('returns null when no metric is present', () => {
    expect(parseAccuracyText('nothing here\n', 'resnet').rendered).toBeNull()
  })
})
