/**
 * The popup branch of `connect()`: reuse a flow already under way for the app, or open the
 * consent page in the popup, or apply `popup-fallback` when the browser blocked it.
 * The flow's bookkeeping is in popup-flow.ts.
 */
import type { ConnectResult } from './connect.js';
import { errorFromException } from './error-mapping.js';
import { OutboundError } from './errors.js';
import { abandonPopupFlow, beginPopupFlow, isFlowPopup, navigatePopupFlow, resumePopupFlow } from './popup-flow.js';
import { notePopupTrouble } from './popup-trouble.js';
import { openBlankPopup } from './popup-window.js';
import type { ConnectRequest } from './request.js';

/** The steps of `connect()` this branch shares: reporting a failure, asking Descope for the URL. */
export interface ConnectSteps {
  fail: (target: EventTarget, error: OutboundError) => ConnectResult;
  /** Calls `sdk.outbound.connect` with a redirect URL marked for a popup return. */
  consentUrl: () => Promise<{ href: string; nonce: string }>;
}

/**
 * The popup reports back only to its own origin, so its return page must share the opener's:
 * an `invalid-option` error otherwise, before anything starts.
 */
export function checkPopupRedirect(request: ConnectRequest): OutboundError | undefined {
  const origin = new URL(request.redirectUrl).origin;
  if (origin === window.location.origin) return undefined;
  return new OutboundError(
    'invalid-option',
    `In popup mode, redirect-url must be on this page's origin (${window.location.origin}), where the popup can report back; ${origin} is not.`,
  );
}

/** Closes a blank popup the caller opened that will not be used (never a flow's own popup). */
export function closeUnusedPopup(popup: Window | null | undefined): void {
  if (popup && !popup.closed && !isFlowPopup(popup)) popup.close();
}

/**
 * After `outbound-connect-start`: resumes a flow that is still listening (its consent URL in the
 * new popup, no second connect call), or starts one. `undefined` means: the popup was blocked and
 * popup-fallback is `redirect`, so the caller redirects.
 */
export function connectInPopup(
  request: ConnectRequest,
  target: EventTarget,
  given: Window | null | undefined,
  steps: ConnectSteps,
): Promise<ConnectResult> | ConnectResult | undefined {
  const popup = given !== undefined ? given : openBlankPopup(request.appId);
  const resumed = resumePopupFlow(request.appId, target, popup);
  if (resumed) return { status: 'popup', url: resumed };
  if (popup) return startPopupFlow(request, target, popup, steps);
  notePopupTrouble('blocked');
  if (request.popupFallback === 'error') {
    return steps.fail(
      target,
      new OutboundError(
        'popup-blocked',
        'The browser blocked the popup. Start the connection from a click, or let the site open popups; popup-fallback="redirect" would use a full-page redirect instead.',
      ),
    );
  }
  console.warn('[outbound-elements] The browser blocked the popup, so this connection uses a full-page redirect (popup-fallback="redirect").');
  return undefined;
}

async function startPopupFlow(
  request: ConnectRequest,
  target: EventTarget,
  popup: Window,
  steps: ConnectSteps,
): Promise<ConnectResult> {
  beginPopupFlow(request.appId, request.tenantId, target, popup, request.returnState);
  try {
    const url = await steps.consentUrl();
    const { mode: _mode, popupFallback: _fallback, ...connection } = request;
    const record = { ...connection, nonce: url.nonce, startedAt: Date.now() };
    if (!navigatePopupFlow(request.appId, record, url.href)) return { status: 'canceled' };
    return { status: 'popup', url: url.href };
  } catch (error) {
    abandonPopupFlow(request.appId);
    return steps.fail(target, errorFromException(error));
  }
}
