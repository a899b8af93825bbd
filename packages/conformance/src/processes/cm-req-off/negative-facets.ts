/**
 * Facet cases of the ANFORDERUNG_CMQF a DSO receives, generated from the schema model of the
 * official CMRequest XSD (`documentRule`, packages/messages/src/eda/schema-model.ts): every facet
 * of every element and attribute broken just past its limit (lengths counted in characters, in a
 * non-ASCII script where the type allows any character), every required attribute left out, an
 * element repeated beyond its maxOccurs. An optional element the good document lacks is added in
 * sequence order carrying the broken value. Each is answered 76 (VNB_06.no.schema).
 */
import type { AttributeRule, ElementRule, SimpleTypeRule } from '@consent-sim/messages';
import type { CaseInput, NegativeCase } from '../../negative/types.ts';
import { type EditNode, readTree, writeTree } from '../../negative/xml-edit.ts';

/** Two bytes per character in UTF-8: a byte counter sees twice the length. */
const NON_ASCII = 'ä';

export interface FacetContext {
  rule: string;
  step: string;
  interpretations: readonly string[];
  prefixes: ReadonlyArray<[string, string]>;
  namespaceOf: (element: ElementRule) => string;
}

interface BadValue {
  facet: string;
  value: string;
  kind: NegativeCase['kind'];
}

const bump = (value: string) => value.replace(/\d(?=\D*$)/, (d) => String((Number(d) + 9) % 10));

/** The values that break each facet of `type` at its boundary, and the in-bounds companions. */
export function badValues(type: SimpleTypeRule): BadValue[] {
  const out: BadValue[] = [];
  const add = (facet: string, value: string, kind: BadValue['kind'] = 'rejection') =>
    out.push({ facet, value, kind });
  const anyChar = type.pattern === undefined && type.enumeration === undefined;
  switch (type.base) {
    case 'date':
      add('type xsd:date', '2026-02-30');
      break;
    case 'dateTime':
      add('type xsd:dateTime', '2026-02-30T10:00:00Z');
      break;
    case 'boolean':
      add('type xsd:boolean', 'yes');
      break;
    case 'decimal':
    case 'integer':
      add(`type xsd:${type.base}`, 'ten');
      break;
    default:
      break;
  }
  if (type.minLength !== undefined && type.minLength > 0) {
    const collapses = type.base !== 'string' || type.collapse === true;
    add(`minLength ${type.minLength}`, collapses ? '   ' : '');
  }
  if (type.maxLength !== undefined) {
    const char = anyChar ? NON_ASCII : 'A';
    add(`maxLength ${type.maxLength}`, char.repeat(type.maxLength + 1));
    if (anyChar) add(`maxLength ${type.maxLength}`, char.repeat(type.maxLength), 'boundary');
  }
  if (type.pattern !== undefined) add(`pattern ${type.pattern}`, 'AB-12');
  if (type.enumeration !== undefined) {
    const [first = ''] = type.enumeration;
    const other =
      type.enumeration.length === 1
        ? bump(first)
        : first.toLowerCase() !== first
          ? first.toLowerCase()
          : 'ZZZ';
    add(`enumeration ${type.enumeration.join('|')}`, other);
  }
  if (type.fractionDigits !== undefined) {
    add(`fractionDigits ${type.fractionDigits}`, `1.${'0'.repeat(type.fractionDigits)}1`);
  }
  if (type.minInclusive !== undefined)
    add(`minInclusive ${type.minInclusive}`, String(type.minInclusive - 1));
  if (type.maxInclusive !== undefined)
    add(`maxInclusive ${type.maxInclusive}`, String(type.maxInclusive + 1));
  return out;
}

/** The element at `path` (rules from the root), created in sequence order when absent. */
function ensure(root: EditNode, chain: readonly ElementRule[], ctx: FacetContext): EditNode {
  let node = root;
  for (let i = 1; i < chain.length; i++) {
    const parentRule = chain[i - 1] as ElementRule;
    const rule = chain[i] as ElementRule;
    node.children ??= [];
    const kids = node.children;
    let found = kids.find((k) => k.localName === rule.name);
    if (found === undefined) {
      const order = (parentRule.children ?? []).map((c) => c.name);
      const mine = order.indexOf(rule.name);
      const at = kids.filter((k) => order.indexOf(k.localName) < mine).length;
      found = {
        namespace: ctx.namespaceOf(rule),
        localName: rule.name,
        attributes: (rule.attributes ?? []).map((a) => [a.name, validValue(a.type)]),
        ...(rule.children ? { children: [] } : { text: rule.text ? validValue(rule.text) : '' }),
      };
      kids.splice(at, 0, found);
    }
    node = found;
  }
  return node;
}

