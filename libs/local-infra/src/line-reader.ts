import type { Readable } from 'node:stream';

/** Calls `onLine` for every complete line of `stream` (and for a last unterminated line at its end). */
export function readLines(stream: Readable, onLine: (line: string) => void): void {
  let pending = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => {
    const parts = (pending + chunk).split(/\r?\n/);
    pending = parts.pop() ?? '';
    for (const line of parts) onLine(line);
  });
  stream.on('end', () => {
    if (pending !== '') onLine(pending);
    pending = '';
  });
}
