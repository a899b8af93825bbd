// Public API of the reporters; packages/sim/src/index.ts re-exports these by name.
export { describeEvent, type EventSummary } from './describe-event.ts';
export { RUN_JSON_FORMAT, renderJson } from './json.ts';
export { junitTimestamp, renderJunit, scenarioCommand } from './junit.ts';
export { mermaidText, renderMermaid } from './mermaid.ts';
export {
  type Colors,
  type InvariantViolation,
  PLAIN_COLORS,
  type RunResult,
} from './run-result.ts';
export { renderText, type TextReportOptions, TIMELINE_KINDS } from './text.ts';
export { xmlAttribute, xmlText } from './xml-escape.ts';
