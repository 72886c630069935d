import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { MasterKey } from './master-key.js';

const ALGORITHM = 'aes-256-gcm';
const DATA_KEY_BYTES = 32;
const IV_BYTES = 12;
const AUTH_TAG_BYTES = 16;

/** One AES-256-GCM output. */
export interface GcmSealed {
  ciphertext: Buffer;
  iv: Buffer;
  authTag: Buffer;
}

/** A value encrypted under its own data key, and that data key wrapped under the master key. */
export interface EnvelopeSealed {
  value: GcmSealed;
  dataKey: GcmSealed;
  masterKeyId: string;
}

/**
 * Envelope encryption: a fresh data key per value, so re-keying the master key only re-wraps 32-byte
 * data keys and never touches the ciphertexts. `aad` binds both layers to the value's address.
 */
export function sealEnvelope(plaintext: string, aad: Buffer, masterKey: MasterKey): EnvelopeSealed {
  const dataKey = randomBytes(DATA_KEY_BYTES);
  try {
    return {
      value: gcmSeal(dataKey, Buffer.from(plaintext, 'utf8'), aad),
      dataKey: gcmSeal(masterKey.bytes, dataKey, aad),
      masterKeyId: masterKey.id,
    };
  } finally {
    dataKey.fill(0);
  }
}

/** Decrypts an envelope; throws when any byte or the address it was sealed for differs. */
export function openEnvelope(sealed: EnvelopeSealed, aad: Buffer, masterKey: MasterKey): string {
  const dataKey = gcmOpen(masterKey.bytes, sealed.dataKey, aad);
  try {
    return gcmOpen(dataKey, sealed.value, aad).toString('utf8');
  } finally {
    dataKey.fill(0);
  }
}

/** Re-wraps a data key under another master key; the value's ciphertext stays as it is. */
export function rewrapDataKey(wrapped: GcmSealed, aad: Buffer, from: MasterKey, to: MasterKey): GcmSealed {
  const dataKey = gcmOpen(from.bytes, wrapped, aad);
  try {
    return gcmSeal(to.bytes, dataKey, aad);
  } finally {
    dataKey.fill(0);
  }
}

function gcmSeal(key: Buffer, plaintext: Buffer, aad: Buffer): GcmSealed {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(ALGORITHM, key, iv, { authTagLength: AUTH_TAG_BYTES });
  cipher.setAAD(aad);
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return { ciphertext, iv, authTag: cipher.getAuthTag() };
}

function gcmOpen(key: Buffer, sealed: GcmSealed, aad: Buffer): Buffer {
  // A fixed tag length stops a truncated tag from being accepted (GCM would verify fewer bytes).
  const decipher = createDecipheriv(ALGORITHM, key, sealed.iv, { authTagLength: AUTH_TAG_BYTES });
  decipher.setAAD(aad);
  decipher.setAuthTag(sealed.authTag);
  return Buffer.concat([decipher.update(sealed.ciphertext), decipher.final()]);
}
