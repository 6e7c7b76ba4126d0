/**
 * Debug mode's report: `diagnose()` printed once per page, grouped, each finding at its severity
 * (console.error, warn, info). Its own chunk: only debug mode and `diagnose()` load it.
 */
import type { OutboundConfig } from './config.js';
import { diagnose, type DiagnoseReport } from './diagnose.js';

let printed = false;

/** Prints the report for `element` (or `own` settings) once per page. */
export function printReportOnce(element?: Element, own?: Partial<OutboundConfig>): void {
  if (printed) return;
  printed = true;
  printReport(diagnose(element, own));
}
/** The report, grouped: the settings and session, then one line per finding at its severity. */
export function printReport(report: DiagnoseReport): void {
  const errors = report.findings.filter((finding) => finding.severity === 'error').length;
  console.groupCollapsed(`[outbound-elements] diagnose(): ${report.findings.length ? `${report.findings.length} finding(s), ${errors} error(s)` : 'nothing in the way'}`);
  try {
    console.info('project', report.projectId ?? '(none)', 'base URL', report.baseUrl ?? "(the SDK's default)");
    console.info('settings (where each came from)', report.settings);
    console.info('session', report.session);
    for (const finding of report.findings) {
      const log = finding.severity === 'error' ? console.error : finding.severity === 'warning' ? console.warn : console.info;
      log(`[outbound-elements] ${finding.id}: ${finding.seen}\n→ ${finding.fix}`);
    }
  } finally {
    console.groupEnd();
  }
}