/** A value inside every facet of `type` (for the parts of an added element not under test). */
function validValue(type: SimpleTypeRule): string {
  if (type.enumeration?.[0] !== undefined) return type.enumeration[0];
  if (type.base === 'decimal' || type.base === 'integer') return String(type.minInclusive ?? 1);
  return 'A';
}

function caseOf(
  ctx: FacetContext,
  where: string,
  bad: BadValue,
  change: (node: EditNode) => void,
  chain: readonly ElementRule[],
): NegativeCase {
  const title =
    bad.kind === 'boundary'
      ? `${where} = ${JSON.stringify(bad.value.slice(0, 12))}… at its ${bad.facet} (${[...bad.value].length} characters, ${new TextEncoder().encode(bad.value).length} bytes): characters count, not bytes`
      : `${where} breaks ${bad.facet}: ${JSON.stringify(bad.value.length > 40 ? `${bad.value.slice(0, 12)}…(${[...bad.value].length} characters)` : bad.value)}`;
  return {
    key: `${ctx.rule}@${where}#${bad.facet}${bad.kind === 'boundary' ? '#inside' : ''}`,
    rule: ctx.rule,
    title,
    step: ctx.step,
    interpretations: ctx.interpretations,
    kind: bad.kind,
    deliveries: (input: CaseInput) => {
      const root = readTree(input.good.document ?? '');
      change(ensure(root, chain, ctx));
      return [{ ...input.good, document: writeTree(root, ctx.prefixes) }];
    },
  };
}

function attributeCases(
  ctx: FacetContext,
  chain: readonly ElementRule[],
  where: string,
  attribute: AttributeRule,
): NegativeCase[] {
  const at = `${where}/@${attribute.name}`;
  const setTo = (value: string) => (node: EditNode) => {
    node.attributes = node.attributes.filter(([n]) => n !== attribute.name);
    node.attributes.push([attribute.name, value]);
  };
  const cases = badValues(attribute.type).map((bad) =>
    caseOf(ctx, at, bad, setTo(bad.value), chain),
  );
  if (attribute.required) {
    const missing = { facet: 'required', value: '', kind: 'rejection' as const };
    cases.push(
      caseOf(
        ctx,
        at,
        missing,
        (node) => {
          node.attributes = node.attributes.filter(([n]) => n !== attribute.name);
        },
        chain,
      ),
    );
  }
  return cases;
}

/** Every facet case below `root` (the document's root rule). */
export function facetCases(root: ElementRule, ctx: FacetContext): NegativeCase[] {
  const cases: NegativeCase[] = [];
  const walk = (chain: readonly ElementRule[]) => {
    const rule = chain.at(-1) as ElementRule;
    const where = `/${chain.map((r) => r.name).join('/')}`;
    for (const attribute of rule.attributes ?? [])
      cases.push(...attributeCases(ctx, chain, where, attribute));
    if (rule.text !== undefined) {
      for (const bad of badValues(rule.text)) {
        cases.push(
          caseOf(
            ctx,
            where,
            bad,
            (node) => {
              node.text = bad.value;
            },
            chain,
          ),
        );
      }
    }
    if (rule.maxOccurs > 1) {
      const bad = { facet: `maxOccurs ${rule.maxOccurs}`, value: '', kind: 'rejection' as const };
      cases.push(caseOf(ctx, where, bad, () => undefined, chain));
      const last = cases.at(-1) as NegativeCase;
      const made = last.deliveries;
      last.deliveries = (input) => {
        const [delivery] = made(input);
        const document = delivery?.document ?? '';
        const one =
          new RegExp(`<([\\w.-]+:)?${rule.name}\\b[\\s\\S]*?</([\\w.-]+:)?${rule.name}>`).exec(
            document,
          )?.[0] ?? '';
        const flood = one.repeat(rule.maxOccurs + 1);
        return [{ ...input.good, document: document.replace(one, flood) }];
      };
    }
    for (const child of rule.children ?? []) walk([...chain, child]);
  };
  walk([root]);
  return cases;
}
