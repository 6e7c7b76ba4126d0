// @ts-check
/**
 * The `--state <file>` option: users, connections and provider tokens kept across restarts.
 *
 * Writes are atomic (a temporary file in the same directory, then a rename), so a crash or a
 * Ctrl-C mid-write leaves the previous state, never half a file. Changes arriving while a write
 * is under way are coalesced into one more write of the latest state, so the file always ends
 * equal to the memory, in order, however many requests change it at once.
 */
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';

/** @typedef {import('./store.js').Snapshot} Snapshot */

/**
 * Reads a state file; `undefined` when it does not exist yet (the first run creates it).
 * @param {string} path
 * @returns {Promise<Snapshot | undefined>}
 */
export async function readStateFile(path) {
  let text;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    if (/** @type {NodeJS.ErrnoException} */ (err).code === 'ENOENT') return undefined;
    throw new Error(`Cannot read the state file ${path}: ${err instanceof Error ? err.message : err}`);
  }
  let data;
  try {
    data = JSON.parse(text);
  } catch {
    throw new Error(`The state file ${path} is not valid JSON: delete it to start afresh, or fix it`);
  }
  const problem = snapshotProblem(data);
  if (problem) throw new Error(`The state file ${path} is not an emulator state (${problem}): delete it to start afresh`);
  return data;
}

/** @param {any} data @returns {string | null} */
function snapshotProblem(data) {
  if (!data || typeof data !== 'object') return 'not an object';
  if (data.version !== 1) return `version ${JSON.stringify(data.version)}, expected 1`;
  for (const key of ['users', 'connections', 'accessTokens']) {
    if (!Array.isArray(data[key])) return `"${key}" is not an array`;
  }
  if (!data.users.every((/** @type {any} */ u) => u && typeof u.userId === 'string' && typeof u.loginId === 'string')) return 'a user without userId/loginId';
  if (!data.connections.every((/** @type {any} */ c) => c && typeof c.id === 'string' && typeof c.appId === 'string'
    && typeof c.userId === 'string' && Array.isArray(c.scopes) && typeof c.accessToken === 'string')) return 'a malformed connection';
  if (data.apps !== undefined && !(Array.isArray(data.apps) && data.apps.every((/** @type {any} */ a) => a && typeof a.id === 'string' && typeof a.name === 'string'))) {
    return 'a malformed app';
  }
  if (data.deletedAppIds !== undefined && !(Array.isArray(data.deletedAppIds) && data.deletedAppIds.every((/** @type {any} */ id) => typeof id === 'string'))) {
    return 'a malformed deletedAppIds';
  }
  if (!data.accessTokens.every((/** @type {any} */ t) => Array.isArray(t) && typeof t[0] === 'string' && typeof t[1]?.tokenId === 'string')) {
    return 'a malformed access token';
  }
  return null;
}

/**
 * @param {string} path
 * @param {() => Snapshot} snapshot
 * @param {(message: string) => void} warn
 */
export function createStateWriter(path, snapshot, warn) {
  let dirty = false;
  /** @type {Promise<void> | null} */
  let running = null;

  async function writeLoop() {
    while (dirty) {
      dirty = false;
      const tmp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
      try {
        await writeFile(tmp, `${JSON.stringify(snapshot(), null, 2)}\n`, { mode: 0o600 });
        await rename(tmp, path);
      } catch (err) {
        await rm(tmp, { force: true }).catch(() => undefined);
        warn(`could not write the state file ${path}: ${err instanceof Error ? err.message : err}`);
      }
    }
    running = null;
  }

  return {
    /** Something changed: write soon (once more if a write is under way). */
    schedule() {
      dirty = true;
      running ??= Promise.resolve().then(writeLoop);
    },
    /** Resolves once everything changed so far is on disk. @returns {Promise<void>} */
    flush: () => running ?? Promise.resolve(),
  };
}
