/**
 * Structural cases common to both processes, generated from an element model: each required
 * element missing, each required single element repeated, each sequence out of order, an
 * unknown element and an element in another namespace in each sequence. A process supplies its
 * model as a tree of required children (derived from its schema model or element sequences) and
 * the rule id each kind of fault is answered under.
 */
import type { CaseDelivery, CaseInput, NegativeCase } from './types.ts';
import { clone, type EditNode, find, locate, readTree, writeTree } from './xml-edit.ts';

/** A required element and its required children, in sequence order. */
export interface ModelElement {
  name: string;
  /** Occurs at most once (a second one breaks the model). */
  single: boolean;
  children: readonly ModelElement[];
}

/** The rule ids a process answers each structural fault under, and how it writes documents. */
export interface StructureRules {
  missing: string;
  repeated: string;
  order: string;
  unknown: string;
  namespace: string;
  step: string;
  interpretations: readonly string[];
  prefixes: ReadonlyArray<[string, string]>;
  /** A namespace no element of the document may be in. */
  foreignNamespace: string;
}

/** One edit of the good document as a case delivery. */
export function editCase(
  rules: Pick<StructureRules, 'prefixes'>,
  change: (root: EditNode, input: CaseInput) => void,
): (input: CaseInput) => CaseDelivery[] {
  return (input) => {
    const root = clone(readTree(input.good.document ?? ''));
    change(root, input);
    return [{ ...input.good, document: writeTree(root, rules.prefixes) }];
  };
}

const must = <T>(value: T | undefined, what: string): T => {
  if (value === undefined)
    throw new Error(`consent-sim: negative case: ${what} is not in the good document`);
  return value;
};

/**
 * Every structural case of `model` (the root's children and below).
 *
 * @example structuralCases(rootModel, rules).map((c) => c.key) // ['EC.AUTH.020@/Header', …]
 */
export function structuralCases(root: ModelElement, rules: StructureRules): NegativeCase[] {
  const cases: NegativeCase[] = [];
  const add = (
    fault: string,
    rule: string,
    where: string,
    title: string,
    change: (r: EditNode) => void,
  ) =>
    cases.push({
      key: `${rule}@${where}#${fault}`,
      rule,
      title,
      step: rules.step,
      interpretations: rules.interpretations,
      kind: 'rejection',
      deliveries: editCase(rules, change),
    });
  const walk = (element: ModelElement, path: readonly string[]) => {
    const at = `/${[root.name, ...path].join('/')}`;
    const [first, second] = element.children;
    if (first !== undefined && second !== undefined) {
      add('order', rules.order, at, `${second.name} before ${first.name} in ${at}`, (r) => {
        const kids = must(find(r, path)?.children, at);
        const i = kids.findIndex((k) => k.localName === first.name);
        const j = kids.findIndex((k) => k.localName === second.name);
        [kids[i], kids[j]] = [kids[j] as EditNode, kids[i] as EditNode];
      });
    }
    add(
      'unknown',
      rules.unknown,
      `${at}/Unknown`,
      `an unknown element <Unknown> at the end of ${at}`,
      (r) => {
        const parent = must(find(r, path), at);
        parent.children?.push({
          namespace: parent.namespace,
          localName: 'Unknown',
          attributes: [],
          text: 'x',
        });
      },
    );
    if (first !== undefined) {
      add(
        'namespace',
        rules.namespace,
        `${at}/${first.name}`,
        `${at}/${first.name} in the namespace ${rules.foreignNamespace}`,
        (r) => {
          must(find(r, [...path, first.name]), first.name).namespace = rules.foreignNamespace;
        },
      );
    }
    for (const child of element.children) {
      const childPath = [...path, child.name];
      const where = `${at}/${child.name}`;
      add('missing', rules.missing, where, `${where} left out`, (r) => {
        const spot = must(locate(r, childPath), where);
        spot.parent.children?.splice(spot.index, 1);
      });
      if (child.single) {
        add('repeated', rules.repeated, where, `${where} twice`, (r) => {
          const spot = must(locate(r, childPath), where);
          const copy = clone(spot.parent.children?.[spot.index] as EditNode);
          spot.parent.children?.splice(spot.index + 1, 0, copy);
        });
      }
      if (child.children.length > 0) walk(child, childPath);
    }
  };
  walk(root, []);
  return cases;
}
