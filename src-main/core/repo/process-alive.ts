/**
 * Whether a process exists (signal 0 only checks; EPERM means it exists but is not ours). Rows
 * a process left `running` (imports, local runs) are stale once their owner is gone.
 */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'
  }
}
