/**
 * A stand-in for the `electron` module's main-process surface, recording what the app's main
 * process does with it: the Electron binary cannot be downloaded here, so the wiring of
 * src-main/electron is tested against this (vi.mock('electron', …)).
 */
type Listener = (...args: unknown[]) => unknown

export class FakeEmitter {
  readonly listeners = new Map<string, Listener[]>()
  on(event: string, cb: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), cb])
    return this
  }
  once(event: string, cb: Listener): this {
    return this.on(event, cb)
  }
  emit(event: string, ...args: unknown[]): unknown[] {
    return (this.listeners.get(event) ?? []).map((cb) => cb(...args))
  }
}

/** A WebContents: events plus the window-open handler. */
export class FakeWebContents extends FakeEmitter {
  openHandler: ((d: { url: string }) => { action: string }) | null = null
  readonly sent: unknown[][] = []
  setWindowOpenHandler(h: (d: { url: string }) => { action: string }): void {
    this.openHandler = h
  }
  send(...args: unknown[]): void {
    this.sent.push(args)
  }
}

/** An Electron navigation event: records whether the app cancelled it. */
export function navEvent(url: string): {
  url: string
  prevented: boolean
  preventDefault: () => void
} {
  const e = {
    url,
    prevented: false,
    preventDefault: () => {
      e.prevented = true
    }
  }
  return e
}

export function createFakeElectron() {
  let readyNow: () => void = () => undefined
  const ready = new Promise<void>((ok) => (readyNow = ok))
  const log: string[] = []
  const windows: FakeBrowserWindow[] = []
  const ipcHandlers = new Map<string, Listener>()
  const permission = {
    request: null as null | ((wc: unknown, p: string, cb: (ok: boolean) => void) => void),
    check: null as null | ((...a: unknown[]) => boolean)
  }
  const protocolHandlers = new Map<string, (req: { url: string }) => Promise<Response>>()
  const schemes: unknown[] = []
  const opened: string[] = []

  class FakeBrowserWindow extends FakeEmitter {
    readonly webContents = new FakeWebContents()
    readonly loaded: string[] = []
    constructor(readonly options: Record<string, unknown>) {
      super()
      windows.push(this)
      log.push('BrowserWindow')
    }
    loadURL(url: string): Promise<void> {
      this.loaded.push(url)
      return Promise.resolve()
    }
    loadFile(file: string): Promise<void> {
      this.loaded.push(`file://${file}`)
      return Promise.resolve()
    }
    show(): void {}
    isDestroyed(): boolean {
      return false
    }
    static getFocusedWindow(): null {
      return null
    }
  }

  const paths = new Map<string, string>()
  const app = Object.assign(new FakeEmitter(), {
    isPackaged: false,
    setName: (_n: string) => undefined,
    setPath: (k: string, v: string) => void paths.set(k, v),
    getPath: (k: string) => {
      const p = paths.get(k)
      if (p === undefined) throw new Error(`fake electron: no path "${k}" set`)
      return p
    },
    getVersion: () => '0.0.0-test',
    whenReady: () => ready,
    quit: () => log.push('quit'),
    exit: (code: number) => log.push(`exit ${code}`)
  })

  const electron = {
    app,
    BrowserWindow: FakeBrowserWindow,
    protocol: {
      registerSchemesAsPrivileged: (s: unknown[]) => {
        schemes.push(...s)
        log.push('registerSchemesAsPrivileged')
      },
      handle: (scheme: string, h: (req: { url: string }) => Promise<Response>) => {
        protocolHandlers.set(scheme, h)
        log.push(`protocol.handle ${scheme}`)
      }
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (h: typeof permission.request) => {
          permission.request = h
        },
        setPermissionCheckHandler: (h: typeof permission.check) => {
          permission.check = h
        }
      }
    },
    shell: {
      openExternal: async (url: string) => {
        opened.push(url)
      }
    },
    ipcMain: {
      handle: (channel: string, h: Listener) => ipcHandlers.set(channel, h),
      removeHandler: (channel: string) => ipcHandlers.delete(channel)
    },
    dialog: {
      showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
      showErrorBox: (title: string, text: string) => log.push(`error box: ${title}: ${text}`)
    },
    Menu: {
      buildFromTemplate: (t: unknown) => t,
      setApplicationMenu: () => undefined
    }
  }
  return {
    electron,
    ready: () => {
      log.push('ready')
      readyNow()
    },
    log,
    windows,
    ipcHandlers,
    permission,
    protocolHandlers,
    schemes,
    opened
  }
}

export type FakeElectron = ReturnType<typeof createFakeElectron>
