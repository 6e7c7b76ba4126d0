// @ts-check
/**
 * The emulator's whole state, in memory: users, pending authorisations, connections, revoked
 * tokens, the request log and the test faults. Nothing survives a restart, on purpose.
 */
import { randomId } from './ids.js';

export const DEMO_USER = Object.freeze({
  userId: 'U2demoEmulatorUser0000000001',
  loginId: 'demo@example.com',
  password: 'demo-password',
  name: 'Demo User',
  email: 'demo@example.com',
});

const PENDING_TTL_MS = 10 * 60 * 1000;
const MAX_LOGGED_REQUESTS = 2000;

/**
 * @typedef {{ id: string, name: string, description?: string, logo?: string,
 *   defaultScopes?: string[], defaultRedirectUrl?: string }} App
 * @typedef {{ userId: string, loginId: string, name: string, email: string, password?: string,
 *   createdTime: number }} User
 * @typedef {{ state: string, appId: string, userId: string, tenantId?: string,
 *   tenantLevel?: boolean, scopes: string[], redirectUrl: string, externalIdentifier?: string,
 *   expiresAt: number, code?: string, denied?: boolean }} Pending
 * @typedef {{ id: string, appId: string, userId: string, tenantId?: string, tenantLevel?: boolean,
 *   scopes: string[], externalIdentifier?: string, createdAt: number }} Connection
 * @typedef {{ status: number, body?: unknown, times: number, delayMs: number }} Fault
 * @typedef {{ method: string, path: string, origin: string | null, time: number }} LoggedRequest
 * @typedef {{ userId?: string, appId?: string }} ConnectionFilter
 * @typedef {ReturnType<typeof createStore>} Store
 */

/** @param {Connection} c @param {ConnectionFilter} filter */
const matches = (c, { userId, appId }) => (!userId || c.userId === userId) && (!appId || c.appId === appId);

/** @param {App[]} apps */
export function createStore(apps) {
  /** @type {Map<string, User>} */
  const users = new Map();
  /** @type {Map<string, Pending>} */
  const pending = new Map();
  /** @type {Connection[]} */
  let connections = [];
  /** @type {Set<string>} */
  const revokedTokens = new Set();
  /** @type {LoggedRequest[]} */
  const requests = [];
  /** @type {Map<string, Fault>} */
  const faults = new Map();

  /** @param {{ userId?: string, loginId?: string, name?: string, email?: string, password?: string }} u */
  function addUser(u) {
    const userId = u.userId || randomId('U2', 26);
    const loginId = u.loginId || `${userId.toLowerCase()}@example.com`;
    const user = {
      userId, loginId, name: u.name ?? loginId.split('@')[0], email: u.email ?? (loginId.includes('@') ? loginId : ''),
      password: u.password, createdTime: Math.floor(Date.now() / 1000),
    };
    users.set(userId, user);
    return user;
  }
  addUser(DEMO_USER);

  return {
    apps: new Map(apps.map((a) => [a.id, a])),
    users,
    revokedTokens,
    addUser,
    /** @param {string} loginId */
    findUserByLoginId: (loginId) => [...users.values()].find((u) => u.loginId === loginId),
    /** Finds the user by ID or login ID, creating it when unknown (the test hook's contract). */
    ensureUser(/** @type {{ userId?: string, loginId?: string }} */ { userId, loginId }) {
      const found = (userId && users.get(userId)) || (loginId && [...users.values()].find((u) => u.loginId === loginId));
      return found || addUser({ userId, loginId });
    },

    /** @param {Omit<Pending, 'state' | 'expiresAt'>} p */
    addPending(p) {
      const state = randomId('', 32);
      pending.set(state, { ...p, state, expiresAt: Date.now() + PENDING_TTL_MS });
      return state;
    },
    /** A pending authorisation that exists and has not expired. @param {string} state */
    getPending(state) {
      const p = pending.get(state);
      if (p && p.expiresAt < Date.now()) pending.delete(state);
      return p && p.expiresAt >= Date.now() ? p : undefined;
    },
    /** States are single-use: the callback consumes them. @param {string} state */
    consumePending: (state) => pending.delete(state),

    /** Reconnecting replaces the connection of the same (app, user, tenant, level). @param {Omit<Connection, 'id' | 'createdAt'>} c */
    upsertConnection(c) {
      const same = (/** @type {Connection} */ x) => x.appId === c.appId && x.userId === c.userId
        && (x.tenantId ?? '') === (c.tenantId ?? '') && !!x.tenantLevel === !!c.tenantLevel;
      connections = connections.filter((x) => !same(x));
      const connection = { ...c, id: randomId('OT', 26), createdAt: Date.now() };
      connections.push(connection);
      return connection;
    },
    /** @param {ConnectionFilter} filter */
    listConnections: (filter) => connections.filter((c) => matches(c, filter)),
    /** @param {ConnectionFilter} filter an empty filter deletes every connection */
    deleteConnections(filter) {
      const before = connections.length;
      connections = connections.filter((c) => !matches(c, filter));
      return before - connections.length;
    },

    /** @param {LoggedRequest} entry */
    logRequest(entry) {
      requests.push(entry);
      if (requests.length > MAX_LOGGED_REQUESTS) requests.splice(0, requests.length - MAX_LOGGED_REQUESTS);
    },
    /** @param {number} since ms epoch */
    requestsSince: (since) => requests.filter((r) => r.time >= since),

    /** @param {string} appId @param {Fault} fault */
    setFault: (appId, fault) => faults.set(appId, fault),
    /** Takes one use of the app's fault, if any. @param {string} appId */
    takeFault(appId) {
      const fault = faults.get(appId);
      if (!fault) return undefined;
      fault.times -= 1;
      if (fault.times <= 0) faults.delete(appId);
      return fault;
    },
  };
}

/**
 * The user as Descope's `UserResponse` (what `/v1/auth/me` and JWT responses carry).
 * @param {User} user
 */
export function toUserResponse(user) {
  return {
    userId: user.userId,
    loginIds: [user.loginId],
    name: user.name,
    givenName: user.name.split(' ')[0] ?? '',
    familyName: user.name.split(' ').slice(1).join(' '),
    email: user.email,
    verifiedEmail: Boolean(user.email),
    phone: '',
    verifiedPhone: false,
    picture: '',
    roleNames: [],
    userTenants: [],
    status: 'enabled',
    externalIds: [user.loginId],
    customAttributes: {},
    createdTime: user.createdTime,
    test: false,
    password: Boolean(user.password),
    TOTP: false,
    SAML: false,
    OAuth: {},
    webauthn: false,
    ssoAppIds: [],
  };
}
