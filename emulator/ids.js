// @ts-check
import { randomInt } from 'node:crypto';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/**
 * An opaque random ID in Descope's style (letters and digits, e.g. `U2…` for users).
 * @param {string} prefix
 * @param {number} length random characters after the prefix
 */
export function randomId(prefix, length) {
  let id = prefix;
  for (let i = 0; i < length; i += 1) id += ALPHABET[randomInt(ALPHABET.length)];
  return id;
}
