import type { MenuItemConstructorOptions } from 'electron'
import { Menu } from 'electron'
import type { EventHub } from '../api/event-hub'

/** Application menu; "Import…" asks the renderer to open its import dialog. */
export function installMenu(hub: EventHub): void {
  const template: MenuItemConstructorOptions[] = [
    {
      label: 'File',
      submenu: [
        {
          label: 'Import Results…',
          accelerator: 'CmdOrCtrl+O',
          click: () => hub.emit('app.command', { command: 'import' })
        },
        {
          label: 'Get Published Results…',
          click: () => hub.emit('app.command', { command: 'published' })
        },
        { type: 'separator' },
        { role: 'quit' }
      ]
    },
    { role: 'editMenu' },
    { role: 'viewMenu' },
    { role: 'windowMenu' }
  ]
  Menu.setApplicationMenu(Menu.buildFromTemplate(template))
}
