import type { TraceEvent } from '../trace.ts';
import { describeEvent, responseCodesLabel } from './describe-event.ts';
import { divergenceOf } from './mermaid-divergence.ts';
import type { RunResult } from './run-result.ts';
import { daysBetween, splitTimestamp, weekday } from './time-format.ts';

// Words Mermaid's sequence grammar reads as keywords; a participant with such a name gets an id.
const RESERVED = new Set([
  'activate',
  'actor',
  'alt',
  'and',
  'autonumber',
  'box',
  'break',
  'create',
  'critical',
  'deactivate',
  'destroy',
  'else',
  'end',
  'loop',
  'note',
  'opt',
  'par',
  'participant',
  'rect',
  'title',
]);

// Light fills that alternate per day, so day boundaries stay visible in any theme.
const DAY_FILLS = ['rgba(128, 128, 128, 0.08)', 'rgba(64, 128, 255, 0.08)'];

/**
 * A Mermaid `sequenceDiagram` of one run: a participant per party (in order of appearance), an
 * arrow per delivered message labelled with its code and response codes (solid for EDA/Datahub
 * documents, dashed for letters, e-mails and hand-overs), a note per step, stimulus and fault, and
 * one shaded `rect` block per calendar day headed by its date. A failed run gets a note on the
 * event where actual and expected part (the first differing message, else step).
 *
 * @example renderMermaid(result).startsWith('sequenceDiagram'); // true
 */
export function renderMermaid(result: RunResult): string {
  const events = result.events.filter((event) => DRAWN.has(event.kind));
  const ids = participantIds(events);
  const lines = ['sequenceDiagram'];
  for (const [name, id] of ids) {
    lines.push(id === name ? `  participant ${id}` : `  participant ${id} as ${mermaidText(name)}`);
  }
  const all = [...ids.values()];
  const span = all.length > 1 ? `${all[0]},${all[all.length - 1]}` : (all[0] ?? '');
  const firstDate = events[0] === undefined ? '' : splitTimestamp(events[0].at).date;
  let date: string | null = null;
  let dayIndex = 0;
  const divergence = divergenceOf(result);
  for (const event of events) {
    const local = splitTimestamp(event.at);
    if (local.date !== date) {
      if (date !== null) lines.push('  end');
      date = local.date;
      lines.push(`  rect ${DAY_FILLS[dayIndex % DAY_FILLS.length]}`);
      const title = `${weekday(date)} ${date} · day ${daysBetween(firstDate, date)} · UTC${local.offset}`;
      lines.push(`    Note over ${span}: ${mermaidText(title)}`);
      dayIndex++;
    }
    const line = drawEvent(event, ids, local.time);
    if (line !== null) lines.push(`    ${line}`);
    if (divergence?.after === event)
      lines.push(`    ${divergenceNote(event, ids, divergence.text)}`);
  }
  if (date !== null) lines.push('  end');
  return `${lines.join('\n')}\n`;
}

const DRAWN = new Set(['stimulus', 'step', 'deliver', 'fault', 'invariant']);

function drawEvent(event: TraceEvent, ids: Map<string, string>, time: string): string | null {
  const id = (name: string | null) => (name === null ? undefined : ids.get(name));
  const summary = describeEvent(event);
  const clock = time.replace(/\.000$/u, '');
  if (event.kind === 'deliver') {
    const from = id(event.from);
    const to = id(event.to);
    if (from === undefined || to === undefined) return null;
    const label = [
      event.messageCode ?? event.channel ?? 'message',
      responseCodesLabel(event.responseCodes),
    ]
      .filter((part) => part !== '')
      .join(' ');
    const arrow = event.messageCode === null ? '-->>' : '->>';
    return `${from}${arrow}${to}: ${mermaidText(`${clock} ${label}`)}`;
  }
  const over =
    event.kind === 'fault'
      ? [id(event.from), id(event.to)].filter((x): x is string => x !== undefined)
      : [id(event.party)].filter((x): x is string => x !== undefined);
  if (over.length === 0) return null;
  const where = over[0] === over[1] || over.length === 1 ? over[0] : over.join(',');
  const text =
    event.kind === 'stimulus'
      ? `▶ ${summary.what}`
      : event.kind === 'fault'
        ? `⚡ ${summary.what}`
        : summary.what;
  return `Note over ${where}: ${mermaidText(`${clock} ${text}`)}`;
}

/** The divergence note over the message's two parties (or the step's party). */
function divergenceNote(event: TraceEvent, ids: Map<string, string>, text: string): string {
  const over = [event.from, event.to, event.party]
    .map((name) => (name === null ? undefined : ids.get(name)))
    .filter((id): id is string => id !== undefined);
  const where = [...new Set(over)].slice(0, 2).join(',');
  return `Note over ${where}: ${mermaidText(text)}`;
}

/** Party names in order of first appearance, each with a Mermaid-safe participant id. */
function participantIds(events: readonly TraceEvent[]): Map<string, string> {
  const ids = new Map<string, string>();
  const taken = new Set<string>();
  for (const event of events) {
    for (const name of [event.party, event.from, event.to]) {
      if (name === null || ids.has(name)) continue;
      let id = name.replace(/[^A-Za-z0-9_]/gu, '_');
      if (id === '' || RESERVED.has(id.toLowerCase()) || /^[0-9]/u.test(id)) id = `p_${id}`;
      while (taken.has(id)) id = `${id}_`;
      taken.add(id);
      ids.set(name, id);
    }
  }
  return ids;
}

const ENTITIES: Record<string, string> = {
  '#': '#35;',
  ';': '#59;',
  '"': '#quot;',
  '<': '#lt;',
  '>': '#gt;',
  '%': '#37;',
};

/**
 * Text that is safe after `:` in a Mermaid sequence line: `;` would end the statement, `#`
 * starts an entity, quotes and angle brackets are read as markup, `%%` starts a comment; they
 * become Mermaid entity codes. Line breaks become spaces.
 *
 * @example mermaidText('a; b #1 "c"'); // 'a#59; b #35;1 #quot;c#quot;'
 */
export function mermaidText(text: string): string {
  return text.replace(/[\r\n]+/gu, ' ').replace(/[#;"<>%]/gu, (char) => ENTITIES[char] ?? char);
}
