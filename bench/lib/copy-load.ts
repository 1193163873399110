/**
 * Bulk loading through `COPY … FROM STDIN` in PostgreSQL's text format (pg-copy-streams): one
 * line per row, columns separated by tabs, `\N` for NULL, backslash escapes for the characters the
 * format reserves. https://www.postgresql.org/docs/current/sql-copy.html#id-1.9.3.55.9.2
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

/** Characters COPY's text format reserves: backslash, and the row and column separators. */
const RESERVED = /[\\\t\n\r]/;
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };
const escapeText = (s: string) => (RESERVED.test(s) ? s.replace(/[\\\t\n\r]/g, (c) => ESCAPES[c]!) : s);

/** An array in PostgreSQL's literal syntax (`{"a","b c",NULL}`), every element quoted. */
export function arrayLiteral(values: readonly unknown[]): string {
  const element = (v: unknown): string => {
    if (v === null || v === undefined) return 'NULL';
    if (Array.isArray(v)) return arrayLiteral(v);
    const s = v instanceof Date ? v.toISOString() : typeof v === 'object' ? JSON.stringify(v) : String(v);
    return `"${s.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
  };
  return `{${values.map(element).join(',')}}`;
}

/**
 * One column value in COPY's text format. Strings are taken as they are (so a JSON column gets
 * its `JSON.stringify`d text, a timestamp its ISO form with offset), objects become JSON, arrays
 * array literals, dates ISO timestamps (`Z`), null and undefined `\N`.
 */
export function copyValue(v: unknown): string {
  if (v === null || v === undefined) return '\\N';
  if (typeof v === 'string') return escapeText(v);
  if (typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean') return String(v);
  if (v instanceof Date) return v.toISOString();
  if (Array.isArray(v)) return escapeText(arrayLiteral(v));
  return escapeText(JSON.stringify(v));
}

/** Rows (objects keyed by column) as COPY text lines of `columns`, in that order. */
export function copyText(rows: ReadonlyArray<Record<string, unknown>>, columns: readonly string[]): string {
  let out = '';
  for (const row of rows) {
    let line = '';
    for (let c = 0; c < columns.length; c++) line += (c ? '\t' : '') + copyValue(row[columns[c]!]);
    out += `${line}\n`;
  }
  return out;
}

/**
 * Runs `copy <table> (<columns>) from stdin` on `client` with `chunks` as its data (whole lines),
 * writing with the stream's back-pressure; resolves once the server has taken every row.
 */
export async function copyInto(
  client: pg.Client,
  table: string,
  columns: readonly string[],
  chunks: Iterable<string | Uint8Array> | AsyncIterable<string | Uint8Array>,
): Promise<void> {
  const stream = client.query(copyFrom(`copy ${table} (${columns.join(', ')}) from stdin`));
  await pipeline(Readable.from(chunks, { objectMode: false }), stream);
}
