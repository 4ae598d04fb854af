import type { ErrorCode } from '../shared/api'

/** An expected failure with its wire code; anything else thrown becomes `internal`. */
export class ApiFailure extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown
  ) {
    super(message)
    this.name = 'ApiFailure'
  }
}
