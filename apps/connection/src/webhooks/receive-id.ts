import { randomInt } from 'node:crypto';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const RECEIVE_ID_LENGTH = 24;

/**
 * A new receive id: `whk_` and 24 base62 characters, each drawn uniformly from a cryptographic source (about 143
 * bits), so an id reveals nothing about its workspace or product and cannot be guessed or come back once retired.
 */
export function newReceiveId(): string {
  let id = 'whk_';
  for (let index = 0; index < RECEIVE_ID_LENGTH; index += 1) id += BASE62[randomInt(BASE62.length)];
  return id;
}
