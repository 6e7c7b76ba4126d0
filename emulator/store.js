// @ts-check
/**
 * The emulator's whole state, in memory: users, pending authorisations, connections (each one is
 * also the provider token Descope stores for it), the access tokens the fake provider issued,
 * revoked sessions, the request log and the test faults.
 *
 * Nothing survives a restart unless a state file is given: then `snapshot()` / `restore()` carry
 * the users, connections and issued access tokens (state-file.js), and `onChange` fires after
 * every change to them. Every mutation is synchronous, so concurrent requests (which Node runs
 * one handler step at a time) always see and leave a consistent state.
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
/** How long a provider access token lives: Google's is an hour. */
export const PROVIDER_TOKEN_TTL_MS = 60 * 60 * 1000;

/**
 * @typedef {{ id: string, name: string, description?: string, logo?: string,
 *   defaultScopes?: string[], defaultRedirectUrl?: string, provider?: string, clientSecret?: string }} App
 *   provider: whose fake API accepts its tokens (default: the ID up to its first '-');
 *   apps made through the management API also carry Descope's other fields (app-fields.js)
 * @typedef {{ userId: string, loginId: string, name: string, email: string, password?: string,
 *   createdTime: number }} User
 * @typedef {{ state: string, appId: string, userId: string, tenantId?: string,
 *   tenantLevel?: boolean, scopes: string[], redirectUrl: string, externalIdentifier?: string,
 *   expiresAt: number, code?: string, denied?: boolean }} Pending
 * @typedef {{ id: string, appId: string, userId: string, tenantId?: string, tenantLevel?: boolean,
 *   scopes: string[], externalIdentifier?: string, createdAt: number,
 *   tokenSub: string, accessToken: string, accessTokenType: string, accessTokenExpiry: number,
 *   refreshToken: string, lastRefreshTime: number, lastRefreshError: string, grantRevoked?: boolean,
 *   kind?: 'oauth' | 'apiKey', grantedBy?: string }} Connection
 *   A connection and the provider token stored for it. Times are ms since the epoch;
 *   accessTokenExpiry 0 means unknown (an uploaded token without one, an API key): never expired.
 *   grantRevoked: the user withdrew the access at the provider (test hook): refreshes fail.
 *   kind: 'apiKey' for an uploaded API key (nothing to refresh); grantedBy: who connected or uploaded it.
 * @typedef {{ tokenId: string, expiresAt: number }} IssuedAccessToken
 * @typedef {{ version: 1, users: User[], connections: Connection[],
 *   accessTokens: Array<[string, IssuedAccessToken]>, apps?: App[], deletedAppIds?: string[] }} Snapshot
 *   apps / deletedAppIds: the catalog changes made through the management API, replayed over the
 *   start-up catalog (--apps or the built-in one), so edits to that file still show for other apps
 * @typedef {{ status: number, body?: unknown, times: number, delayMs: number }} Fault
 * @typedef {{ method: string, path: string, origin: string | null, time: number }} LoggedRequest
 * @typedef {{ userId?: string, appId?: string }} ConnectionFilter
 * @typedef {ReturnType<typeof createStore>} Store
 * @typedef {{ users?: number, connections?: number, pending?: number, revoked?: number }} Limits
 *   the most of each the emulator keeps; past it the oldest goes (never the demo user), so a
 *   flood of sign-ups, connects or logouts cannot grow its memory (or its state file) for ever
 */

/** @type {Required<Limits>} */
export const DEFAULT_LIMITS = { users: 10_000, connections: 20_000, pending: 10_000, revoked: 10_000 };

/**
 * The `?appId=&userId=` filter of the routes that list or delete connections; an empty
 * parameter filters nothing.
 * @param {URLSearchParams} query
 * @returns {ConnectionFilter}
 */
export function connectionFilterOf(query) {
  return { appId: query.get('appId') || undefined, userId: query.get('userId') || undefined };
}

