/**
 * The renderer's Content-Security-Policy, one text for every place it is set: the meta tag in
 * src-renderer/index.html (a test keeps the two equal), the header of the web mode's responses
 * and of the Electron app:// protocol. The header adds what a meta tag cannot carry
 * (frame-ancestors). 'unsafe-inline' for styles only: Svelte sets style attributes.
 */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'"

/** The same policy as a response header, with the directives only a header can set. */
export const CONTENT_SECURITY_POLICY_HEADER = `${CONTENT_SECURITY_POLICY}; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`
