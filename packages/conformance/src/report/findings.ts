/**
 * Root-cause grouping. One wrong timer fans out into dozens of FAILs per path (its own late step,
 * the message that follows, every reaction of the harness's parties), repeated in every path that
 * reaches it. Within a path the root cause is the first thing the system under test did
 * differently: its earliest FAIL about its own messages, steps, documents or the run (the
 * harness's parties only react); the FAILs after it are its consequences. Paths whose root causes
 * have the same kind, step id and difference (difference.ts) are one finding, listed with its
 * paths and count, most paths first. WARNINGs are grouped by the same signature.
 */
import {
  bySut,
  differenceOf,
  instantOf,
  kindOf,
  type ReportCheck,
  signatureOf,
} from './difference.ts';

/** One mistake, in every path where it is the first difference (or, for a WARNING, where it occurs). */
export interface ReportFinding {
  /** `F1`, `F2`, … in report order; `W1`, … for WARNINGs. */
  id: string;
  verdict: 'FAIL' | 'WARNING';
  kind: string;
  step: string | null;
  difference: string;
  /** Interpretation keys cited by its checks. */
  interpretations: string[];
  /** Paths it occurs in, in run order. */
  paths: string[];
  count: number;
  /** The checks it stands for (one or more per path). */
  checks: string[];
  /** The first of them, as an example of expected vs actual. */
  example: Pick<ReportCheck, 'id' | 'path' | 'title' | 'expected' | 'actual' | 'at'>;
  /** FAILs that follow it in its paths (other signatures), most frequent first. */
  consequences: { kind: string; step: string | null; difference: string; count: number }[];
}

/** Every FAIL grouped by signature alone (the JSON carries it next to the root causes). */
export interface Difference {
  kind: string;
  step: string | null;
  difference: string;
  paths: string[];
  count: number;
  checks: string[];
}

/** Kinds of the same instant in the order a cause precedes its effects. */
const KIND_ORDER = ['run', 'invariant', 'document', 'message', 'step', 'exclude'];
const kindRank = (check: ReportCheck) => {
  const i = KIND_ORDER.indexOf(kindOf(check));
  return i < 0 ? KIND_ORDER.length : i;
};

/** The first difference of one path's FAILs (see the file comment); undefined for none. */
export function rootOf(fails: readonly ReportCheck[], role: string): ReportCheck | undefined {
  const own = fails.filter((c) => bySut(c, role));
  const candidates = own.length > 0 ? own : fails;
  const when = (c: ReportCheck) => instantOf(c) ?? Number.POSITIVE_INFINITY;
  return [...candidates].sort((a, b) => when(a) - when(b) || kindRank(a) - kindRank(b))[0];
}

interface Group {
  first: ReportCheck;
  checks: ReportCheck[];
  paths: string[];
  followers: Map<string, { check: ReportCheck; count: number }>;
}

function addTo(groups: Map<string, Group>, key: string, check: ReportCheck): Group {
  const group: Group = groups.get(key) ?? {
    first: check,
    checks: [],
    paths: [],
    followers: new Map(),
  };
  groups.set(key, group);
  group.checks.push(check);
  if (!group.paths.includes(check.path)) group.paths.push(check.path);
  return group;
}

function toFinding(group: Group, id: string, verdict: 'FAIL' | 'WARNING'): ReportFinding {
  const { first } = group;
  return {
    id,
    verdict,
    kind: kindOf(first),
    step: first.step,
    difference: differenceOf(first),
    interpretations: [...new Set(group.checks.flatMap((c) => c.interpretations))],
    paths: group.paths,
    count: group.paths.length,
    checks: group.checks.map((c) => c.id),
    example: {
      id: first.id,
      path: first.path,
      title: first.title,
      expected: first.expected,
      actual: first.actual,
      at: first.at,
    },
    consequences: [...group.followers.values()]
      .sort((a, b) => b.count - a.count)
      .map(({ check, count }) => ({
        kind: kindOf(check),
        step: check.step,
        difference: differenceOf(check),
        count,
      })),
  };
}

const byCount = (a: Group, b: Group) => b.paths.length - a.paths.length;

/**
 * @example
 * const { findings } = groupFindings(checks, 'vnb', (c) => c.verdict === 'FAIL');
 * findings[0]?.count; // paths whose first difference this is
 */
export function groupFindings(
  checks: readonly ReportCheck[],
  role: string,
  failing: (check: ReportCheck) => boolean,
): { findings: ReportFinding[]; differences: Difference[] } {
  const byPath = new Map<string, ReportCheck[]>();
  for (const c of checks) byPath.set(c.path, [...(byPath.get(c.path) ?? []), c]);
  const roots = new Map<string, Group>();
  const all = new Map<string, Group>();
  const warnings = new Map<string, Group>();
  for (const list of byPath.values()) {
    const fails = list.filter(failing);
    for (const c of fails) addTo(all, signatureOf(c), c);
    for (const c of list.filter((x) => x.verdict === 'WARNING')) addTo(warnings, signatureOf(c), c);
    const root = rootOf(fails, role);
    if (root === undefined) continue;
    const rootKey = signatureOf(root);
    const group = addTo(roots, rootKey, root);
    for (const c of fails) {
      const key = signatureOf(c);
      if (key === rootKey) continue;
      const follower = group.followers.get(key) ?? { check: c, count: 0 };
      follower.count += 1;
      group.followers.set(key, follower);
    }
  }
  const findings = [
    ...[...roots.values()].sort(byCount).map((g, i) => toFinding(g, `F${i + 1}`, 'FAIL')),
    ...[...warnings.values()].sort(byCount).map((g, i) => toFinding(g, `W${i + 1}`, 'WARNING')),
  ];
  const differences = [...all.values()].sort(byCount).map((g) => ({
    kind: kindOf(g.first),
    step: g.first.step,
    difference: differenceOf(g.first),
    paths: g.paths,
    count: g.paths.length,
    checks: g.checks.map((c) => c.id),
  }));
  return { findings, differences };
}
