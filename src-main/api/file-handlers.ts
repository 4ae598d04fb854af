import { resolve } from 'node:path'
import type { Api } from '../shared/api'
import type { PickPurpose } from '../shared/local-run-views'
import { listDir } from '../core/files/list-dir'
import { ApiFailure } from './api-failure'
import type { PathGrants } from './path-grants'

export type FilePorts = {
  pickFolder?: () => Promise<string | null>
  pickPath?: (purpose: PickPurpose) => Promise<string | null>
  grants: PathGrants
}

/** The `files` area: native pickers where the shell has them, the in-app folder browser. */
export function filesArea(ports: FilePorts): Api['files'] {
  const { grants } = ports
  // A folder picked in a dialog may be written to.
  const picked = (path: string | null, folder: boolean): string | null => {
    if (path !== null && folder) grants.grant(path)
    return path
  }
  return {
    pickFolder: async () => ({
      path: ports.pickFolder ? picked(await ports.pickFolder(), true) : null
    }),
    pickPath: async ({ purpose }) =>
      ports.pickPath
        ? { path: picked(await ports.pickPath(purpose), purpose === 'output'), native: true }
        : { path: null, native: false },
    list: async ({ path }) => {
      try {
        return await listDir(path)
      } catch (e) {
        const err = e as NodeJS.ErrnoException
        if (err.code === 'ENOENT' || err.code === 'ENOTDIR') {
          throw new ApiFailure('not_found', `Not a folder: ${path ?? ''}`)
        }
        throw new ApiFailure('invalid_input', `Cannot list ${path ?? ''}: ${err.message}`)
      }
    },
    // The in-app browser is the web mode's dialog: a folder chosen in it may be written to.
    // Where a native dialog exists, only the dialog grants.
    choose: async ({ purpose, path }) => {
      if (ports.pickPath || ports.pickFolder) {
        throw new ApiFailure('conflict', 'Choose the folder with the dialog (Browse…).')
      }
      const abs = resolve(path)
      if (purpose === 'output') grants.grant(abs)
      return { path: abs }
    }
  }
}
