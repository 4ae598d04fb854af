import type Database from 'better-sqlite3'

declare const writable: unique symbol
declare const readable: unique symbol

/**
 * Branded handles (Signal's idea): read-only repository functions take a ReadonlyDb, so a
 * writer can be handed where a reader is expected but not the other way round.
 */
export type ReadonlyDb = Database.Database & { readonly [readable]: true }
export type WritableDb = ReadonlyDb & { readonly [writable]: true }
