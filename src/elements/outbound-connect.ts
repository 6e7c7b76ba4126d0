import { css, html } from 'lit';
import { configChanged, resolveConfig } from '../core/config.js';
import { connectionIdOf, getConnection, onConnectionChange } from '../core/connection-state.js';
import type { ConnectOptions } from '../core/request.js';
import { parseScopes } from '../core/scopes.js';
import { connectFrom, warmUpOnApproach } from './on-demand.eager.js';
import { findTrigger, setTriggerStatus, TRIGGER_ATTRIBUTE } from './headless-trigger.js';
import { trackElement } from './return-reporting.js';
import { OutboundConfigElement } from './outbound-config-element.js';

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

  /** The host's triggers of connections started here, shown the state of their connection. */
  readonly #triggers = new Map<Element, [appId: string, tenantId: string | undefined]>();
  #unwatch?: () => void;

  constructor() {
    super();
    this.addEventListener('click', (event) => this.#onClick(event));
  }

  override connectedCallback(): void {
    super.connectedCallback();
    trackElement(this, 'provider', true);
    warmUpOnApproach(); // a pointer or focus on one of its triggers fetches the connect code
    this.#unwatch = onConnectionChange(() => this.#showOnTriggers());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    trackElement(this, 'provider', false);
    this.#unwatch?.();
  }

  /**
   * Starts a connection for `appId` with this element's configuration, `options` winning.
   * Events are fired on this element. Never rejects; a second call for an app already
   * connecting is ignored (in popup mode it brings the popup to the front).
   */
  async connect(appId: string, options: ConnectOptions = {}): Promise<void> {
    await connectFrom(this, appId, options ?? {});
  }

  /** Each trigger shows its connection's state until that connection is no longer under way. */
  #showOnTriggers(): void {
    for (const [trigger, id] of this.#triggers) {
      const { status } = getConnection(...id);
      setTriggerStatus(trigger, status);
      if (status !== 'connecting') this.#triggers.delete(trigger);
    }
  }

  #onClick(event: MouseEvent): void {
    if (event.defaultPrevented) return;
    const trigger = findTrigger(event, this);
    if (!trigger || trigger.matches(':disabled, [aria-disabled="true"]')) return;
    // The trigger is ours to handle now: a link must not also navigate, a form must not submit.
    event.preventDefault();
    const appId = trigger.getAttribute(TRIGGER_ATTRIBUTE)?.trim() ?? '';
    const scopes = parseScopes(trigger.getAttribute('data-outbound-scopes'));
    const id = connectionIdOf(appId, resolveConfig(this).tenantId);
    if (getConnection(...id).status !== 'connecting') this.#triggers.set(trigger, id);
    void connectFrom(this, appId, scopes ? { scopes } : {});
    this.#showOnTriggers();
  }

  protected override updated(): void {
    // The elements inside may have read their settings before these arrived.
    configChanged();
  }

  protected override render() {
    return html`<slot></slot>`;
  }
}
