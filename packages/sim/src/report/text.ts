import type { TraceEvent, TraceKind } from '../trace.ts';
import { describeEvent } from './describe-event.ts';
import { type Colors, PLAIN_COLORS, type RunResult } from './run-result.ts';
import { daysBetween, formatElapsed, splitTimestamp, weekday } from './time-format.ts';

/** The kinds a person follows a run by; `send`, `timer` and `state` are bookkeeping. */
export const TIMELINE_KINDS: readonly TraceKind[] = [
  'stimulus',
  'step',
  'deliver',
  'fault',
  'data',
  'note',
  'invariant',
];

export interface TextReportOptions {
  colors?: Colors;
  /** Which event kinds get a line; default {@link TIMELINE_KINDS}. */
  kinds?: readonly TraceKind[];
}

const RULE_WIDTH = 78;

/**
 * A readable timeline of one run: one line per event of interest (local time in the trace's
 * offset, kind, who, what, short detail), a separator whenever the calendar date changes, and a
 * verdict block with expected vs actual for every failure and every invariant violation.
 *
 * @example
 * io.stdout(renderText(result, { colors: colorsFor(io) }));
 */
export function renderText(result: RunResult, options: TextReportOptions = {}): string {
  const colors = options.colors ?? PLAIN_COLORS;
  const kinds = options.kinds ?? TIMELINE_KINDS;
  const shown = result.events.filter((event) => kinds.includes(event.kind));
  const summaries = shown.map(describeEvent);
  const whoWidth = Math.max(0, ...summaries.map((s) => s.who.length));
  const kindWidth = Math.max(0, ...shown.map((event) => event.kind.length));

  const lines = [
    `${colors.bold(result.scenario)}  ${colors.dim(`seed ${result.seed}`)}`,
    result.summary,
    '',
  ];
  const firstDate =
    result.events[0] === undefined ? null : splitTimestamp(result.events[0].at).date;
  let day: { date: string; offset: string } | null = null;
  shown.forEach((event, index) => {
    const summary = summaries[index];
    if (summary === undefined) return;
    const { date, time, offset } = splitTimestamp(event.at);
    if (day === null || day.date !== date) {
      day = { date, offset };
      if (index > 0) lines.push('');
      lines.push(colors.dim(dayRule(date, offset, firstDate ?? date)));
    }
    // Within a day the offset only changes at a DST switch; then the line says so.
    const clock = offset === day.offset ? time : `${time}${offset}`;
    const columns = [
      colors.dim(clock),
      event.kind.padEnd(kindWidth),
      summary.who.padEnd(whoWidth),
      paint(event, summary.what, colors),
    ];
    const line =
      columns.join('  ') + (summary.detail === '' ? '' : `  ${colors.dim(summary.detail)}`);
    lines.push(line.trimEnd());
  });
  if (shown.length === 0) lines.push(colors.dim('(no events)'));
  lines.push('', colors.dim('─'.repeat(RULE_WIDTH)), ...verdict(result, colors));
  return `${lines.join('\n')}\n`;
}

function dayRule(date: string, offset: string, firstDate: string): string {
  const head = `── ${weekday(date)} ${date} · day ${daysBetween(firstDate, date)} · UTC${offset === 'Z' ? '' : offset} `;
  return head.padEnd(RULE_WIDTH, '─');
}

function paint(event: TraceEvent, what: string, colors: Colors): string {
  switch (event.kind) {
    case 'step':
      return colors.cyan(what);
    case 'deliver':
    case 'send':
      return colors.bold(what);
    case 'fault':
      return colors.yellow(what);
    case 'invariant':
      return colors.red(what);
    case 'stimulus':
    case 'timer':
    case 'state':
    case 'data':
    case 'note':
      return what;
  }
}

function verdict(result: RunResult, colors: Colors): string[] {
  const status = result.passed
    ? colors.green(colors.bold('PASS'))
    : colors.red(colors.bold('FAIL'));
  const lines = [
    `${status}  ${result.scenario}  seed ${result.seed}  outcome ${result.outcome ?? '(none)'}  virtual ${formatElapsed(result.durationVirtualMs)}`,
  ];
  if (result.unchecked?.length) {
    lines.push(
      colors.dim(
        `  ○ ${result.unchecked.join(', ')} not checked at seed ${result.seed}: exact for the file's own seed only, as its faults are seeded`,
      ),
    );
  }
  for (const failure of result.failures) {
    const [head = '', ...rest] = failure.message.split('\n');
    lines.push(`  ${colors.red('✗')} ${head}`, ...rest.map((line) => `    ${line}`));
    // A one-line message may not spell out both sides; multi-line ones carry their own diff.
    if (rest.length === 0) {
      lines.push(
        `      expected: ${compact(failure.expected)}`,
        `      actual:   ${compact(failure.actual)}`,
      );
    }
  }
  for (const violation of result.violations) {
    const where = violation.seq === undefined ? '' : ` (event #${violation.seq})`;
    lines.push(
      `  ${colors.red('✗')} invariant ${violation.invariant}${where}: ${violation.message}`,
    );
  }
  return lines;
}

function compact(value: unknown): string {
  if (value === undefined) return '(nothing)';
  return JSON.stringify(value) ?? String(value);
}
