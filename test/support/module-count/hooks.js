// Module hooks (node:module register) that report every module URL loaded through the ESM
// loader to the main thread, for module-count.js.
let port

export function initialize(data) {
  port = data.port
}

export async function load(url, context, nextLoad) {
  port.postMessage(url)
  return nextLoad(url, context)
}
