// Structural reading of one element's children against a sequence (elements.ts): namespace,
// known names, order and occurrence. Missing required elements are EC.AUTH.020; anything else
// structural is EC.MSG.004 (interpretation key DH-ERROR-IDS).
import type { ValidationIssue } from '../eda/types.ts';
import type { XmlElement } from '../xml/index.ts';
import type { ChildSpec } from './elements.ts';
import { datahubIssue } from './rules.ts';
import { DATAHUB_NAMESPACE } from './types.ts';

/** A child element with its path (1-based index on repeatable elements). */
export interface Located {
  readonly element: XmlElement;
  readonly path: string;
}

/** The children of an element, grouped by local name in the order of the sequence. */
export type Children = ReadonlyMap<string, readonly Located[]>;

export function readSequence(
  element: XmlElement,
  path: string,
  sequence: readonly ChildSpec[],
  issues: ValidationIssue[],
): Children {
  const found = new Map<string, Located[]>();
  let position = 0;
  if (element.text.trim() !== '') {
    issues.push(
      datahubIssue(
        path,
        'EC.MSG.004',
        element.text.trim(),
        'Remove the text; this element holds elements only.',
      ),
    );
  }
  for (const child of element.children) {
    const index = sequence.findIndex((spec) => spec.name === child.localName);
    const spec = sequence[index];
    const childPath = `${path}/${child.localName}`;
    if (child.namespace !== DATAHUB_NAMESPACE || spec === undefined) {
      const expected = sequence.map((s) => s.name).join(', ');
      issues.push(
        datahubIssue(
          childPath,
          'EC.MSG.004',
          child.namespace ?? '(no namespace)',
          `Expected one of ${expected} in namespace ${DATAHUB_NAMESPACE}.`,
        ),
      );
      continue;
    }
    if (index < position) {
      issues.push(
        datahubIssue(
          childPath,
          'EC.MSG.004',
          undefined,
          `Out of order; the sequence is ${sequence.map((s) => s.name).join(', ')}.`,
        ),
      );
    }
    position = Math.max(position, index);
    const list = found.get(spec.name) ?? [];
    if (spec.max === 1 && list.length === 1) {
      issues.push(
        datahubIssue(childPath, 'EC.MSG.004', undefined, 'Repeated; it occurs at most once.'),
      );
      continue;
    }
    list.push({
      element: child,
      path: spec.max === 1 ? childPath : `${childPath}[${list.length + 1}]`,
    });
    found.set(spec.name, list);
  }
  for (const spec of sequence) {
    if (spec.min === 1 && !found.has(spec.name)) {
      issues.push(
        datahubIssue(
          `${path}/${spec.name}`,
          'EC.AUTH.020',
          undefined,
          'Add the element; it is required.',
        ),
      );
    }
  }
  return found;
}

/** Text of a leaf element; a leaf with child elements is reported. */
export function leafText(located: Located, issues: ValidationIssue[]): string {
  if (located.element.children.length > 0) {
    issues.push(
      datahubIssue(
        located.path,
        'EC.MSG.004',
        undefined,
        'A value element has child elements; write text only.',
      ),
    );
  }
  return located.element.text;
}

/** The single child `name` as text; `''` when missing (already reported by readSequence). */
export function textOf(children: Children, name: string, issues: ValidationIssue[]): string {
  const first = children.get(name)?.[0];
  return first === undefined ? '' : leafText(first, issues);
}

/** The optional child `name` as text, or undefined. */
export function optionalTextOf(
  children: Children,
  name: string,
  issues: ValidationIssue[],
): string | undefined {
  const first = children.get(name)?.[0];
  return first === undefined ? undefined : leafText(first, issues);
}

/** Every occurrence of a repeatable child as text. */
export function textsOf(children: Children, name: string, issues: ValidationIssue[]): string[] {
  return (children.get(name) ?? []).map((located) => leafText(located, issues));
}
