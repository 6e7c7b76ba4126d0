import { css, html } from 'lit';
import type { ConnectOptions } from '../core/request.js';
import { parseScopes } from '../core/scopes.js';
import { connectLazily, popupAction, warmUpConnect } from './on-demand-loader.js';
import { findTrigger, setTriggerStatus, TRIGGER_ATTRIBUTE, type TriggerStatus } from './headless-trigger.js';
import { trackProvider } from './live-elements.js';
import { OutboundConfigElement } from './outbound-config-element.js';
import { inheritedConfigChanged } from './config-changes.js';
import { openPopupInGesture } from './popup-gesture.js';

/**
 * Provides configuration to every outbound element inside it, and turns the host's own UI into
 * connect buttons: a click on any descendant with `data-outbound-app-id="…"` (and optionally
 * `data-outbound-scopes="a b"`) starts a connection for that app. While it runs, the trigger
 * carries `aria-busy="true"` and `data-outbound-status="connecting"` (then `error` or `idle`).
 * In popup mode, a click on a trigger whose popup is open brings that popup to the front.
 *
 * @summary Configuration provider and headless connect trigger for Descope Outbound Apps.
 * @tagname outbound-connect
 *
 * @slot - Any content: outbound elements and the host's own triggers.
 *
 * @fires {CustomEvent<ConnectStartDetail>} outbound-connect-start - Before the connect call of a headless trigger or `connect()`. Cancelable.
 * @fires {CustomEvent<ConnectSuccessDetail>} outbound-connect-success - After a redirect return with no matching `<outbound-app-button>` on the page, or when the popup of a connection started here (a headless trigger, `connect()`) reports the app connected.
 * @fires {CustomEvent<ConnectErrorDetail>} outbound-connect-error - Anything failed; `detail.code` says what.
 * @fires {CustomEvent<ConnectCancelDetail>} outbound-connect-cancel - The user came back without finishing, or closed the popup.
 */
export class OutboundConnect extends OutboundConfigElement {
  static override styles = css`
    :host {
      display: contents;
    }
  `;

  /** App IDs with a connection under way from this element: one at a time per app. */
  private readonly _inFlight = new Set<string>();
  /** The host's trigger of each connection under way, to show its outcome on it. */
  private readonly _triggers = new Map<string, Element>();

  constructor() {
    super();
    this.addEventListener('click', (event) => this._onClick(event));
    this.addEventListener('pointerover', (e) => this._warmUp(e));
    this.addEventListener('focusin', (e) => this._warmUp(e));
    // After a back/forward-cache restore the outcome arrives as an event: release the app.
    this.addEventListener('outbound-connect-cancel', (e) => this._settle(e.target, e.detail.appId, 'idle'));
    this.addEventListener('outbound-connect-success', (e) => this._settle(e.target, e.detail.appId, 'connected'));
    // A popup-mode connection ends with an event too (a provider error relayed by the popup).
    this.addEventListener('outbound-connect-error', (e) => this._settle(e.target, e.detail.appId, 'error'));
  }

  override connectedCallback(): void {
    super.connectedCallback();
    trackProvider(this, true);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    trackProvider(this, false);
  }

  /**
   * Starts a connection for `appId` with this element's configuration, `options` winning.
   * Events are fired on this element. Never rejects; a second call for an app already
   * connecting is ignored.
   */
  async connect(appId: string, options: ConnectOptions = {}): Promise<void> {
    await this._connect(appId, options);
  }

  private async _connect(appId: string, options: ConnectOptions, trigger?: Element): Promise<void> {
    const key = String(appId);
    if (this._inFlight.has(key)) {
      popupAction(key, 'focus');
      return;
    }
    // Popup mode: the popup must open now, inside the click, before anything is awaited.
    const popup = openPopupInGesture(this, key, options?.mode);
    this._inFlight.add(key);
    if (trigger) this._triggers.set(key, trigger);
    setTriggerStatus(trigger, 'connecting');
    try {
      const result = await connectLazily(this, appId, options ?? {}, popup);
      // `redirecting` leaves the page; `popup` ends with an outcome event.
      if (result.status === 'canceled') this._settle(this, key, 'idle');
    } catch (error) {
      // connect() never rejects; this guards a host's getter throwing on our config read.
      this._settle(this, key, 'error');
      console.error('[outbound-elements]', error);
    }
  }

  private _settle(target: EventTarget | null, appId: string, status: TriggerStatus): void {
    if (target !== this) return;
    this._inFlight.delete(appId);
    setTriggerStatus(this._triggers.get(appId), status);
    this._triggers.delete(appId);
  }

  private _warmUp(event: Event): void {
    if (findTrigger(event, this)) warmUpConnect();
  }

  private _onClick(event: MouseEvent): void {
    if (event.defaultPrevented) return;
    const trigger = findTrigger(event, this);
    if (!trigger || trigger.matches(':disabled, [aria-disabled="true"]')) return;
    // The trigger is ours to handle now: a link must not also navigate, a form must not submit.
    event.preventDefault();
    const scopes = parseScopes(trigger.getAttribute('data-outbound-scopes'));
    void this._connect(trigger.getAttribute(TRIGGER_ATTRIBUTE) ?? '', scopes ? { scopes } : {}, trigger);
  }

  protected override updated(): void {
    // The elements inside may have read the catalog before these settings arrived.
    inheritedConfigChanged();
  }

  protected override render() {
    return html`<slot></slot>`;
  }
}
