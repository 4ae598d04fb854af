/**
 * The accuracy metric each model's checker reports first: the name a bare accuracy number (old
 * checker summaries, cm4mlperf-results' `Accuracy`) stands for. Shared so that the importer
 * files such a number under its name and the screens show it as "acc: 76.076" like any other.
 */
export function primaryAccuracyKey(mlperfModel: string): string {
  const model = mlperfModel.toLowerCase()
  const table: [string, string][] = [
    ['resnet', 'acc'],
    ['mobilenet', 'acc'],
    ['rgat', 'acc'],
    ['ssd', 'mAP'],
    ['retinanet', 'mAP'],
    ['pointpainting', 'mAP'],
    ['yolo', 'mAP'],
    ['bert', 'F1'],
    ['dlrm', 'AUC'],
    ['3d-unet', 'DICE'],
    ['rnnt', 'ACCURACY'],
    ['whisper', 'ACCURACY'],
    ['gnmt', 'BLEU'],
    ['gptj', 'ROUGE1'],
    ['llama2', 'ROUGE1'],
    ['mixtral', 'ROUGE1'],
    ['llama3.1-8b', 'ROUGE1'],
    ['llama3.1-405b', 'ROUGEL'],
    ['stable-diffusion', 'CLIP_SCORE'],
    ['deepseek', 'exact_match'],
    ['gpt-oss', 'exact_match']
  ]
  return table.find(([prefix]) => model.startsWith(prefix))?.[1] ?? 'accuracy'
}
