import { createHash, randomBytes } from 'node:crypto';
import { inspect } from 'node:util';

/** AES-256: the master key is exactly this many bytes. */
export const MASTER_KEY_BYTES = 32;

/** The two accepted spellings of a master key: 64 hex characters, or base64 (standard or URL alphabet) of 32 bytes. */
export const MASTER_KEY_TEXT_PATTERN = /^(?:[0-9a-fA-F]{64}|[A-Za-z0-9+/_-]{43}=?)$/;

/**
 * The key that wraps every data key of the embedded store. Its bytes are kept in a private field
 * so that logging or serialising the object by mistake shows only the id.
 */
export class MasterKey {
  /** First 16 hex characters of SHA-256 of the key: safe to store and print, enough to tell keys apart. */
  readonly id: string;
  readonly #bytes: Buffer;

  constructor(bytes: Buffer) {
    if (bytes.length !== MASTER_KEY_BYTES) {
      throw new Error(`A master key must be ${MASTER_KEY_BYTES} bytes, got ${bytes.length}`);
    }
    this.#bytes = Buffer.from(bytes);
    this.id = createHash('sha256').update(bytes).digest('hex').slice(0, 16);
  }

  /** A fresh random key. */
  static generate(): MasterKey {
    return new MasterKey(randomBytes(MASTER_KEY_BYTES));
  }

  /** Parses the text form; `source` names where it came from in the error (the text itself is never echoed). */
  static parse(text: string, source: string): MasterKey {
    const trimmed = text.trim();
    if (!MASTER_KEY_TEXT_PATTERN.test(trimmed)) {
      throw new Error(`${source} does not hold a master key: expected 32 bytes written as base64 (44 characters) or hex (64 characters), found ${trimmed.length} characters`);
    }
    const bytes = trimmed.length === 64 ? Buffer.from(trimmed, 'hex') : Buffer.from(trimmed, 'base64');
    return new MasterKey(bytes);
  }

  /** The raw key, for the cipher only. */
  get bytes(): Buffer {
    return this.#bytes;
  }

  /** The form written to key files. */
  toBase64(): string {
    return this.#bytes.toString('base64');
  }

  toJSON(): { id: string } {
    return { id: this.id };
  }

  [inspect.custom](): string {
    return `MasterKey { id: '${this.id}' }`;
  }
}
