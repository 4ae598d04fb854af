import type { BrowserWindow, OpenDialogOptions } from 'electron'
import { dialog } from 'electron'
import type { PickPurpose } from '../shared/local-run-views'

const OPTIONS: Record<PickPurpose, OpenDialogOptions> = {
  model: {
    title: 'Choose an ONNX model',
    properties: ['openFile'],
    filters: [{ name: 'ONNX models', extensions: ['onnx'] }]
  },
  dataset: {
    title: 'Choose a dataset folder (val_map.txt and images or .npy files)',
    properties: ['openDirectory']
  },
  output: {
    title: 'Choose the folder for the run files',
    properties: ['openDirectory', 'createDirectory']
  },
  sample: {
    title: 'Choose an image or .npy file',
    properties: ['openFile'],
    filters: [{ name: 'Images and arrays', extensions: ['jpg', 'jpeg', 'png', 'npy'] }]
  },
  labels: {
    title: 'Choose a labels file (one class name per line)',
    properties: ['openFile'],
    filters: [{ name: 'Text', extensions: ['txt'] }]
  }
}

/** The native open dialog for a local-run path; null when the user cancels. */
export async function pickPath(
  win: BrowserWindow | null,
  purpose: PickPurpose
): Promise<string | null> {
  const options = OPTIONS[purpose]
  const r = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options)
  return r.canceled ? null : (r.filePaths[0] ?? null)
}
