/**
 * What `<outbound-app-list>` does once its first paint is done, in a chunk of its own (a page with
 * buttons only never loads it): reading the apps and their status through the catalog client of
 * the on-demand module, the rows, the states (loading, empty, signed out, error with Retry),
 * connecting and asking to disconnect. A Lit reactive controller of the list.
 */
import { adoptStyles, html, nothing, type ReactiveController } from 'lit';
import type { CatalogApp } from '../core/catalog.js';
import { onConfigChange, resolveConfig } from '../core/config.js';
import { connectionIdOf, getConnection, type ConnectionState } from '../core/connection-state.js';
import { isSafeRemoteImageUrl } from '../core/image-url.js';
import { ConnectionController } from './connection-controller.js';
import { loadOnDemand } from './on-demand.eager.js';
import type { OutboundAppList } from './outbound-app-list.js';
import { listStyles } from './outbound-app-list.styles.js';
import { monogramLetter, stringsFor, type ResolvedStrings, type StringOverrides } from './strings.js';

type OnDemand = Awaited<ReturnType<typeof loadOnDemand>>;

type ListState =
  | { kind: 'loading' }
  | { kind: 'ready'; apps: CatalogApp[]; connected: ReadonlySet<string> | undefined }
  | { kind: 'signed-out' }
  | { kind: 'error'; message: string };

/** The `apps` filter as a list of IDs; anything but an array of strings (or a string) shows every app. */
function appIdsOf(value: unknown): string[] | undefined {
  if (typeof value === 'string') return value.split(/\s+/).filter(Boolean);
  try {
    return Array.isArray(value) ? value.filter((id): id is string => typeof id === 'string') : undefined;
  } catch {
    return undefined; // a revoked Proxy
  }
}

/**
 * The list's `strings`, when it is a table that can be read, for its rows' buttons; anything else
 * (a host's Proxy that throws) is not passed on, so a row renders with the page's words.
 */
function readable(strings: unknown): StringOverrides | undefined {
  try {
    return strings !== null && typeof strings === 'object' && (strings as Record<string, unknown>)['_$litDirective$'] === undefined
      ? (strings as StringOverrides)
      : undefined;
  } catch {
    return undefined;
  }
}

const NOT_CONFIGURED =
  'No Descope project: set project-id (and base-url) on <outbound-app-list>, an <outbound-connect> around it, or configure(); or pass an sdk.';

export class AppListView implements ReactiveController {
  #state: ListState = { kind: 'loading' };
  readonly #failedLogos = new Set<string>();
  #read = 0;
  #unwatch?: () => void;
  #unwatchConfig?: () => void;
  /** Whether a missing project was given until the page finished loading to arrive. */
  #waitedForPage = false;

  /** The words of the last render (the list's `strings`, then `configure()`, the locale, English). */
  #w: ResolvedStrings;

  constructor(private readonly host: OutboundAppList) {
    this.#w = this.#words();
    host.addController(this);
    // Rows render from the page's connection state, as every button does.
    new ConnectionController(host);
    adoptStyles(host.renderRoot as ShadowRoot, [...(host.constructor as typeof OutboundAppList).elementStyles, listStyles]);
  }

  hostConnected(): void {
    this.#unwatchConfig ??= onConfigChange(() => void this.load());
    void this.load();
  }

  hostDisconnected(): void {
    this.#unwatch?.();
    this.#unwatchConfig?.();
    this.#unwatch = this.#unwatchConfig = undefined;
  }

