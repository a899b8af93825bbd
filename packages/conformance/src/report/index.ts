// The conform report: one model (report.ts), rendered as text, JSON, JUnit and HTML.
export {
  bySut,
  differenceOf,
  instantOf,
  kindOf,
  type ReportCheck,
  signatureOf,
} from './difference.ts';
export { type Difference, groupFindings, type ReportFinding, rootOf } from './findings.ts';
export { type HtmlReportOptions, renderConformHtml } from './html.ts';
export { renderConformJunit } from './junit.ts';
export {
  buildConformReport,
  type ConformReport,
  type ConformReportInput,
  findingCommand,
  type ReportPath,
  type ReportPathInput,
  reproduceCommand,
} from './report.ts';
export { renderConformText } from './text.ts';
export { REPORT_VERDICTS, type ReportVerdict, severity, worstVerdict } from './verdict.ts';
