import { html, nothing, type PropertyDeclarations, type PropertyValues } from 'lit';
import { toScopes } from '../core/scopes.js';
import { resolveConfig, wantsPopup, type OutboundConfig } from '../core/config.js';
import { mayHaveReturn } from '../core/redirect-return.eager.js';
import { connectionIdOf, pageShowsStatus, type ConnectionState, type ConnectionStatus } from '../core/connection-state.js';
import { isSafeImageUrl, isSafeRemoteImageUrl } from '../core/image-url.js';
import { hasSession, onSessionMaybeChanged } from '../core/session-hint.js';
import { ConnectionController } from './connection-controller.js';
import { APPROACHED, connectFrom, loadOnDemand, onDemandIfLoaded, popupAction, warmUpOnApproach } from './on-demand.eager.js';
import { trackElement } from './return-reporting.js';
import { OutboundConfigElement } from './outbound-config-element.js';
import { buttonStyles } from './outbound-app-button.styles.js';
import { humanizeAppId, monogramLetter, stringsFor, type StringOverrides } from './strings.js';

/** The button's state: the page's state of its connection. */
export type ButtonStatus = ConnectionStatus;
export type ButtonSize = 'sm' | 'md' | 'lg';
export type ButtonVariant = 'outline' | 'filled' | 'ghost';

/**
 * The attribute as given (absent: `fallback`); reflected back only when a string other than the
 * fallback (the styles' default): a host's object or Symbol in the property must not break the
 * render.
 */
const stringAttribute = (fallback?: string) => ({
  fromAttribute: (value: string | null) => value ?? fallback,
  toAttribute: (value: unknown) => (typeof value === 'string' && value !== fallback ? value : null),
});

let mayReturn: boolean | undefined;
/** Whether this page load may be a redirect return (asked once per page; never on a server, which renders without a window). */
const pageMayReturn = () => (mayReturn ??= typeof window !== 'undefined' && mayHaveReturn());

