/**
 * The half of `diagnose()` that must run early: a Content-Security-Policy or Trusted Types refusal
 * is an event, not a state anyone can read later, so one that happens before `diagnose()` loads
 * would be lost. It ships in the drop-in's entry, so it only keeps the first 50 events, every
 * byte counting; diagnose-page.ts judges them.
 */
export const policyViolations: SecurityPolicyViolationEvent[] = [];

// The event bubbles to the window. `window`, not `document`, is tested: the drop-in gives Node a
// stand-in `document` (rollup.config.mjs), and Node has no `addEventListener`.
// eslint-disable-next-line @typescript-eslint/no-unused-expressions -- the shortest guard
typeof window == 'object' && addEventListener('securitypolicyviolation', (e) => policyViolations.push(e));
