/**
 * Names of run folders: `<yyyymmdd-hhmmss>-<scenario>-<4 hex>`, sortable by time, readable in a
 * file manager and unique enough that two runs started in the same second do not collide. The
 * key is also the run's system id in the results table (which keys rows by system).
 */
import { randomBytes } from 'node:crypto'
import type { LocalScenario } from '../../shared/local-run'

const pad = (n: number): string => String(n).padStart(2, '0')

export function runKey(at: Date, scenario: LocalScenario): string {
  const stamp =
    `${at.getFullYear()}${pad(at.getMonth() + 1)}${pad(at.getDate())}-` +
    `${pad(at.getHours())}${pad(at.getMinutes())}${pad(at.getSeconds())}`
  return `${stamp}-${scenario.toLowerCase()}-${randomBytes(2).toString('hex')}`
}
