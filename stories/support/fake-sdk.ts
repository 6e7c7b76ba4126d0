/**
 * A stand-in for `@descope/web-js-sdk` that stories pass as the `sdk` property: its
 * `outbound.connect` answers the way a story wants (consent URL, an HTTP error, a network
 * failure, or never), and nothing goes over the network.
 *
 * A consent URL it hands out points at `consent.example` (a reserved name that never resolves);
 * `simulateConsentScreen()` makes the preview treat a navigation there as "the user agreed and
 * came back".
 */
import type { OutboundSdk, SdkResponse } from '../../src/core/config.js';
import { navigation } from '../../src/core/connect.js';
import { returnTargetFor } from '../../src/elements/return-reporting.js';
import { reportRedirectReturn } from '../../src/core/redirect-return.js';

export const FAKE_CONSENT_ORIGIN = 'https://consent.example';

export type FakeAnswer =
  /** Resolves with a consent URL: with the preview's simulation, the button ends up connected. */
  | { consent: true }
  /** Never answers: the button stays "connecting". */
  | { pending: true }
  /** Answers like Descope with an HTTP error. */
  | { status: number; error?: SdkResponse<unknown>['error'] }
  /** Rejects like the SDK when `fetch` fails. */
  | { offline: true }
  /** Answers with a URL that is not https: (Descope misconfigured). */
  | { unsafeUrl: true };

/** A fake SDK whose connect call answers `answer` after `delay` ms. */
export function fakeSdk(answer: FakeAnswer = { consent: true }, delay = 600): OutboundSdk {
  return {
    outbound: {
      connect: (appId, options) =>
        new Promise((resolve, reject) => {
          if ('pending' in answer) return;
          setTimeout(() => {
            if ('consent' in answer) {
              const consent = new URL('/authorize', FAKE_CONSENT_ORIGIN);
              consent.searchParams.set('app', appId);
              consent.searchParams.set('redirect', options?.redirectUrl ?? location.href);
              resolve({ ok: true, data: { url: consent.href } });
            }
            else if ('offline' in answer) reject(new TypeError('Failed to fetch'));
            else if ('unsafeUrl' in answer) resolve({ ok: true, data: { url: 'http://consent.example/authorize' } });
            else resolve({ ok: false, code: answer.status, error: answer.error });
          }, delay);
        }),
    },
  };
}

let installed = false;

/**
 * Navigations to the fake consent screen come straight back, as if the user had agreed: the
 * page's URL becomes the redirect URL the library asked for (with its return marker), and the
 * library's own return handling reports the success to the element that started it.
 */
export function simulateConsentScreen(delay = 400): void {
  if (installed) return;
  installed = true;
  const leave = navigation.assign;
  navigation.assign = (href: string) => {
    const url = new URL(href);
    if (url.origin !== FAKE_CONSENT_ORIGIN) return leave(href);
    const back = new URL(url.searchParams.get('redirect') ?? '', location.href);
    if (back.origin !== location.origin) return;
    setTimeout(() => {
      history.replaceState(history.state, '', back.href);
      reportRedirectReturn({ resolveTarget: returnTargetFor });
    }, delay);
  };
}
