/**
 * `outbound-elements`: defines `<outbound-app-button>`, `<outbound-connect>` and `<outbound-app-list>`
 * and exports their classes, the event detail types, and `configure()`.
 */
import './define.js';

export {
  OutboundAppButton,
  OutboundConnect,
  OutboundConfigElement,
  type ButtonStatus,
  type ButtonSize,
  type ButtonVariant,
  type OutboundStrings,
  type StringOverrides,
  type FailureReasons,
} from './elements/index.js';
export { OutboundAppList } from './elements/index.js';
export {
  configure,
  OutboundError,
  ERROR_CODES,
  type ConnectMode,
  type PopupFallback,
  type ConnectOptions,
  type OutboundConfig,
  type OutboundErrorCode,
  type OutboundSdk,
} from './core/index.js';
export type {
  ConnectStartDetail,
  ConnectSuccessDetail,
  ConnectErrorDetail,
  ConnectCancelDetail,
  DisconnectDetail,
  OutboundEventDetails,
  OutboundEventName,
} from './events.js';
