/**
 * `outbound-elements/elements`: the element classes, with no side effect (nothing is defined).
 * Register them yourself, or import `outbound-elements/define`.
 */
export { OutboundAppButton, type ButtonStatus, type ButtonSize, type ButtonVariant } from './outbound-app-button.js';
export type { OutboundStrings, StringOverrides, FailureReasons } from './strings.js';
export { OutboundConnect } from './outbound-connect.js';
export { OutboundAppList } from './outbound-app-list.js';
export { OutboundConfigElement } from './outbound-config-element.js';
export { reportReturnsToElements } from './return-reporting.js';
