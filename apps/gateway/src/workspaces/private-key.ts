import { hash, randomBytes } from 'node:crypto';

/** A new private key: 256 random bits, prefixed so a leaked key is recognisable in a scan. */
export function generatePrivateKey(): string {
  return `sbk_${randomBytes(32).toString('base64url')}`;
}

/**
 * SHA-256 suffices for keys with 256 bits of entropy (no dictionary to guess from) and keeps
 * verification cheap on every request, unlike password hashes built to be slow. Being deterministic, the hash is
 * also how a presented key is found.
 */
export function hashPrivateKey(privateKey: string): string {
  return hash('sha256', privateKey, 'hex');
}

/** Identifiers are random too, so one workspace cannot guess another's. */
export function generateId(prefix: 'ws' | 'usr' | 'ses' | 'key'): string {
  return `${prefix}_${randomBytes(12).toString('base64url')}`;
}

/** Whether a string is shaped like an identifier {@link generateId} makes, so anything else is looked up nowhere. */
export function isGeneratedId(value: string): boolean {
  return /^(ws|usr|ses|key)_[A-Za-z0-9_-]{1,64}$/.test(value);
}
