import type { ImportWarning } from './imported-app.js';

// A document with thousands of operations could otherwise answer with a warning list larger than the app itself.
const WARNINGS_MAX = 500;

/** Collects an import's warnings, each (code, message, pointer) once, and at most {@link WARNINGS_MAX} of them. */
export class ImportWarnings {
  private readonly list: ImportWarning[] = [];
  private readonly seen = new Set<string>();
  private dropped = 0;

  add(code: string, message: string, pointer?: string): void {
    const key = `${code}\u0000${message}\u0000${pointer ?? ''}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    if (this.list.length >= WARNINGS_MAX) {
      this.dropped += 1;
      return;
    }
    this.list.push(pointer === undefined ? { code, message } : { code, message, pointer });
  }

  /** Adds a warning ahead of the others, kept whatever the limit: one that says what the import left out. */
  addFirst(code: string, message: string, pointer?: string): void {
    this.list.unshift(pointer === undefined ? { code, message } : { code, message, pointer });
    if (this.list.length > WARNINGS_MAX) {
      this.list.pop();
      this.dropped += 1;
    }
  }

  toList(): ImportWarning[] {
    if (this.dropped === 0) return [...this.list];
    return [...this.list, { code: 'warnings_truncated', message: `${this.dropped} more warnings were left out` }];
  }
}

/** A JSON pointer from its segments (RFC 6901: `~` as `~0`, `/` as `~1`). */
export function jsonPointer(...segments: (string | number)[]): string {
  return segments.map((segment) => `/${String(segment).replaceAll('~', '~0').replaceAll('/', '~1')}`).join('');
}
