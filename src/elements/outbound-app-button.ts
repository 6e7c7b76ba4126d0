import { html, nothing, type PropertyDeclarations, type PropertyValues } from 'lit';
import { parseScopes } from '../core/scopes.js';
import { getPageConfig } from '../core/config.js';
import { isSafeImageUrl, isSafeRemoteImageUrl } from '../core/image-url.js';
import type { ConnectErrorDetail } from '../events.js';
import { connectLazily, loadOnDemand, warmUpConnect } from './on-demand-loader.js';
import { trackButton } from './live-elements.js';
import { composedAncestors } from './composed-ancestors.js';
import { onInheritedConfigChange } from './config-changes.js';
import { monogramLetter } from './monogram.js';
import { OutboundConfigElement } from './outbound-config-element.js';
import { buttonStyles } from './outbound-app-button.styles.js';
import { humanizeAppId, strings } from './strings.js';

/** What the catalog read depends on: when one changes, the button reads again (from the page cache). */
const CATALOG_INPUTS = ['appId', 'appName', 'logo', 'checkStatus', 'projectId', 'baseUrl', 'storagePrefix', 'tenantId', 'sdk', 'token', 'getToken'];

export type ButtonStatus = 'idle' | 'connecting' | 'connected' | 'error';

const scopesConverter = {
  fromAttribute: (value: string | null) => parseScopes(value),
  toAttribute: (value: string[] | undefined) => (Array.isArray(value) ? value.join(' ') : null),
};

/**
 * A button that connects the signed-in user's account to a Descope Outbound App (Google Contacts,
 * Slack, HubSpot…): one click sends the browser to the provider's consent screen, and the page is
 * told when it comes back.
 *
 * @summary Connect the user's account to a third-party app through Descope Outbound Apps.
 * @tagname outbound-app-button
 *
 * @slot - Label content; replaces the default label ("Connect Google Contacts").
 * @slot logo - A logo of your own (an `<img>` or `<svg>`), instead of the `logo` URL.
 *
 * Without `logo` or `app-name`, the button takes them from the project's app catalog; with
 * `check-status` (or an `<outbound-connect check-status>` around it) it shows `connected` for an
 * app the user has already connected, and its action becomes "Reconnect". The page asks Descope
 * at most once per endpoint, however many buttons it holds (see the README).
 *
 * @csspart button - The native `<button>`.
 * @csspart logo - The box holding the logo (image, slotted logo, or monogram).
 * @csspart label - The label text.
 * @csspart spinner - The busy indicator shown over the logo while connecting.
 *
 * @cssprop [--outbound-button-background=#fff] - Background (dark scheme: #131314).
 * @cssprop [--outbound-button-color=#1f1f1f] - Text colour (dark scheme: #e3e3e3).
 * @cssprop [--outbound-button-border-color=#747775] - Border colour (dark scheme: #8e918f).
 * @cssprop [--outbound-button-hover-background] - Background on hover (a tint of the text colour by default).
 * @cssprop [--outbound-button-active-background] - Background while pressed.
 * @cssprop [--outbound-button-radius=6px] - Corner radius.
 * @cssprop [--outbound-button-height=40px] - Minimum height.
 * @cssprop [--outbound-button-padding-inline=12px] - Inline padding.
 * @cssprop [--outbound-button-gap=10px] - Space between logo and label.
 * @cssprop [--outbound-button-font-family=system-ui] - Font family.
 * @cssprop [--outbound-button-font-size=14px] - Font size.
 * @cssprop [--outbound-button-font-weight=500] - Font weight.
 * @cssprop [--outbound-logo-size=20px] - Logo, monogram and spinner size.
 * @cssprop [--outbound-monogram-background] - Monogram tile (shown without a logo); a tint of the text colour by default.
 * @cssprop [--outbound-monogram-color] - Monogram letter; the button background by default.
 * @cssprop [--outbound-focus-ring-color=#0b57d0] - Focus ring (2px, offset 2px).
 * @cssprop [--outbound-accent-color=#0b57d0] - Spinner colour.
 * @cssprop [--outbound-success-color=#146c2e] - Connected badge.
 * @cssprop [--outbound-error-color=#b3261e] - Error border and badge.
 *
 * @fires {CustomEvent<ConnectStartDetail>} outbound-connect-start - Before the connect call. Cancelable: `preventDefault()` stops it.
 * @fires {CustomEvent<ConnectSuccessDetail>} outbound-connect-success - The browser came back from the provider with the app connected.
 * @fires {CustomEvent<ConnectErrorDetail>} outbound-connect-error - Anything failed; `detail.code` says what.
 * @fires {CustomEvent<ConnectCancelDetail>} outbound-connect-cancel - The user came back without finishing.
 */