/** @param {Connection} c @param {ConnectionFilter} filter */
const matches = (c, { userId, appId }) => (!userId || c.userId === userId) && (!appId || c.appId === appId);

/** A provider-style opaque token: prefix, then random characters. @param {string} prefix */
const opaqueToken = (prefix) => `${prefix}${randomId('', 40)}`;

/** An uploaded token without an expiry is taken as valid until it is deleted. */
const NEVER = Number.MAX_SAFE_INTEGER;

/** Whether the stored access token has expired (0: unknown, so not). @param {Connection} c @param {number} [now] */
export const accessTokenExpired = (c, now = Date.now()) => c.accessTokenExpiry !== 0 && c.accessTokenExpiry <= now;

/**
 * The token a connection or an upload stores, before its values.
 * @typedef {Pick<Connection, 'appId' | 'userId' | 'tenantId' | 'tenantLevel' | 'scopes' | 'externalIdentifier'>
 *   & Partial<Pick<Connection, 'kind' | 'grantedBy'>>} ConnectionKey
 * @typedef {{ accessToken?: string, accessTokenType?: string, accessTokenExpiry?: number, refreshToken?: string,
 *   tokenSub?: string }} UploadedValues accessTokenExpiry in ms; 0 or absent: unknown
 */

/**
 * @param {App[]} apps
 * @param {{ onChange?: () => void, limits?: Limits }} [options] onChange: called after each change worth persisting
 */
