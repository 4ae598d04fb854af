import type { Api } from '../../../src-main/shared/api'
import type { PickPurpose } from '../../../src-main/shared/local-run-views'
import { errorMessage } from '../api/client'
import { FolderBrowser } from './FolderBrowser.svelte'

/** Which purposes pick a folder; the others pick a file. */
const FOLDER_PURPOSES = new Set<PickPurpose>(['dataset', 'output'])

const FILE_PATTERNS: Record<PickPurpose, RegExp | null> = {
  model: /\.onnx$/i,
  sample: /\.(jpe?g|png|npy)$/i,
  labels: /\.(txt|csv|names)$/i,
  dataset: null,
  output: null
}

export const PICK_TITLES: Record<PickPurpose, string> = {
  model: 'Choose an ONNX model',
  dataset: 'Choose a dataset folder',
  output: 'Choose the folder for the run files',
  sample: 'Choose an image or .npy file',
  labels: 'Choose a labels file'
}

/** The folder part of a path (either separator), or undefined for a bare name. */
function parentOf(path: string): string | undefined {
  const cut = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'))
  return cut > 0 ? path.slice(0, cut) : cut === 0 ? '/' : undefined
}

/**
 * Picks a file or folder for a local run: the shell's native dialog where there is one
 * (Electron), otherwise the in-app browser (files.list) shown by the view while `open`.
 */
export class PathPicker {
  open = $state(false)
  purpose = $state<PickPurpose>('model')
  error = $state<string | null>(null)
  readonly browser: FolderBrowser

  readonly #api: Api
  #resolve: ((path: string | null) => void) | null = null

  constructor(api: Api) {
    this.#api = api
    this.browser = new FolderBrowser(api)
  }

  get wantsFolder(): boolean {
    return FOLDER_PURPOSES.has(this.purpose)
  }

  canPickFile = (name: string): boolean => FILE_PATTERNS[this.purpose]?.test(name) ?? false

  /** The path "Choose" would take: the selected entry, or the open folder for folder picks. */
  get choice(): string | null {
    const selected = this.browser.selected
    const entry = this.browser.listing?.entries.find((e) => e.path === selected)
    if (this.wantsFolder) return entry?.isDir ? entry.path : (this.browser.listing?.path ?? null)
    return entry && !entry.isDir ? entry.path : null
  }

  /** Resolves with the chosen path, or null when the user cancels. */
  async pick(purpose: PickPurpose, current: string): Promise<string | null> {
    this.#resolve?.(null)
    this.purpose = purpose
    this.error = null
    try {
      const native = await this.#api.files.pickPath({ purpose })
      if (native.native) return native.path
    } catch (err) {
      this.error = errorMessage(err)
    }
    // The in-app browser opens where the current value points (a folder, or a file's folder).
    const trimmed = current.trim()
    const start =
      trimmed === '' ? undefined : FOLDER_PURPOSES.has(purpose) ? trimmed : parentOf(trimmed)
    this.open = true
    await this.browser.open(start)
    if (this.browser.error && start !== undefined) await this.browser.open()
    return new Promise<string | null>((resolve) => {
      this.#resolve = resolve
    })
  }

  choose(path: string | null = this.choice): void {
    if (path === null) return
    // The in-app browser is the web mode's dialog: the main side is told, so that an output
    // folder chosen here may be written to (a folder only typed in may not).
    void this.#api.files.choose({ purpose: this.purpose, path }).then(
      (r) => this.#finish(r.path),
      (err: unknown) => {
        this.error = errorMessage(err)
      }
    )
  }

  cancel(): void {
    this.#finish(null)
  }

  #finish(path: string | null): void {
    this.open = false
    const resolve = this.#resolve
    this.#resolve = null
    resolve?.(path)
  }
}
