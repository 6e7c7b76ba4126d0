import { LitElement, type PropertyDeclarations } from 'lit';
import type { ConnectMode, OutboundSdk, PopupFallback } from '../core/config.js';
import type { DiagnoseReport } from '../core/diagnose.js';
import { loadOnDemand } from './on-demand.eager.js';

/** `tenant-level` present → true, absent → undefined, so an unset element inherits. */
const optionalBoolean = {
  fromAttribute: (value: string | null) => (value === null ? undefined : value !== 'false'),
  toAttribute: (value: boolean | undefined) => (value ? '' : null),
};

/**
 * The configuration attributes and properties that `<outbound-app-button>` and
 * `<outbound-connect>` share. An unset value is inherited from the nearest enclosing
 * `<outbound-connect>`, then from `configure()`.
 */
export class OutboundConfigElement extends LitElement {
  static override properties: PropertyDeclarations = {
    projectId: { attribute: 'project-id' },
    baseUrl: { attribute: 'base-url' },
    storagePrefix: { attribute: 'storage-prefix' },
    redirectUrl: { attribute: 'redirect-url' },
    mode: { attribute: 'mode' },
    popupFallback: { attribute: 'popup-fallback' },
    tenantId: { attribute: 'tenant-id' },
    tenantLevel: { attribute: 'tenant-level', converter: optionalBoolean },
    checkStatus: { attribute: 'check-status', converter: optionalBoolean },
    // Properties only, never attributes; declared so that `'getToken' in element` is true and
    // frameworks (React 19, Vue, Svelte) set them as properties.
    sdk: { attribute: false },
    token: { attribute: false },
    getToken: { attribute: false },
    returnState: { attribute: false },
  };

  /** Descope project ID. */
  projectId?: string;

  /** Descope API base URL: regional, custom domain, or a local emulator. */
  baseUrl?: string;

  /** The `storagePrefix` of the host page's own Descope SDK, so its session is found (default `''`). */
  storagePrefix?: string;

  /** Where the browser lands after consent; default: the current page. */
  redirectUrl?: string;

  /** `redirect` (default), `popup`, or `auto`. */
  mode?: ConnectMode;

  /** When the browser blocks the popup: `redirect` (default) or `error` (`popup-blocked`). */
  popupFallback?: PopupFallback;

  /** Connect on behalf of this tenant. */
  tenantId?: string;

  /** A tenant-level connection (boolean attribute). */
  tenantLevel?: boolean;

  /** An existing `@descope/web-js-sdk` instance of the host page, used as is. Property only. */
  sdk?: OutboundSdk;

  /** A session or refresh token for the connect call. Property only, never an attribute; kept in memory. */
  token?: string;

  /** Asked at click time for a token; wins over `token`. Property only. */
  getToken?: () => string | Promise<string>;

  /** Any JSON-serialisable value, kept across the redirect and handed back as `detail.returnState`. Property only. */
  returnState?: unknown;

  /** Show whether the user has already connected the app (boolean attribute `check-status`). */
  checkStatus?: boolean;

  /**
   * Debug mode: `diagnose()`'s report once in the console, and each connect step logged. The
   * boolean attribute `debug` is read by the lazily loaded code (debug-log.ts), not declared
   * here: nothing of debug mode is in the download before paint.
   */
  debug?: boolean;

  /**
   * What would get in the way of connecting with this element's resolved settings (own,
   * `<outbound-connect>`, `configure()`): a typed report, without side effects. Asynchronous
   * because its code loads on first use; `diagnose()` of `outbound-elements/core` is the same.
   */
  diagnose(): Promise<DiagnoseReport> {
    return loadOnDemand().then((module) => module.diagnose(this));
  }
}