export class OutboundAppButton extends OutboundConfigElement {
  static override styles = buttonStyles;
  static override shadowRootOptions: ShadowRootInit = { ...OutboundConfigElement.shadowRootOptions, delegatesFocus: true };
  static override properties: PropertyDeclarations = {
    appId: { attribute: 'app-id' },
    scopes: { attribute: 'scopes', converter: scopesConverter },
    appName: { attribute: 'app-name' },
    label: { attribute: 'label' },
    logo: { attribute: 'logo' },
    disabled: { attribute: 'disabled', type: Boolean, reflect: true },
    _status: { state: true },
    _announcement: { state: true },
    _failureReason: { state: true },
    _logoFailed: { state: true },
    _catalogApp: { state: true },
  };

  /** The Outbound App ID (the `providerId` of Descope's docs). Required. */
  appId?: string;

  /** Scopes to request; the attribute is space-separated. Absent: the app's default scopes. */
  scopes?: string[];

  /** Display name used in the default label ("Connect Google Contacts"). */
  appName?: string;

  /** The full label text; overrides the default. */
  label?: string;

  /** Logo image URL (`https:`, same-origin, or `data:image/…`). */
  logo?: string;

  /** Disables the button. */
  disabled = false;

  private _status: ButtonStatus = 'idle';
  private _announcement = '';
  private _failureReason = '';
  private _logoFailed = false;
  /** The app's name and logo from the catalog, when the button was given none. */
  private _catalogApp?: { name: string; logo: string };
  private _catalogRead = 0;
  private _unwatchCatalog?: () => void;
  private _unwatchConfig?: () => void;

  constructor() {
    super();
    this.addEventListener('outbound-connect-success', (e) => this._onOutcome(e));
    this.addEventListener('outbound-connect-error', (e) => this._onOutcome(e));
    this.addEventListener('outbound-connect-cancel', (e) => this._onOutcome(e));
    // Fetch the connect code and the SDK while the pointer or focus is on its way to a click.
    this.addEventListener('pointerenter', warmUpConnect, { once: true });
    this.addEventListener('focusin', warmUpConnect, { once: true });
  }

  /** `idle`, `connecting`, `connected` or `error`. Read-only; reflected as the `status` attribute. */
  get status(): ButtonStatus {
    return this._status;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    trackButton(this, true);
    if (!this.hasAttribute('status')) this.setAttribute('status', this._status);
    if (this.hasUpdated) this._readCatalog();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    trackButton(this, false);
    this._unwatchCatalog?.();
    this._unwatchConfig?.();
    this._unwatchCatalog = this._unwatchConfig = undefined;
  }

  /**
   * Starts the connection, exactly like a click. Ignored while connecting or disabled.
   * Resolves once the browser is on its way to the provider, or the attempt failed (then an
   * `outbound-connect-error` was fired). Never rejects.
   */
  async connect(): Promise<void> {
    if (this.disabled || this._status === 'connecting') return;
    const appName = this._appName;
    this._status = 'connecting';
    this._failureReason = '';
    this._announcement = strings.connecting(appName);
    const result = await connectLazily(this, this.appId ?? '', { scopes: this.scopes });
    if (result.status === 'canceled') {
      this._status = 'idle';
      this._announcement = '';
    }
  }

  private get _appName(): string {
    return this.appName?.trim() || this._catalogApp?.name || humanizeAppId(this.appId ?? '') || 'app';
  }

  /** `check-status` here, else on the nearest `<outbound-connect>` that sets it, else `configure()`. */
  private _wantsStatus(): boolean {
    if (this.checkStatus !== undefined) return this.checkStatus;
    for (const ancestor of composedAncestors(this)) {
      const inherited = ancestor.localName === 'outbound-connect' ? (ancestor as OutboundConfigElement).checkStatus : undefined;
      if (inherited !== undefined) return inherited;
    }
    return getPageConfig().checkStatus === true;
  }

