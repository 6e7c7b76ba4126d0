/**
 * `outbound-elements/core`: connect, redirect-return handling and errors, without any element
 * or Lit, for hosts that bring their own UI.
 */
export { connect, type ConnectResult, type CoreConnectOptions } from './connect.js';
export {
  configure,
  getPageConfig,
  type ConnectMode,
  type PopupFallback,
  type OutboundConfig,
  type OutboundSdk,
} from './config.js';
export { OutboundError, ERROR_CODES, type OutboundErrorCode } from './errors.js';
export { CONNECT_MODES, type ConnectOptions } from './request.js';
export { parseScopes } from './scopes.js';
export { readRedirectReturn, watchRedirectReturn, RETURN_PARAM, type RedirectOutcome, type WatchOptions } from './redirect-return.js';
export { isSafeNavigationUrl } from './url-safety.js';
export { relayPopupReturn } from './popup-return.js';
export { isSafeImageUrl, isSafeRemoteImageUrl } from './image-url.js';
export {
  readCatalog,
  readConnectedAppIds,
  refreshCatalog,
  noteConnected,
  onCatalogChange,
  type CatalogApp,
  type CatalogResult,
} from './catalog.js';
export type {
  ConnectStartDetail,
  ConnectSuccessDetail,
  ConnectErrorDetail,
  ConnectCancelDetail,
  DisconnectDetail,
} from '../events.js';