export function createStore(apps, { onChange = () => {}, limits: given } = {}) {
  const limits = { ...DEFAULT_LIMITS, ...given };
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
  /** Every provider access token still valid or not, by its value. @type {Map<string, IssuedAccessToken>} */
  const accessTokens = new Map();

  /** Issues a new provider access token for the connection (connect, refresh). @param {Connection} c @param {number} now */
  function issueAccessToken(c, now) {
    c.accessToken = opaqueToken('ya29.emu-');
    c.accessTokenExpiry = now + PROVIDER_TOKEN_TTL_MS;
    c.lastRefreshTime = now;
    c.lastRefreshError = '';
    accessTokens.set(c.accessToken, { tokenId: c.id, expiresAt: c.accessTokenExpiry });
    // Expired ones are of no use any more: keep the map (and the state file) small.
    for (const [value, issued] of accessTokens) if (issued.expiresAt < now - PROVIDER_TOKEN_TTL_MS) accessTokens.delete(value);
  }

  /** Forgets the access tokens of connections that no longer exist. */
  function dropOrphanAccessTokens() {
    const ids = new Set(connections.map((c) => c.id));
    for (const [value, issued] of accessTokens) if (!ids.has(issued.tokenId)) accessTokens.delete(value);
  }

  /** A connection without token values yet. @param {ConnectionKey} c @param {number} now @returns {Connection} */
  function newConnection(c, now) {
    return {
      ...c, id: randomId('OT', 26), createdAt: now,
      // The provider's own ID of the account (Google's `sub`): stable per user and app.
      tokenSub: `emu-${c.appId}-${c.userId || c.tenantId}`,
      accessToken: '', accessTokenType: 'Bearer', accessTokenExpiry: 0,
      refreshToken: '', lastRefreshTime: now, lastRefreshError: '',
    };
  }

  /** Stores it in place of the one of the same (app, user, tenant, level). @param {Connection} connection */
  function replaceConnection(connection) {
    const same = (/** @type {Connection} */ x) => x.appId === connection.appId && x.userId === connection.userId
      && (x.tenantId ?? '') === (connection.tenantId ?? '') && !!x.tenantLevel === !!connection.tenantLevel;
    connections = connections.filter((x) => !same(x));
    connections.push(connection);
    if (connections.length > limits.connections) connections.splice(0, connections.length - limits.connections);
    dropOrphanAccessTokens();
    onChange();
    return connection;
  }

  /** @param {{ userId?: string, loginId?: string, name?: string, email?: string, password?: string }} u */
  function addUser(u) {
    const userId = u.userId || randomId('U2', 26);
    const loginId = u.loginId || `${userId.toLowerCase()}@example.com`;
    const user = {
      userId, loginId, name: u.name ?? loginId.split('@')[0], email: u.email ?? (loginId.includes('@') ? loginId : ''),
      password: u.password, createdTime: Math.floor(Date.now() / 1000),
    };
    users.set(userId, user);
    // The oldest users go first (a Map keeps insertion order), with their tokens; never the demo user.
    for (const id of users.keys()) {
      if (users.size <= limits.users) break;
      if (id === DEMO_USER.userId) continue;
      users.delete(id);
      connections = connections.filter((c) => c.userId !== id);
    }
    dropOrphanAccessTokens();
    onChange();
    return user;
  }
  addUser(DEMO_USER);

  /** @type {Map<string, App>} */
  const catalog = new Map(apps.map((a) => [a.id, a]));
  /** Apps created or updated through the management API, and the IDs it deleted (see Snapshot). */
  const savedApps = new Map();
  const deletedAppIds = new Set();

  return {
    apps: catalog,
    /** Creates or replaces an app (the management API). @param {App} app */
    putApp(app) {
      catalog.set(app.id, app);
      savedApps.set(app.id, app);
      deletedAppIds.delete(app.id);
      onChange();
      return app;
    },
    /** Deletes an app and every token of it. @param {string} id @returns {boolean} whether it existed */
    deleteApp(id) {
      if (!catalog.delete(id)) return false;
      savedApps.delete(id);
      deletedAppIds.add(id);
      connections = connections.filter((c) => c.appId !== id);
      dropOrphanAccessTokens();
      onChange();
      return true;
    },
    users,
    revokedTokens,
    /**
     * Logs a session out. Past the limit the oldest entry goes: that session (if not expired by
     * then) would work again, the price of bounded memory. @param {string} token
     */
    revokeToken(token) {
      revokedTokens.add(token);
      for (const old of revokedTokens) {
        if (revokedTokens.size <= limits.revoked) break;
        revokedTokens.delete(old);
      }
    },
    /** How many authorisations are in progress (for the limits' tests). */
    pendingCount: () => pending.size,
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
      const now = Date.now();
      for (const [key, old] of pending) if (old.expiresAt < now) pending.delete(key);
      pending.set(state, { ...p, state, expiresAt: now + PENDING_TTL_MS });
      for (const key of pending.keys()) {
        if (pending.size <= limits.pending) break;
        pending.delete(key); // the oldest authorisation in progress: its callback will say "expired"
      }
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

    /**
     * Records a connection with a fresh provider token. Reconnecting replaces the connection of
     * the same (app, user, tenant, level), and so revokes its access tokens.
     * @param {ConnectionKey} c
     */
    upsertConnection(c) {
      const now = Date.now();
      const connection = newConnection(c, now);
      connection.refreshToken = opaqueToken('1//emu-');
      issueAccessToken(connection, now);
      return replaceConnection(connection);
    },
    /**
     * Stores tokens obtained elsewhere (the management API's uploads) as a connection, replacing
     * one of the same (app, user, tenant, level) as a reconnect does. The access token, if any,
     * is what the fake provider accepts from then on.
     * @param {ConnectionKey} c
     * @param {UploadedValues} values
     */
    importConnection(c, values) {
      const now = Date.now();
      const connection = newConnection(c, now);
      if (values.tokenSub) connection.tokenSub = values.tokenSub;
      connection.accessToken = values.accessToken ?? '';
      connection.accessTokenType = values.accessTokenType || connection.accessTokenType;
      connection.accessTokenExpiry = values.accessTokenExpiry ?? 0;
      connection.refreshToken = values.refreshToken ?? '';
      if (connection.accessToken) {
        accessTokens.set(connection.accessToken, { tokenId: connection.id, expiresAt: connection.accessTokenExpiry || NEVER });
      }
      return replaceConnection(connection);
    },
    /** @param {ConnectionFilter} filter */
    listConnections: (filter) => connections.filter((c) => matches(c, filter)),
    /** @param {string} id */
    getConnection: (id) => connections.find((c) => c.id === id),
    /** @param {ConnectionFilter} filter an empty filter deletes every connection */
    deleteConnections(filter) {
      const before = connections.length;
      connections = connections.filter((c) => !matches(c, filter));
      dropOrphanAccessTokens();
      if (before !== connections.length) onChange();
      return before - connections.length;
    },
    /** @param {string} id @returns {boolean} whether it existed */
    deleteConnection(id) {
      const before = connections.length;
      connections = connections.filter((c) => c.id !== id);
      dropOrphanAccessTokens();
      if (before === connections.length) return false;
      onChange();
      return true;
    },
    /**
     * Uses the refresh token: a new access token; earlier ones stay valid until they expire.
     * When the grant was revoked, the refresh fails: the token keeps its (dead) access token and
     * records the provider's answer in lastRefreshError.
     * @param {Connection} c
     */
    refreshConnection(c) {
      if (c.kind === 'apiKey') return c; // an API key has nothing to refresh: it stays as uploaded
      if (c.grantRevoked) c.lastRefreshError = 'invalid_grant: Token has been expired or revoked.';
      else if (!c.refreshToken) c.lastRefreshError = 'No refresh token: this token cannot be refreshed; upload a new one or connect again';
      else issueAccessToken(c, Date.now());
      onChange();
      return c;
    },
    /** Test hook: the user withdrew the access at the provider: its access tokens die, refreshes fail. @param {Connection} c */
    revokeGrant(c) {
      const now = Date.now();
      c.grantRevoked = true;
      c.accessTokenExpiry = Math.min(c.accessTokenExpiry, now - 1);
      for (const issued of accessTokens.values()) if (issued.tokenId === c.id) issued.expiresAt = Math.min(issued.expiresAt, now - 1);
      onChange();
      return c;
    },
    /** Test hook: the current access token expires now (Descope refreshes it on the next fetch). @param {Connection} c */
    expireAccessToken(c) {
      const now = Date.now();
      c.accessTokenExpiry = now - 1;
      const issued = accessTokens.get(c.accessToken);
      if (issued) issued.expiresAt = now - 1;
      onChange();
      return c;
    },
    /**
     * What the fake provider knows of an access token: its connection while it is live.
     * @param {string} value
     * @returns {{ connection: Connection, expired: boolean } | undefined}
     */
    lookupAccessToken(value) {
      const issued = accessTokens.get(value);
      const connection = issued && connections.find((c) => c.id === issued.tokenId);
      if (!issued || !connection) return undefined;
      return { connection, expired: issued.expiresAt <= Date.now() };
    },

    /** The state worth keeping across restarts. @returns {Snapshot} */
    snapshot: () => ({
      version: 1,
      users: [...users.values()],
      connections,
      accessTokens: [...accessTokens],
      apps: [...savedApps.values()],
      deletedAppIds: [...deletedAppIds],
    }),
    /** Replaces users, connections and access tokens with a snapshot's (read by state-file.js). @param {Snapshot} data */
    restore(data) {
      for (const app of data.apps ?? []) { catalog.set(app.id, app); savedApps.set(app.id, app); }
      for (const id of data.deletedAppIds ?? []) { catalog.delete(id); deletedAppIds.add(id); }
      for (const user of data.users) users.set(user.userId, user);
      connections = data.connections.map((c) => ({ ...c }));
      accessTokens.clear();
      for (const [value, issued] of data.accessTokens) accessTokens.set(value, { ...issued });
      dropOrphanAccessTokens();
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