/** Property values rendered as text: anything but a string shows nothing rather than throwing. */
const text = (value: unknown): string => (typeof value === 'string' ? value : '');

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
 * at most once per endpoint, however many buttons it holds (see docs/catalog.md).
 *
 * @csspart button - The native `<button>`.
 * @csspart logo - The box holding the logo (image, slotted logo, or monogram).
 * @csspart label - The label text.
 * @csspart state - The box at the end that shows the state: empty when idle, the spinner while connecting, a check when connected, "!" on an error. It keeps the button's width the same in every state.
 * @csspart spinner - The busy indicator: the `state` box while connecting.
 * @csspart cancel - The × (Cancel) over the state box while a popup-mode connection waits for the popup.
 * @csspart message - The reason of an error, as text under the button; also the button's accessible description.
 *
 * @attr {'sm' | 'md' | 'lg'} size - Height, type size and logo size: 32, 40 (default) or 48 px.
 * @attr {'outline' | 'filled' | 'ghost'} variant - `outline` (default: light surface, thin border), `filled` (solid, high emphasis), `ghost` (no border or fill until hovered).
 * @attr aria-label - The accessible name, forwarded to the inner button (needed when the label is hidden, as in an icon-only button).
 *
 * @cssprop [--outbound-button-background=#fff] - Background (dark scheme: #131314; `filled`: #1f1f1f / #e3e3e3; `ghost`: transparent).
 * @cssprop [--outbound-button-color=#1f1f1f] - Text colour (dark scheme: #e3e3e3; `filled`: the background's opposite).
 * @cssprop [--outbound-button-border-color=#747775] - Border colour (dark scheme: #8e918f; transparent for `filled` and `ghost`).
 * @cssprop [--outbound-button-hover-background] - Background on hover (a tint of the text colour by default).
 * @cssprop [--outbound-button-active-background] - Background while pressed.
 * @cssprop [--outbound-button-radius=4px] - Corner radius (`999px` for a pill).
 * @cssprop [--outbound-button-height=40px] - Minimum height (sm 32px, lg 48px).
 * @cssprop [--outbound-button-padding-inline=12px] - Inline padding (sm 10px, lg 16px).
 * @cssprop [--outbound-button-gap=12px] - Space between logo, label and state box (sm 8px, lg 12px).
 * @cssprop [--outbound-button-font-family=system-ui] - Font family.
 * @cssprop [--outbound-button-font-size=14px] - Font size (sm 13px, lg 16px).
 * @cssprop [--outbound-button-font-weight=500] - Font weight.
 * @cssprop [--outbound-button-width=auto] - Width; `100%` fills the container (the logo at the start, the label centred).
 * @cssprop [--outbound-logo-size=20px] - Logo, monogram, spinner and state box size (sm 16px, lg 24px).
 * @cssprop [--outbound-logo-background] - A tile behind the logo: white in the dark scheme and on `filled`, so dark logos stay visible; none otherwise.
 * @cssprop [--outbound-monogram-background] - Monogram tile (shown without a logo); a tint of the text colour by default.
 * @cssprop [--outbound-monogram-color] - Monogram letter; the button background by default.
 * @cssprop [--outbound-focus-ring-color=#0b57d0] - Focus ring (2px, offset 2px).
 * @cssprop [--outbound-accent-color=#0b57d0] - Spinner colour.
 * @cssprop [--outbound-success-color=#146c2e] - The connected check.
 * @cssprop [--outbound-error-color=#b3261e] - Error border, "!" and message.
 *
 * @fires {CustomEvent<ConnectStartDetail>} outbound-connect-start - Before the connect call. Cancelable: `preventDefault()` stops it.
 * @fires {CustomEvent<ConnectSuccessDetail>} outbound-connect-success - The browser came back from the provider (or the popup reported back) with the app connected.
 * @fires {CustomEvent<ConnectErrorDetail>} outbound-connect-error - Anything failed; `detail.code` says what.
 * @fires {CustomEvent<ConnectCancelDetail>} outbound-connect-cancel - The user came back without finishing, or closed the popup.
 */
export class OutboundAppButton extends OutboundConfigElement {
  static override styles = buttonStyles;
  static override shadowRootOptions: ShadowRootInit = { ...OutboundConfigElement.shadowRootOptions, delegatesFocus: true };
  static override properties: PropertyDeclarations = {
    appId: { attribute: 'app-id' },
    // Own accessor: a space-separated string becomes the list (frameworks set properties).
    scopes: { attribute: 'scopes', noAccessor: true },
    appName: { attribute: 'app-name' },
    label: { attribute: 'label' },
    logo: { attribute: 'logo' },
    disabled: { attribute: 'disabled', type: Boolean, reflect: true },
    // Reflected when not the default: a page of 1,000 buttons is not 2,000 attribute writes.
    size: { attribute: 'size', reflect: true, converter: stringAttribute('md') },
    variant: { attribute: 'variant', reflect: true, converter: stringAttribute('outline') },
    // Shadows the native ARIA reflection, so that a change re-renders and reaches the inner button.
    ariaLabel: { attribute: 'aria-label', reflect: true, converter: stringAttribute() },
    strings: { attribute: false },
    compact: { attribute: 'compact', type: Boolean, reflect: true },
  };

  /** The Outbound App ID (the `providerId` of Descope's docs). Required. */
  appId?: string;

  #scopes: unknown;

  /**
   * Scopes to request: an array, or a space-separated string (as the attribute is); reads back as
   * an array. Absent: the app's default scopes.
   */
  get scopes(): string[] | undefined {
    return this.#scopes as string[] | undefined;
  }
  set scopes(value: string[] | string | undefined) {
    const old = this.#scopes;
    this.#scopes = toScopes(value);
    this.requestUpdate('scopes', old);
  }

  /** Display name used in the default label ("Connect Google Contacts"). */
  appName?: string;

  /** The full label text; overrides the default. */
  label?: string;

  /** Logo image URL (`https:`, same-origin, or `data:image/…`). */
  logo?: string;

  /** Disables the button. */
  disabled = false;

  // Spelled out rather than ButtonSize/ButtonVariant: the manifest (and Storybook's controls) show the values.
  /** `sm`, `md` (default) or `lg`. */
  size: 'sm' | 'md' | 'lg' = 'md';

  /** `outline` (default), `filled` or `ghost`. */
  variant: 'outline' | 'filled' | 'ghost' = 'outline';

  /** The accessible name of the inner button, from the `aria-label` attribute. */
  declare ariaLabel: string | null;

  /**
   * Replacements for this button's words, over the locale's and `configure({ strings })`'s:
   * `{ connect: 'Link {app}', reasons: { network: '…' } }`. Property only.
   */
  strings?: StringOverrides;

  /**
   * The short words of a list row ("Connect", "Connecting…", "Reconnect"), with the full ones
   * ("Connect Slack") as the accessible name; `<outbound-app-list>` uses it for its rows.
   */
  compact = false;

  /** The page's state of this button's connection (app and tenant): what it renders. */
  readonly #connection = new ConnectionController(this, () => this.#connectionId());
  #logoFailed = false;
  /** The app's name and logo from the catalog, when the button was given none. */
  #catalogApp?: { name: string; logo: string };
  #catalogRead = 0;
  #unwatchCatalog?: () => void;
  #unwatchSession?: () => void;
  /** The resolved settings of the current update (`#config`); cleared before each update. */
  #resolved?: OutboundConfig;
  /**
   * Whether the live region is in the page. It is rendered once a pointer or focus reaches the
   * button (before any click, so a screen reader hears the first change) or once there is
   * something to say: a page of idle buttons holds no thousand empty regions.
   */
  #live = false;
  /** Whether this button may turn `connected` without a page load: then it holds Reconnect's width. */
  #reconnects = false;

  /** `idle`, `connecting`, `connected` or `error`. Read-only; reflected as the `status` attribute. */
  get status(): ButtonStatus {
    return this.#connection.state.status;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    trackElement(this, 'button', true);
    // Fetch the connect code and the SDK while the pointer or focus is on its way to a click.
    warmUpOnApproach();
    this.#resolved = undefined; // moved: other <outbound-connect> ancestors
    if (this.hasUpdated) this.#readCatalog();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    trackElement(this, 'button', false);
    this.#unwatchCatalog?.();
    this.#unwatchSession?.();
    this.#unwatchCatalog = this.#unwatchSession = undefined;
  }

  /**
   * Starts the connection, exactly like a click. Ignored while connecting or disabled (in popup
   * mode it brings the popup to the front instead). Resolves once the browser is on its way to the
   * provider or the popup shows the provider's page, or the attempt failed (then an
   * `outbound-connect-error` was fired). Never rejects.
   */
  async connect(): Promise<void> {
    if (this.disabled) return;
    await connectFrom(this, this.appId, { scopes: this.scopes });
  }

  /** A pointer or focus reached the button (on-demand.eager.ts): the live region goes in place. */
  [APPROACHED](): void {
    if (this.#live) return;
    this.#live = true;
    this.requestUpdate();
  }

  /** The settings this button resolves (own, `<outbound-connect>`, `configure()`), once per update. */
  get #config(): OutboundConfig {
    return (this.#resolved ??= resolveConfig(this));
  }

  /** The app and tenant this button shows and connects. */
  #connectionId(): [string, string | undefined] {
    return connectionIdOf(this.appId, this.#config.tenantId);
  }

  get #strings() {
    return stringsFor(this, this.strings);
  }

  get #appName(): string {
    const own = typeof this.appName === 'string' ? this.appName.trim() : '';
    return own || this.#catalogApp?.name || humanizeAppId(this.appId) || this.#strings.unnamedApp();
  }

  /**
   * Fills in the name and logo from the catalog, and the connected status into the page's
   * connection state, when they are wanted: nothing is loaded or asked for when the button has
   * both and no status is asked for.
   */
  #readCatalog(): void {
    const want = { apps: !this.appName || !this.logo, status: this.#config.checkStatus === true };
    const read = ++this.#catalogRead;
    const [appId] = this.#connectionId();
    if (!this.isConnected || !appId || (!want.apps && !want.status)) return;
    // Signed out: nothing to read, and no need to load the catalog code (a list's refresh(), e.g.
    // after the user signed in, makes every button look again).
    if (!this.#unwatchCatalog && !hasSession(this)) {
      this.#unwatchSession ??= onSessionMaybeChanged(() => this.#readCatalog());
      return;
    }
    loadOnDemand()
      .then(async (module) => {
        if (read !== this.#catalogRead || !this.isConnected) return;
        this.#unwatchCatalog ??= module.onCatalogChange(() => this.#readCatalog());
        const view = await module.readCatalogFor(this, want, [appId]);
        if (read !== this.#catalogRead || view.apps?.state !== 'ready') return;
        const app = view.apps.value.find((entry) => entry.id === appId);
        if (app?.name !== this.#catalogApp?.name || app?.logo !== this.#catalogApp?.logo) {
          this.#catalogApp = app && { name: app.name, logo: app.logo };
          this.#logoFailed = false;
          this.requestUpdate();
        }
      })
      .catch(() => undefined); // no catalog: the button keeps its own name and monogram
  }

  #onClick(): void {
    void this.connect();
  }

  #onCancelPopup(): void {
    popupAction(this.#connectionId()[0], 'cancel');
  }

  #onLogoError(): void {
    this.#logoFailed = true;
    this.requestUpdate();
  }

  /** The given logo, else the catalog's (from the network: https:, data:image/, http: on localhost only). */
  get #logoUrl(): string | undefined {
    if (this.#logoFailed) return undefined;
    if (this.logo) return isSafeImageUrl(this.logo, document.baseURI) ? this.logo : undefined;
    const remote = this.#catalogApp?.logo;
    return remote && isSafeRemoteImageUrl(remote) ? remote : undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.#resolved = undefined; // own or inherited settings may have changed: resolve again
    if (changed.has('logo')) this.#logoFailed = false;
    // A new app-id while this button's popup is open: that flow is canceled, not left dangling.
    if (changed.has('appId')) {
      const [previous] = connectionIdOf(changed.get('appId'), undefined);
      if (previous) popupAction(previous, 'cancel', this);
    }
  }

  protected override updated(): void {
    if (this.getAttribute('status') !== this.status) this.setAttribute('status', this.status);
    // After every update: own or inherited settings (an <outbound-connect>, configure()) may have
    // changed what to read; the page's cache answers at once when nothing did.
    this.#readCatalog();
  }

  /** What the live region says of the state: the last change, in words. */
  #announcement(state: ConnectionState, name: string, reason: string): string {
    const words = this.#strings;
    if (state.status === 'connecting') return state.flow === 'popup' ? words.inPopup(name) : words.connecting(name);
    if (state.status === 'error') return words.failed(name, reason);
    if (state.change === 'connected') return words.connected(name);
    return state.change === 'canceled' ? words.canceled(name) : '';
  }

  #renderLogo() {
    const url = this.#logoUrl;
    if (url) return html`<img src=${url} alt="" draggable="false" @error=${this.#onLogoError} />`;
    // The letter is drawn from an attribute: no text in the button besides its label.
    return html`<span class="monogram" aria-hidden="true" data-letter=${monogramLetter(this.#appName)}></span>`;
  }

  /**
   * Whether the host gave label content of its own (the default slot), which then never changes.
   * Read at render (no slotchange listener on every button): content added later is shown, and the
   * width is held again at the next render.
   */
  #ownLabel(): boolean {
    for (let node = this.firstChild; node; node = node.nextSibling) {
      if (node instanceof Element ? !node.hasAttribute('slot') : node.nodeType === 3 && node.textContent!.trim()) return true;
    }
    return false;
  }

  /**
   * The label for `status`, the accessible name when it says more ("Connecting…" is short, the
   * logo says which app; the name says it in full), and `fit`: the labels of the states this
   * button can reach in place that might be wider, laid out invisibly so the button keeps one
   * width in every state. A label much shorter than the one shown cannot widen the button and is
   * left out: a page of idle redirect buttons lays out one label each. A label of the host's own
   * (`label`, the slot) stays as it is.
   */
  #labels(status: ConnectionStatus, name: string): { shown: string; name?: string; fit?: string } | undefined {
    if (text(this.label) || this.#ownLabel()) return undefined;
    const w = this.#strings;
    const i = status === 'connecting' ? 1 : status === 'connected' ? 2 : 0;
    // Connected in place: by the catalog's status (check-status, a list), a popup, a redirect return.
    this.#reconnects ||= i === 2 || pageShowsStatus() || this.#config.checkStatus === true || wantsPopup(this.#config.mode) || pageMayReturn();
    const shown = [this.compact ? w.listConnect() : w.connect(name), w.listConnecting()];
    if (this.#reconnects) shown.push(this.compact ? w.listReconnect() : w.reconnect(name));
    const fit = shown.filter((label, j) => j !== i && label.length * 5 > shown[i]!.length * 4);
    const full = this.compact || i === 1 ? [w.connect, w.connecting, w.reconnect][i]!(name) : undefined;
    return { shown: shown[i]!, name: full, fit: fit.join('\n') || undefined };
  }

  /** The box at the end that holds the state: spinner, check or "!" (empty while a popup waits: its Cancel sits there). */
  #renderState(state: ConnectionState) {
    const spin = state.status === 'connecting' && state.flow !== 'popup';
    return html`<span part=${spin ? 'state spinner' : 'state'} class=${state.status} aria-hidden="true"></span>`;
  }

  protected override render() {
    const name = this.#appName;
    const words = this.#strings;
    const state = this.#connection.state;
    const busy = state.status === 'connecting';
    // The failure's words load with the connect code, which ran before anything could fail.
    const reason = state.error && (onDemandIfLoaded()?.reasonFor(state.error.code, words.reasons) || words.failed(name, '').trim());
    const announcement = this.#announcement(state, name, reason || '');
    const labels = this.#labels(state.status, name);
    const described = reason ? 'message' : state.status === 'connected' ? 'state' : undefined;
    return html`
      <button
        part="button"
        type="button"
        ?disabled=${!!this.disabled}
        aria-busy=${busy ? 'true' : nothing}
        aria-label=${text(this.ariaLabel) || labels?.name || nothing}
        aria-describedby=${described ?? nothing}
        @click=${this.#onClick}
      >
        <span part="logo"><slot name="logo">${this.#renderLogo()}</slot></span>
        <span part="label" data-fit=${labels?.fit ?? nothing}
          ><slot>${labels?.shown ?? text(this.label)}</slot></span
        >${this.#renderState(state)}
      </button>
      ${busy && state.flow === 'popup'
        ? html`<button part="cancel" class="cancel" type="button" aria-label=${words.cancelConnecting(name)} @click=${this.#onCancelPopup}>×</button>`
        : nothing}
      ${reason ? html`<span part="message" id="message">${reason}</span>` : nothing}
      ${described === 'state' ? html`<span id="state" hidden>${words.listConnected()}</span>` : nothing}
      ${this.#live || announcement ? html`<span class="visually-hidden" role="status">${announcement}</span>` : nothing}
    `;
  }
}
