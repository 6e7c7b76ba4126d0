/**
 * What `<outbound-app-list>` does once its first paint is done, in a chunk of its own (a page with
 * buttons only never loads it): reading the apps and their status through the catalog client of
 * the on-demand module, the rows, the states (loading, empty, signed out, error with Retry),
 * connecting and asking to disconnect. A Lit reactive controller of the list.
 */
import { adoptStyles, html, nothing, type ReactiveController } from 'lit';
import type { CatalogApp } from '../core/catalog.js';
import { isSafeRemoteImageUrl } from '../core/image-url.js';
import { onInheritedConfigChange } from './config-changes.js';
import { connectLazily, loadOnDemand, popupAction } from './on-demand-loader.js';
import { monogramLetter } from './monogram.js';
import { openPopupInGesture } from './popup-gesture.js';
import type { OutboundAppList } from './outbound-app-list.js';
type OnDemand = Awaited<ReturnType<typeof loadOnDemand>>;
import { listStyles } from './outbound-app-list.styles.js';
import { stringsFor, type ResolvedStrings } from './i18n.js';

type ListState =
  | { kind: 'loading' }
  | { kind: 'ready'; apps: CatalogApp[]; connected: ReadonlySet<string> | undefined }
  | { kind: 'signed-out' }
  | { kind: 'error'; message: string };

const NOT_CONFIGURED =
  'No Descope project: set project-id (and base-url) on <outbound-app-list>, an <outbound-connect> around it, or configure(); or pass an sdk.';

export class AppListView implements ReactiveController {
  private _state: ListState = { kind: 'loading' };
  /** The app whose connection this list started and is under way. */
  private _busy?: string;
  private readonly _failedLogos = new Set<string>();
  private _announcement = '';
  private _read = 0;
  private _unwatch?: () => void;
  private _unwatchConfig?: () => void;
  /** Whether a missing project was given until the page finished loading to arrive. */
  private _waitedForPage = false;

  /** The words of the last render (the list's `strings`, then `configure()`, the locale, English). */
  private _w: ResolvedStrings;

  constructor(private readonly host: OutboundAppList) {
    this._w = this._words();
    host.addController(this);
    adoptStyles(host.renderRoot as ShadowRoot, [...(host.constructor as typeof OutboundAppList).elementStyles, listStyles]);
    // The outcome of a connection this list started (an error, Back from the provider, or a popup's
    // result: a popup-mode connection ends here without the page leaving).
    host.addEventListener('outbound-connect-success', (e) => this._settle(e.target, e.detail.appId, 'connected'));
    host.addEventListener('outbound-connect-error', (e) => this._settle(e.target, e.detail.appId, 'failed'));
    host.addEventListener('outbound-connect-cancel', (e) => this._settle(e.target, e.detail.appId, 'canceled'));
  }

  hostConnected(): void {
    this._unwatchConfig ??= onInheritedConfigChange(() => void this.load());
    void this.load();
  }

  hostDisconnected(): void {
    this._unwatch?.();
    this._unwatchConfig?.();
    this._unwatch = this._unwatchConfig = undefined;
  }

  private _set(changes: { state?: ListState; busy?: string | undefined; announcement?: string }): void {
    if (changes.state) this._state = changes.state;
    if ('busy' in changes) this._busy = changes.busy;
    if (changes.announcement !== undefined) this._announcement = changes.announcement;
    this.host.requestUpdate();
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
    const read = ++this._read;
    let view: Awaited<ReturnType<OnDemand['readCatalogFor']>>;
    try {
      const module = await loadOnDemand();
      if (read !== this._read || !this.host.isConnected) return;
      this._unwatch ??= module.onCatalogChange(() => void this.load());
      view = await module.readCatalogFor(this.host, { apps: true, status: true });
    } catch {
      if (read === this._read) this._set({ state: { kind: 'error', message: 'Could not load the catalog module; check the network.' } });
      return;
    }
    if (read !== this._read) return;
    const { apps, connected } = view;
    if (!apps && !this._waitedForPage && document.readyState !== 'complete') {
      // The project may still be on its way (a script that sets it later): ask again once the
      // page has loaded, and only then say what is missing.
      this._waitedForPage = true;
      window.addEventListener('load', () => setTimeout(() => void this.load()), { once: true });
    } else if (!apps) {
      console.error(`[outbound-elements] not-configured: ${NOT_CONFIGURED}`);
      this._set({ state: { kind: 'error', message: NOT_CONFIGURED } });
    } else if (apps.state === 'signed-out') {
      this._set({ state: { kind: 'signed-out' } });
    } else if (apps.state === 'error') {
      this._set({ state: { kind: 'error', message: apps.error.message } });
    } else {
      const only = this.host.apps;
      const shown = apps.value.filter((app) => !only || only.includes(app.id));
      shown.sort((a, b) => a.name.localeCompare(b.name, undefined, { sensitivity: 'base' }));
      const ids = connected?.state === 'ready' ? new Set(connected.value) : undefined;
      this._set({ state: { kind: 'ready', apps: shown, connected: ids } });
    }
  }

