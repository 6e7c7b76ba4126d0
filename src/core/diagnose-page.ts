/**
 * The page part of `diagnose()`: what about this page and browser would get in the way of a
 * connection, whatever the settings. Each check reads state only (sessionStorage is probed with
 * a key removed at once).
 */
import type { OutboundConfig } from './config.js';
import type { Finding } from './diagnose.js';
import { policyViolations } from './policy-violations.eager.js';
import { lastPopupTrouble } from './popup-flow.js';

export function pageFindings(config: OutboundConfig, win: Window): Finding[] {
  const framed = isFramed(win);
  // As popup-window.eager.ts decides, for this window: `auto` is a popup inside a frame.
  const popup = config.mode === 'popup' || (config.mode === 'auto' && framed);
  return [
    storageFinding(win),
    framedFinding(framed, config.mode),
    ...policyFindings(config.baseUrl, win),
    popupFinding(win),
    isolationFinding(win, popup),
    inAppBrowserFinding(win),
  ].filter((finding): finding is Finding => finding !== undefined);
}

function storageFinding(win: Window): Finding | undefined {
  try {
    const probe = 'outbound-elements:diagnose';
    win.sessionStorage.setItem(probe, '1');
    win.sessionStorage.removeItem(probe);
    return undefined;
  } catch {
    return {
      id: 'session-storage-blocked',
      severity: 'warning',
      seen: 'sessionStorage is blocked (or full), so a redirect return cannot be recognised: the connection works, but no outbound-connect-success follows.',
      fix: 'Let the site store data (browser settings, a sandboxed frame without allow-same-origin), or use mode="popup".',
    };
  }
}

function isFramed(win: Window): boolean {
  try {
    return win.top !== win.self;
  } catch {
    return true;
  }
}

function framedFinding(framed: boolean, mode: OutboundConfig['mode']): Finding | undefined {
  if (!framed || mode === 'auto' || mode === 'popup') return undefined;
  return {
    id: 'framed',
    severity: 'warning',
    seen: `The page runs inside a frame and mode is "${mode ?? 'redirect'}": providers refuse to show their consent page in a frame, and the frame cannot send the whole tab there.`,
    fix: 'Set mode="auto" (a popup inside a frame, a redirect otherwise).',
  };
}

/** Violations whose blocked URL is on the Descope API's origin: the connect call is refused. */
function policyFindings(baseUrl: string | undefined, win: Window): Finding[] {
  let api = 'https://api.descope.com';
  try {
    if (baseUrl) api = new URL(baseUrl, win.location.href).origin;
  } catch {
    /* a malformed base URL is reported when connecting */
  }
  const findings: Finding[] = [];
  const connect = policyViolations.find((v) => v.effectiveDirective === 'connect-src' && originOf(v.blockedURI) === api);
  if (connect) {
    findings.push({
      id: 'csp-connect-src',
      severity: 'error',
      seen: `The page's Content-Security-Policy (connect-src) blocked a request to ${api}: the connect call fails with network.`,
      fix: `Add ${api} to connect-src in the page's Content-Security-Policy.`,
    });
  }
  const trusted = policyViolations.find((v) => v.effectiveDirective === 'trusted-types' && v.sample.startsWith('lit-html'));
  if (trusted) {
    findings.push({
      id: 'trusted-types',
      severity: 'error',
      seen: 'The page\'s Trusted Types policy (trusted-types) refused the "lit-html" policy the elements render with.',
      fix: "Add lit-html to the trusted-types directive of the page's Content-Security-Policy.",
    });
  }
  return findings;
}

function originOf(url: string): string | undefined {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}

function popupFinding(win: Window): Finding | undefined {
  const trouble = lastPopupTrouble(win);
  if (trouble === 'blocked') {
    return {
      id: 'popup-blocked',
      severity: 'warning',
      seen: 'The browser blocked the last popup (popup mode).',
      fix: 'Start the connection from a click, without awaiting anything before it; or ask the user to allow pop-ups for the site; popup-fallback="redirect" falls back to a redirect.',
    };
  }
  if (trouble === 'opener-cut') {
    return {
      id: 'popup-opener-cut',
      severity: 'info',
      seen: "The last popup lost its link to this page (the provider's Cross-Origin-Opener-Policy): it looked closed while the user was still on it, so a cancel was reported before the success.",
      fix: 'Nothing breaks (the result still arrives); mode="redirect" avoids the early cancel.',
    };
  }
  return undefined;
}

/** A page sending COOP `same-origin` (with COEP) is cross-origin isolated: its popups lose their opener. */
function isolationFinding(win: Window, popup: boolean): Finding | undefined {
  if (!popup || !win.crossOriginIsolated) return undefined;
  return {
    id: 'cross-origin-isolated',
    severity: 'warning',
    seen: "This page is cross-origin isolated (it sends Cross-Origin-Opener-Policy: same-origin): a popup on the provider's page is cut from it and looks closed at once.",
    fix: 'Send Cross-Origin-Opener-Policy: same-origin-allow-popups on this page, or use mode="redirect".',
  };
}

/** Apps that show web pages in their own view (Facebook, Instagram, LINE, WeChat, …; Android's WebView). */
const IN_APP = /\bFBA[NV]\/|Instagram|\bLine\/|MicroMessenger|LinkedInApp|Snapchat|TikTok|musical_ly|Twitter|; wv\)/;

function inAppBrowserFinding(win: Window): Finding | undefined {
  const agent = win.navigator.userAgent;
  if (!IN_APP.test(agent)) return undefined;
  return {
    id: 'in-app-browser',
    severity: 'warning',
    seen: "The page runs in an app's built-in browser (a webview), where Google and other providers refuse OAuth consent (disallowed_useragent).",
    fix: 'Ask the user to open the page in their browser (Safari, Chrome), e.g. with a notice and a copy-link button.',
  };
}