  #set(state: ListState): void {
    this.#state = state;
    this.host.requestUpdate();
  }

  /** The list's tenant, resolved once per render (not once per row). */
  #tenant?: string;

  /** The state of an app's connection, with the list's tenant. */
  #connection(appId: string): ConnectionState {
    return getConnection(appId, this.#tenant);
  }

  /** Forgets what the page had cached (here and in other tabs) and reads again. */
  async refresh(): Promise<void> {
    try {
      (await loadOnDemand()).refreshCatalog();
    } catch {
      // reported by load()
    }
    await this.load();
  }

  /** Reads the apps and their status (shared with the page's other elements) and shows them. */
  async load(): Promise<void> {
    const read = ++this.#read;
    let view: Awaited<ReturnType<OnDemand['readCatalogFor']>>;
    try {
      const module = await loadOnDemand();
      if (read !== this.#read || !this.host.isConnected) return;
      this.#unwatch ??= module.onCatalogChange(() => void this.load());
      view = await module.readCatalogFor(this.host, { apps: true, status: true });
    } catch {
      if (read === this.#read) this.#set({ kind: 'error', message: 'Could not load the catalog module; check the network.' });
      return;
    }
    if (read !== this.#read) return;
    const { apps, connected } = view;
    if (!apps && !this.#waitedForPage && document.readyState !== 'complete') {
      // The project may still be on its way (a script that sets it later): ask again once the
      // page has loaded, and only then say what is missing.
      this.#waitedForPage = true;
      window.addEventListener('load', () => setTimeout(() => void this.load()), { once: true });
    } else if (!apps) {
      console.error(`[outbound-elements] not-configured: ${NOT_CONFIGURED}`);
      this.#set({ kind: 'error', message: NOT_CONFIGURED });
    } else if (apps.state === 'signed-out') {
      this.#set({ kind: 'signed-out' });
    } else if (apps.state === 'error') {
      this.#set({ kind: 'error', message: apps.error.message });
    } else {
      const only = appIdsOf(this.host.apps);
      const shown = apps.value.filter((app) => !only || only.includes(app.id));
      shown.sort((a, b) => a.name.localeCompare(b.name, undefined, { sensitivity: 'base' }));
      const ids = connected?.state === 'ready' ? new Set(connected.value) : undefined;
      this.#set({ kind: 'ready', apps: shown, connected: ids });
    }
  }

  #askToDisconnect(app: CatalogApp): void {
    this.host.dispatchEvent(new CustomEvent('outbound-disconnect', { detail: { appId: app.id }, bubbles: true, composed: true }));
  }

  #renderLogo(app: CatalogApp) {
    if (app.logo && !this.#failedLogos.has(app.id) && isSafeRemoteImageUrl(app.logo)) {
      const failed = () => {
        this.#failedLogos.add(app.id);
        this.host.requestUpdate();
      };
      return html`<img src=${app.logo} alt="" draggable="false" @error=${failed} />`;
    }
    return html`<span class="monogram">${monogramLetter(app.name)}</span>`;
  }

  /**
   * One app's row. Its Connect / Reconnect is an `<outbound-app-button compact>`: the same state,
   * words, look and messages as every button of the page (its `button` part is the row's
   * `connect` part, its `message` the row's `message`).
   */
  #renderApp(app: CatalogApp, connected: ReadonlySet<string> | undefined) {
    const isConnected = this.#connection(app.id).status === 'connected';
    return html`<li part="item" data-app-id=${app.id}>
      <span part="logo" aria-hidden="true">${this.#renderLogo(app)}</span>
      <span class="text">
        <span part="name">${app.name}</span>
        ${app.description ? html`<span part="description">${app.description}</span>` : nothing}
      </span>
      ${connected
        ? html`<span part="status" class=${isConnected ? 'connected' : ''}>${isConnected ? this.#w.listConnected() : this.#w.listNotConnected()}</span>`
        : nothing}
      <span part="actions">
        <outbound-app-button
          compact
          size="sm"
          exportparts="button:connect, message"
          app-id=${app.id}
          app-name=${app.name}
          logo=${app.logo || nothing}
          .strings=${readable(this.host.strings)}
        ></outbound-app-button>
        ${this.host.disconnect && isConnected
          ? html`<button part="disconnect" type="button" aria-label=${this.#w.disconnect(app.name)} @click=${() => this.#askToDisconnect(app)}>
              ${this.#w.listDisconnect()}
            </button>`
          : nothing}
      </span>
    </li>`;
  }

  #renderContent() {
    const state = this.#state;
    if (state.kind === 'loading') {
      const row = html`<li part="item skeleton">
        <span part="logo"></span>
        <span class="text"><span class="bar short"></span><span class="bar"></span></span>
      </li>`;
      return html`<ul part="list" class="skeleton" aria-hidden="true">${row}${row}${row}</ul>`;
    }
    if (state.kind === 'error') {
      return html`<div part="error" class="message">
        <span>${this.#w.listFailed()}</span>
        <button part="retry" type="button" @click=${() => void this.refresh()}>${this.#w.listRetry()}</button>
      </div>`;
    }
    if (state.kind === 'signed-out') return html`<p part="empty" class="message">${this.#w.listSignedOut()}</p>`;
    if (state.apps.length === 0) return html`<p part="empty" class="message"><slot name="empty">${this.#w.listEmpty()}</slot></p>`;
    return html`<ul part="list">${state.apps.map((app) => this.#renderApp(app, state.connected))}</ul>`;
  }

  #words(): ResolvedStrings {
    return stringsFor(this.host, this.host.strings);
  }

  /** The list's state for tests and the element: `loading`, `ready`, `signed-out` or `error`. */
  get state(): ListState['kind'] {
    return this.#state.kind;
  }

  render() {
    this.#w = this.#words();
    this.#tenant = connectionIdOf('', resolveConfig(this.host).tenantId)[1];
    return html`${this.#renderContent()}
      <span class="visually-hidden" role="status">${this.#state.kind === 'loading' ? this.#w.listLoading() : ''}</span>`;
  }
}