  /**
   * Fills in the name and logo from the catalog and the connected status, when they are wanted:
   * nothing is loaded or asked for when the button has both and no status is asked for.
   */
  private _readCatalog(): void {
    const want = { apps: !this.appName || !this.logo, status: this._wantsStatus() };
    const read = ++this._catalogRead;
    if (!this.appId || (!want.apps && !want.status)) return;
    this._unwatchConfig ??= onInheritedConfigChange(() => this._readCatalog());
    loadOnDemand()
      .then(async (module) => {
        if (read !== this._catalogRead || !this.isConnected) return;
        this._unwatchCatalog ??= module.onCatalogChange(() => this._readCatalog());
        const view = await module.readCatalogFor(this, want);
        if (read !== this._catalogRead) return;
        if (view.apps?.state === 'ready') {
          const app = view.apps.value.find((entry) => entry.id === this.appId);
          if (app?.name !== this._catalogApp?.name || app?.logo !== this._catalogApp?.logo) {
            this._catalogApp = app && { name: app.name, logo: app.logo };
          }
        }
        if (view.connected?.state === 'ready' && (this._status === 'idle' || this._status === 'connected')) {
          this._status = view.connected.value.includes(this.appId!) ? 'connected' : 'idle';
        }
      })
      .catch(() => undefined); // no catalog: the button keeps its own name and monogram
  }

  private _onOutcome(event: Event): void {
    if (event.target !== this) return;
    const name = this._appName;
    if (event.type === 'outbound-connect-success') {
      this._status = 'connected';
      this._announcement = strings.connected(name);
    } else if (event.type === 'outbound-connect-error') {
      this._status = 'error';
      this._failureReason = '';
      this._announcement = strings.failed(name, '');
      const { code } = (event as CustomEvent<ConnectErrorDetail>).detail;
      loadOnDemand().then(
        ({ reasonFor }) => {
          if (this._status !== 'error') return;
          this._failureReason = reasonFor(code);
          this._announcement = strings.failed(name, this._failureReason);
        },
        () => undefined, // the generic announcement stands
      );
    } else {
      this._status = 'idle';
      this._announcement = strings.canceled(name);
    }
  }

  private _onClick(): void {
    void this.connect();
  }

  private _onLogoError(): void {
    this._logoFailed = true;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('logo') || changed.has('_catalogApp' as keyof OutboundAppButton)) this._logoFailed = false;
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (this.getAttribute('status') !== this._status) this.setAttribute('status', this._status);
    if (CATALOG_INPUTS.some((name) => changed.has(name as keyof OutboundAppButton))) this._readCatalog();
  }

  private _renderLogo() {
    const name = this._appName;
    if (this.logo && !this._logoFailed && isSafeImageUrl(this.logo, document.baseURI)) {
      return html`<img src=${this.logo} alt="" draggable="false" @error=${this._onLogoError} />`;
    }
    // A logo from the catalog comes from the network: https:, data:image/ (http: on localhost) only.
    const remote = this.logo ? undefined : this._catalogApp?.logo;
    if (remote && !this._logoFailed && isSafeRemoteImageUrl(remote)) {
      return html`<img src=${remote} alt="" draggable="false" @error=${this._onLogoError} />`;
    }
    return html`<span class="monogram" aria-hidden="true">${monogramLetter(name)}</span>`;
  }

  protected override render() {
    const name = this._appName;
    const busy = this._status === 'connecting';
    const text = this.label || (this._status === 'connected' ? strings.reconnect(name) : strings.connect(name));
    const badge =
      this._status === 'connected'
        ? html`<span class="badge connected" aria-hidden="true"></span>`
        : this._status === 'error'
          ? html`<span class="badge error" aria-hidden="true"></span>`
          : nothing;
    return html`
      <button
        part="button"
        type="button"
        ?disabled=${this.disabled}
        aria-busy=${busy ? 'true' : 'false'}
        title=${this._failureReason || nothing}
        @click=${this._onClick}
      >
        <span class="media">
          <span part="logo" class=${busy ? 'busy' : ''}><slot name="logo">${this._renderLogo()}</slot></span>
          ${busy ? html`<span part="spinner" aria-hidden="true"></span>` : nothing} ${badge}
        </span>
        <span part="label"><slot>${text}</slot></span>
      </button>
      <span class="visually-hidden" role="status">${this._announcement}</span>
    `;
  }
}
