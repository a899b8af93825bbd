import { type Document, isMap, isScalar, isSeq, type LineCounter, type Node } from 'yaml';
import type { IssueTarget } from './json-schema.ts';

/** 1-based line and column. */
export interface SourcePosition {
  line: number;
  column: number;
}

/**
 * Finds where a field path sits in a parsed YAML document: the value, its key, or (target
 * `parent`, for a missing field) the start of the mapping that lacks it. A path that leaves the document points at the
 * deepest node that exists, so every issue still gets a position.
 *
 * @example positionOf(doc, lineCounter, ['stimuli', 2, 'at'], 'value'); // { line: 14, column: 9 }
 */
export function positionOf(
  doc: Document.Parsed,
  lineCounter: LineCounter,
  path: ReadonlyArray<string | number>,
  target: IssueTarget,
): SourcePosition {
  let node: Node | null = doc.contents;
  let offset = node?.range?.[0] ?? 0;
  for (const [index, segment] of path.entries()) {
    const last = index === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find(
        (item) => isScalar(item.key) && String(item.key.value) === String(segment),
      );
      if (pair === undefined) break;
      const keyNode = isScalar(pair.key) ? pair.key : null;
      if (last && target === 'key') {
        offset = keyNode?.range?.[0] ?? offset;
        break;
      }
      node = isNode(pair.value) ? pair.value : null;
      // An empty value (`at:`) has no node of its own: point after the key.
      offset = node?.range?.[0] ?? keyNode?.range?.[1] ?? offset;
    } else if (isSeq(node) && typeof segment === 'number') {
      const item: unknown = node.items[segment];
      if (!isNode(item)) break;
      node = item;
      offset = item.range?.[0] ?? offset;
    } else {
      break;
    }
  }
  return linePosition(lineCounter, offset);
}

/** Line and column of a character offset. */
export function linePosition(lineCounter: LineCounter, offset: number): SourcePosition {
  const { line, col } = lineCounter.linePos(offset);
  // LineCounter reports line 0 before the first newline it saw; that is line 1 for people.
  return { line: Math.max(line, 1), column: Math.max(col, 1) };
}

function isNode(value: unknown): value is Node {
  return isMap(value) || isSeq(value) || isScalar(value);
}
