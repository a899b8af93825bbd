/**
 * Cases about the document as a whole, common to both processes: not well-formed, a DOCTYPE, an
 * entity declared and used, the root in another namespace. Each is answered under the rule id
 * the process names for it.
 */
import { editCase, type StructureRules } from './structure.ts';
import type { CaseInput, NegativeCase } from './types.ts';
import { rootQName, withDoctype } from './xml-edit.ts';

export interface DocumentRules {
  notWellFormed: string;
  doctype: string;
  entity: string;
  rootNamespace: string;
}

export function documentCases(
  rules: DocumentRules,
  structure: Pick<StructureRules, 'prefixes' | 'step' | 'interpretations' | 'foreignNamespace'>,
): NegativeCase[] {
  const text = (change: (document: string) => string) => (input: CaseInput) => [
    { ...input.good, document: change(input.good.document ?? '') },
  ];
  const make = (
    rule: string,
    where: string,
    title: string,
    deliveries: NegativeCase['deliveries'],
  ): NegativeCase => ({
    key: `${rule}@${where}`,
    rule,
    title,
    step: structure.step,
    interpretations: structure.interpretations,
    kind: 'rejection',
    deliveries,
  });
  return [
    make(
      rules.notWellFormed,
      'not-well-formed',
      'not well-formed: the end tag of the root element is missing',
      text((d) => d.replace(/<\/[^>]+>\s*$/, '')),
    ),
    make(
      rules.doctype,
      'doctype',
      'a DOCTYPE declaration before the root element (no entity)',
      text((d) => withDoctype(d, rootQName(d), '')),
    ),
    make(
      rules.entity,
      'entity',
      'an internal entity declared in a DOCTYPE and used in the first text',
      text((d) => {
        const declared = withDoctype(d, rootQName(d), '<!ENTITY e "x">');
        return declared.replace(/>([^<\s][^<]*)</, '>&e;$1<');
      }),
    ),
    make(
      rules.rootNamespace,
      'root-namespace',
      `the root element in the namespace ${structure.foreignNamespace}`,
      editCase(structure, (root) => {
        root.namespace = structure.foreignNamespace;
      }),
    ),
  ];
}
