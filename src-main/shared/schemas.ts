import { z } from 'zod'
import type { MethodName } from './api'

const suite = z.literal('inference')
const filter = z.object({
  column: z.string().min(1).max(64),
  op: z.enum([
    'eq',
    'ne',
    'in',
    'notin',
    'gt',
    'gte',
    'lt',
    'lte',
    'contains',
    'isnull',
    'notnull'
  ]),
  value: z.union([z.string().max(1000), z.array(z.string().max(1000)).max(1000)]).optional()
})
const view = {
  suite,
  filters: z.array(filter).max(100),
  search: z.string().max(500).optional(),
  sort: z.object({ column: z.string().min(1).max(64), dir: z.enum(['asc', 'desc']) }).optional()
}
const empty = z.object({}).strict()

/** Input schemas keyed by wire name; a missing entry is a type error. */
export const INPUT_SCHEMAS = {
  'app.info': empty,
  'results.columns': z.object({ suite }),
  'results.query': z.object({
    ...view,
    offset: z.number().int().min(0),
    limit: z.number().int().min(1).max(1000),
    columns: z.array(z.string().min(1).max(64)).max(100).optional()
  }),
  'results.facets': z.object({
    ...view,
    columns: z.array(z.string().min(1).max(64)).max(100),
    size: z.number().int().min(1).max(500).optional()
  }),
  'results.get': z.object({ suite, id: z.number().int() }),
  'results.csv': z.object(view),
  'imports.start': z.object({ paths: z.array(z.string().min(1).max(4096)).min(1).max(100) }),
  'imports.cancel': z.object({ jobId: z.string().min(1).max(100) }),
  'imports.get': z.object({ jobId: z.string().min(1).max(100) }),
  'imports.list': empty,
  'files.pickFolder': empty,
  'files.list': z.object({ path: z.string().max(4096).optional() })
} satisfies Record<MethodName, z.ZodType>
