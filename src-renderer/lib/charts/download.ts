/**
 * Saves text or a data URL as a file through the browser's download mechanism (an <a download>
 * click). Works the same in the web mode and in Electron, whose default download handler asks
 * where to save.
 */
export function downloadBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob)
  try {
    downloadUrl(url, filename)
  } finally {
    // The click has started the download synchronously; the URL is no longer needed after it.
    setTimeout(() => URL.revokeObjectURL(url), 10_000)
  }
}

export function downloadText(text: string, filename: string, type: string): void {
  downloadBlob(new Blob([text], { type }), filename)
}

export function downloadUrl(url: string, filename: string): void {
  const a = document.createElement('a')
  a.href = url
  a.download = filename
  a.rel = 'noopener'
  a.style.display = 'none'
  document.body.append(a)
  a.click()
  a.remove()
}

/** A file name for a chart export: "mlperf-distribution-2025-03-01.png". */
export function exportName(kind: string, extension: string, now = new Date()): string {
  return `mlperf-${kind}-${now.toISOString().slice(0, 10)}.${extension}`
}
