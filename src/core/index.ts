/**
 * `outbound-elements/core`: connect, redirect-return handling and errors, without any element
 * or Lit, for hosts that bring their own UI. Only what a host needs: the rest is internal and
 * may change.
 */
export { connect, type ConnectResult, type CoreConnectOptions } from './connect.js';
export { configure, type ConnectMode, type PopupFallback, type OutboundConfig, type OutboundSdk } from './config.js';
export { OutboundError, ERROR_CODES, type OutboundErrorCode } from './errors.js';
export type { ConnectOptions } from './request.js';
export { watchRedirectReturn, type WatchOptions } from './redirect-return.js';
export {
  onReturnOutcome,
  getReturnOutcomes,
  type ReturnOutcome,
  type ConnectionFailure,
  type ConnectionStatus,
} from './connection-state.js';
export { refreshCatalog } from './catalog.js';
export {
  diagnose,
  type DiagnoseReport,
  type Finding,
  type FindingId,
  type FindingSeverity,
  type SettingSource,
  type SettingSources,
  type DiagnosedSetting,
  type SessionReport,
  type SessionSource,
} from './diagnose.js';
export { relayPopupReturn } from './popup-channel.js';
export type {
  ConnectStartDetail,
  ConnectSuccessDetail,
  ConnectErrorDetail,
  ConnectCancelDetail,
  DisconnectDetail,
} from '../events.js';
