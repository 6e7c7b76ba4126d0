// @ts-check
/**
 * Helpers of the popup-mode end-to-end tests: opening the popup from a click, answering its
 * consent page, and reading the nonce the page sent to Descope.
 */
import { WAIT, poll } from './support.js';

/**
 * Clicks `selector` and returns the popup once it shows the emulator's consent page.
 * @param {import('playwright-core').Page | import('playwright-core').Frame} where
 * @param {import('playwright-core').BrowserContext} context
 * @param {string} selector
 * @param {string} apiOrigin
 */
export async function clickToPopup(where, context, selector, apiOrigin) {
  const [popup] = await Promise.all([context.waitForEvent('page', { timeout: WAIT }), where.click(selector)]);
  await popup.waitForURL((u) => u.origin === apiOrigin && u.pathname.includes('/authorize'), { timeout: WAIT });
  await popup.waitForSelector('button[name=decision][value=allow]', { timeout: WAIT });
  return popup;
}

/**
 * Answers the consent page in the popup and waits until the popup has closed itself.
 * @param {import('playwright-core').Page} popup
 * @param {'allow' | 'deny'} decision
 */
export async function answerInPopup(popup, decision) {
  await Promise.all([popup.waitForEvent('close', { timeout: WAIT }), popup.click(`button[name=decision][value=${decision}]`)]);
}

/**
 * Records the redirect URLs the page sends to Descope's connect endpoint.
 * @param {import('playwright-core').BrowserContext} context
 * @returns {string[]}
 */
export function recordConnectCalls(context) {
  /** @type {string[]} */
  const redirectUrls = [];
  context.on('request', (request) => {
    if (request.method() === 'POST' && request.url().endsWith('/v1/outbound/oauth/connect')) {
      redirectUrls.push(JSON.parse(request.postData() ?? '{}').options?.redirectUrl ?? '');
    }
  });
  return redirectUrls;
}

/**
 * The outbound events a frame recorded (fixtures/recorder.js).
 * @param {import('playwright-core').Frame} frame
 * @param {string} type
 */
export function waitForFrameEvent(frame, type) {
  return poll(
    /** @type {any} */ (frame),
    (t) => /** @type {any} */ (window).__events?.find((/** @type {{ type: string }} */ e) => e.type === t),
    (e) => Boolean(e),
    `${type} in the frame`,
    type,
  );
}