  private async _connect(app: CatalogApp): Promise<void> {
    if (this._busy) {
      // Popup mode: the busy row's button brings its popup back to the front.
      if (this._busy === app.id) popupAction(app.id, 'focus');
      return;
    }
    // Popup mode: the popup must open now, inside the click, before anything is awaited.
    const popup = openPopupInGesture(this.host, app.id);
    this._w = this._words();
    this._set({ busy: app.id, announcement: this._w.connecting(app.name) });
    const result = await connectLazily(this.host, app.id, {}, popup);
    // On `redirecting` the page is leaving: the row stays busy until it does. On `popup` it stays
    // busy until the popup's outcome event.
    if (result.status === 'canceled') this._settle(this.host, app.id, 'quiet');
  }

  private _settle(target: EventTarget | null, appId: string, outcome: 'connected' | 'failed' | 'canceled' | 'quiet'): void {
    if (target !== this.host || this._busy !== appId) return;
    this._w = this._words();
    const name = this._state.kind === 'ready' ? (this._state.apps.find((app) => app.id === appId)?.name ?? appId) : appId;
    const announcement =
      outcome === 'connected'
        ? this._w.connected(name)
        : outcome === 'failed'
          ? this._w.failed(name, '')
          : outcome === 'canceled'
            ? this._w.canceled(name)
            : '';
    this._set({ busy: undefined, announcement });
  }

  private _askToDisconnect(app: CatalogApp): void {
    this.host.dispatchEvent(new CustomEvent('outbound-disconnect', { detail: { appId: app.id }, bubbles: true, composed: true }));
  }

  private _renderLogo(app: CatalogApp) {
    if (app.logo && !this._failedLogos.has(app.id) && isSafeRemoteImageUrl(app.logo)) {
      const failed = () => {
        this._failedLogos.add(app.id);
        this.host.requestUpdate();
      };
      return html`<img src=${app.logo} alt="" draggable="false" @error=${failed} />`;
    }
    return html`<span class="monogram">${monogramLetter(app.name)}</span>`;
  }

  private _renderApp(app: CatalogApp, connected: ReadonlySet<string> | undefined) {
    const isConnected = connected?.has(app.id) ?? false;
    const busy = this._busy === app.id;
    return html`<li part="item" data-app-id=${app.id}>
      <span part="logo" aria-hidden="true">${this._renderLogo(app)}</span>
      <span class="text">
        <span part="name">${app.name}</span>
        ${app.description ? html`<span part="description">${app.description}</span>` : nothing}
      </span>
      ${connected
        ? html`<span part="status" class=${isConnected ? 'connected' : ''}>${isConnected ? this._w.listConnected() : this._w.listNotConnected()}</span>`
        : nothing}
      <span part="actions">
        <button
          part="connect"
          type="button"
          aria-label=${isConnected ? this._w.reconnect(app.name) : this._w.connect(app.name)}
          aria-busy=${busy ? 'true' : 'false'}
          @click=${() => void this._connect(app)}
        >
          ${busy ? this._w.listConnecting() : isConnected ? this._w.listReconnect() : this._w.listConnect()}
        </button>
        ${this.host.disconnect && isConnected
          ? html`<button part="disconnect" type="button" aria-label=${this._w.disconnect(app.name)} @click=${() => this._askToDisconnect(app)}>
              ${this._w.listDisconnect()}
            </button>`
          : nothing}
      </span>
    </li>`;
  }

  private _renderContent() {
    const state = this._state;
    if (state.kind === 'loading') {
      const row = html`<li part="item skeleton">
        <span part="logo"></span>
        <span class="text"><span class="bar short"></span><span class="bar"></span></span>
      </li>`;
      return html`<ul part="list" class="skeleton" aria-hidden="true">${row}${row}${row}</ul>`;
    }
    if (state.kind === 'error') {
      return html`<div part="error" class="message" title=${state.message}>
        <span>${this._w.listFailed()}</span>
        <button part="retry" type="button" @click=${() => void this.refresh()}>${this._w.listRetry()}</button>
      </div>`;
    }
    if (state.kind === 'signed-out') return html`<p part="empty" class="message">${this._w.listSignedOut()}</p>`;
    if (state.apps.length === 0) return html`<p part="empty" class="message"><slot name="empty">${this._w.listEmpty()}</slot></p>`;
    return html`<ul part="list">${state.apps.map((app) => this._renderApp(app, state.connected))}</ul>`;
  }

  private _words(): ResolvedStrings {
    return stringsFor(this.host, this.host.strings);
  }

  /** The list's state for tests and the element: `loading`, `ready`, `signed-out` or `error`. */
  get state(): ListState['kind'] {
    return this._state.kind;
  }

  render() {
    this._w = this._words();
    return html`${this._renderContent()}
      <span class="visually-hidden" role="status">${this._state.kind === 'loading' ? this._w.listLoading() : this._announcement}</span>`;
  }
}
