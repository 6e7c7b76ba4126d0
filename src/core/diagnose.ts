/**
 * `diagnose()`: why a connection would fail here, said before anyone clicks. It reads the resolved
 * settings (and where each came from), the session the connect call would use, and the page
 * (storage, frame, security policies, popups, browser), and returns a typed report. It has no
 * side effect: no request, no `getToken()` call, no SDK, nothing written but a storage probe it
 * removes at once. Tokens are never part of the report: only where one was found and its claims'
 * expiry and project.
 */
import { resolveConfig, type OutboundConfig } from './config.js';
import { settingSources, type SettingSources } from './diagnose-settings.js';
import { sessionFindings, type SessionReport } from './diagnose-session.js';
import { pageFindings } from './diagnose-page.js';

export type FindingSeverity = 'error' | 'warning' | 'info';

export type FindingId =
  | 'no-project'
  | 'no-session'
  | 'session-other-prefix'
  | 'session-expired'
  | 'session-other-project'
  | 'session-storage-blocked'
  | 'framed'
  | 'csp-connect-src'
  | 'trusted-types'
  | 'popup-blocked'
  | 'popup-opener-cut'
  | 'cross-origin-isolated'
  | 'in-app-browser';

/** One thing that would get in the way. */
export interface Finding {
  id: FindingId;
  /** `error`: connecting fails; `warning`: it may fail or degrade; `info`: worth knowing. */
  severity: FindingSeverity;
  /** What was seen (never a token). */
  seen: string;
  /** What to change. */
  fix: string;
}

export interface DiagnoseReport {
  /** The resolved project ID, if any. */
  projectId?: string;
  /** The resolved base URL; `undefined`: the SDK's default for the project. */
  baseUrl?: string;
  /** Where each setting that is set came from. */
  settings: SettingSources;
  session: SessionReport;
  /** Empty when nothing is in the way. Most severe first. */
  findings: Finding[];
}

export type { SettingSource, SettingSources, DiagnosedSetting } from './diagnose-settings.js';
export type { SessionReport, SessionSource } from './diagnose-session.js';

const ORDER: Record<FindingSeverity, number> = { error: 0, warning: 1, info: 2 };

/**
 * Checks what would get in the way of connecting with `element`'s resolved settings (`own`
 * first, as `resolveConfig` takes them), or with the page-wide ones when there is no element.
 * The page checked is the element's own window.
 *
 * @example const { findings } = diagnose(); findings.forEach((f) => console.log(f.severity, f.seen, f.fix));
 */
export function diagnose(element?: Element, own?: Partial<OutboundConfig>): DiagnoseReport {
  const config = resolveConfig(element, own ?? ((element ?? {}) as Partial<OutboundConfig>));
  const win = element?.ownerDocument.defaultView ?? window;
  const session = sessionFindings(config, win);
  const findings: Finding[] = [];
  if (!config.sdk && !config.projectId) {
    findings.push({
      id: 'no-project',
      severity: 'error',
      seen: 'No Descope project: no project-id on the element, an enclosing <outbound-connect> or configure(), and no sdk.',
      fix: 'Set project-id (and base-url for a custom domain or region), e.g. configure({ projectId: "P2…" }), or pass your Descope sdk.',
    });
  }
  findings.push(...session.findings, ...pageFindings(config, win));
  findings.sort((a, b) => ORDER[a.severity] - ORDER[b.severity]);
  return {
    projectId: config.projectId,
    baseUrl: config.baseUrl,
    settings: settingSources(element, own),
    session: session.report,
    findings,
  };
}
