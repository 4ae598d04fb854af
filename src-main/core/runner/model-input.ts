/**
 * What a model expects as input, from onnxruntime's metadata: element type, which dimension is
 * the batch, and the per-sample dimensions. "The model's input shape decides the batch
 * layout": a symbolic first dimension is a free batch, a number fixes it (usually 1).
 */
import type { TensorLayout } from '../../shared/local-run'
import type { ElementType } from './tensor-types'
import { isElementType } from './tensor-types'

/** onnxruntime's description of one input or output. */
export type ValueMeta = {
  name: string
  isTensor: boolean
  type: string
  shape: (number | string)[]
}

export type ModelInput = {
  name: string
  dtype: ElementType
  shape: (number | string)[]
  /** Null = free (symbolic) batch dimension; a number = the batch the model requires. */
  fixedBatch: number | null
  /** Dimensions of one sample; null where the model leaves them symbolic. */
  sampleDims: (number | null)[]
}

function dim(d: number | string | undefined): number | null {
  return typeof d === 'number' && d > 0 ? d : null
}

/** Interpret the model's single input; throws a plain-words error otherwise. */
export function describeModelInput(inputs: ValueMeta[], modelPath: string): ModelInput {
  if (inputs.length !== 1) {
    throw new Error(
      `${modelPath}: the model has ${inputs.length} inputs (${inputs.map((i) => i.name).join(', ')}); local runs support single-input models`
    )
  }
  const inp = inputs[0]!
  if (!inp.isTensor) throw new Error(`${modelPath}: input '${inp.name}' is not a tensor`)
  if (!isElementType(inp.type)) {
    throw new Error(
      `${modelPath}: input '${inp.name}' has element type ${inp.type}, which local runs do not support`
    )
  }
  if (inp.shape.length === 0)
    throw new Error(`${modelPath}: input '${inp.name}' is a scalar; a batch dimension is needed`)
  const first = inp.shape[0]
  return {
    name: inp.name,
    dtype: inp.type,
    shape: inp.shape,
    fixedBatch: dim(first),
    sampleDims: inp.shape.slice(1).map(dim)
  }
}

/** Image layout implied by the sample dims (3 channels first → NCHW, last → NHWC). */
export function imageLayout(input: ModelInput): TensorLayout | null {
  const d = input.sampleDims
  if (d.length !== 3) return null
  if (d[0] === 3) return 'NCHW'
  if (d[2] === 3) return 'NHWC'
  return null
}

export function formatShape(shape: (number | string | null)[]): string {
  return `[${shape.map((d) => (d === null ? '?' : String(d))).join(', ')}]`
}
