/**
 * An error's message for a report or an API reply, without the file content some parsers put
 * in it. V8's JSON.parse quotes the text it choked on ("Unexpected token 'r', "root:x:0:0:"... is
 * not valid JSON"), which would hand a file's first line to whoever asked to read it.
 */
export function withoutFileContent(e: unknown): string {
  const message = e instanceof Error ? e.message : String(e)
  if (!(e instanceof SyntaxError)) return message
  const at = /at position (\d+)(?: \(line (\d+) column (\d+)\))?/.exec(message)
  if (at?.[2] !== undefined) return `not valid JSON (line ${at[2]}, column ${at[3]})`
  if (at) return `not valid JSON (at character ${at[1]})`
  if (/end of JSON input/i.test(message)) return 'not valid JSON (it ends too early)'
  return 'not valid JSON'
}
