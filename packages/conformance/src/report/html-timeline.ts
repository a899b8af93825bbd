/**
 * A failing path's expected-vs-actual timeline: the path's message and step checks, and the
 * stimuli causal timing moved (sut/anchors.ts), in the order they happened (or were due),
 * expected on the left, what the system did on the right, the differing rows highlighted: where
 * the run parted from the reference is the first red row.
 */
import { instantOf, kindOf, type ReportCheck } from './difference.ts';

const esc = (text: string) =>
  text.replace(
    /[<>&"']/g,
    (c) => `&${{ '<': 'lt', '>': 'gt', '&': 'amp', '"': 'quot', "'": '#39' }[c]};`,
  );

/** `ANTWORT_CMQF vnb→sp [175] at 2026-…` → the label and the instant apart, facts dropped. */
function side(text: string): { what: string; at: string } {
  if (text === 'none' || text.startsWith('no such ')) return { what: '—', at: '' };
  const match = / at (\S+)/.exec(text);
  const what = text.replace(/ at \S+.*$/, '').replace(/ \(answers .*$/, '');
  return { what, at: match?.[1]?.replace(/[;)]$/, '') ?? '' };
}

export function timelineHtml(checks: readonly ReportCheck[]): string {
  const rows = checks
    .filter((c) => ['message', 'step', 'stimulus'].includes(kindOf(c)))
    .map((c, i) => ({ c, i, at: instantOf(c) ?? Number.POSITIVE_INFINITY }))
    .sort((a, b) => a.at - b.at || a.i - b.i)
    .map(({ c }) => {
      const want = side(c.expected);
      const got = side(c.actual);
      const differs = c.verdict !== 'PASS' ? ' class="differs"' : '';
      return `<tr class="${c.verdict}"><td>${esc(kindOf(c))}</td><td${differs}>${esc(want.what)}</td><td>${esc(want.at)}</td><td${differs}>${esc(got.what)}</td><td>${esc(got.at)}</td><td><a href="#check-${esc(c.id)}">${esc(c.verdict)}</a></td></tr>`;
    });
  return `<table class="timeline"><thead><tr><th></th><th>expected</th><th>at</th><th>actual</th><th>at</th><th>check</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

export { esc as escapeHtml };
