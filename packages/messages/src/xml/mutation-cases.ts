// Used only by the tests of this folder: seeded mutations of real documents for the
// well-formedness differential against libxml2 (wellformed-differential.test.ts).
import { ENCODING_BYTES, SNIPPETS } from './mutation-snippets.ts';

/** One generated input: the seed alone reproduces it from the same source documents. */
export interface MutationCase {
  readonly seed: number;
  readonly operator: string;
  readonly bytes: Uint8Array;
}

/** A small seeded generator (mulberry32): the same seed gives the same numbers on every machine. */
export function randomFrom(seed: number) {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number): number => Math.floor(next() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)] as T;
  return { next, int, pick };
}
export type Random = ReturnType<typeof randomFrom>;

const encoder = new TextEncoder();
const bytesOf = (text: string): Uint8Array => encoder.encode(text);
const raw = (...codes: number[]): Uint8Array => Uint8Array.from(codes);
const MARKUP_BYTES = bytesOf('<>&;"\'/=!?-[]:# \nx');

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** `doc` with `insert` replacing `remove` bytes at `at`. */
function splice(doc: Uint8Array, at: number, remove: number, insert: Uint8Array): Uint8Array {
  return concat(doc.subarray(0, at), insert, doc.subarray(at + remove));
}

/** Offsets just after a `>`: between markup, where text and markup can be inserted. */
function gaps(doc: Uint8Array): number[] {
  const out: number[] = [];
  for (let i = 0; i < doc.length; i++) if (doc[i] === 0x3e) out.push(i + 1);
  return out;
}

/** One of `offsets`, or any offset when a damaged document has none. */
function pickOffset(doc: Uint8Array, r: Random, offsets: readonly number[]): number {
  return offsets.length > 0 ? r.pick(offsets) : r.int(doc.length + 1);
}

/** Offsets just after the name of a start tag (`<name` followed by a space, `>` or `/`). */
function startTagNameEnds(doc: Uint8Array): number[] {
  const out: number[] = [];
  for (let i = 0; i < doc.length - 1; i++) {
    const next = doc[i + 1] ?? 0;
    if (doc[i] !== 0x3c || next === 0x2f || next === 0x3f || next === 0x21) continue;
    let k = i + 1;
    while (k < doc.length && ![0x20, 0x3e, 0x2f, 0x0a, 0x09, 0x0d].includes(doc[k] ?? 0)) k++;
    out.push(k);
  }
  return out;
}

export type Operator = (doc: Uint8Array, random: Random) => Uint8Array;

/** Every operator by name; the differential test asserts that each one ran. */
export const OPERATORS: Record<string, Operator> = {
  'byte-flip': (doc, r) => {
    let out = doc;
    for (let n = 1 + r.int(3); n > 0; n--) out = splice(out, r.int(out.length), 1, raw(r.int(256)));
    return out;
  },
  'markup-byte': (doc, r) =>
    r.next() < 0.5
      ? splice(doc, r.int(doc.length), 0, raw(r.pick([...MARKUP_BYTES])))
      : splice(doc, r.int(doc.length), 1 + r.int(3), new Uint8Array()),
  truncate: (doc, r) => doc.subarray(0, r.int(doc.length)),
  comment: (doc, r) => insertSnippet(doc, r, 'comment'),
  cdata: (doc, r) => insertSnippet(doc, r, 'cdata'),
  pi: (doc, r) => insertSnippet(doc, r, 'pi'),
  reference: (doc, r) => insertSnippet(doc, r, 'reference'),
  tag: (doc, r) => insertSnippet(doc, r, 'tag'),
  doctype: (doc, r) => {
    const declarationEnd = doc[1] === 0x3f ? doc.indexOf(0x3e) + 1 : 0;
    const at = r.next() < 0.7 ? declarationEnd : pickOffset(doc, r, gaps(doc));
    return splice(doc, at, 0, bytesOf(r.pick(SNIPPETS.doctype ?? [])));
  },
  declaration: (doc, r) => {
    const declarationEnd = doc[1] === 0x3f ? doc.indexOf(0x3e) + 1 : 0;
    return splice(doc, 0, declarationEnd, bytesOf(r.pick(SNIPPETS.declaration ?? [])));
  },
  encoding: (doc, r) => encodingMutation(doc, r),
  'attribute-flood': (doc, r) => attributeFlood(doc, r),
  'element-flood': (doc, r) => {
    const count = r.pick([50, 500, 2_000, 20_001]);
    const flood =
      r.next() < 0.5
        ? '<x/>'.repeat(count)
        : `${'<x>'.repeat(count % 400)}${'</x>'.repeat(count % 400)}`;
    return splice(doc, pickOffset(doc, r, gaps(doc).slice(1, -1)), 0, bytesOf(flood));
  },
};

function insertSnippet(doc: Uint8Array, r: Random, family: string): Uint8Array {
  const snippet = bytesOf(r.pick(SNIPPETS[family] ?? []));
  const at = r.next() < 0.8 ? pickOffset(doc, r, gaps(doc)) : r.int(doc.length + 1);
  return splice(doc, at, 0, snippet);
}

function encodingMutation(doc: Uint8Array, r: Random): Uint8Array {
  const choice = r.int(10);
  if (choice === 0) return concat(raw(0xef, 0xbb, 0xbf), doc);
  if (choice === 1) return concat(raw(0xff, 0xfe), doc);
  if (choice === 2) {
    // A declared Latin-1 document with Latin-1 bytes: well-formed for libxml2, refused by policy.
    const body = doc[1] === 0x3f ? doc.subarray(doc.indexOf(0x3e) + 1) : doc;
    const latin = concat(bytesOf('<?xml version="1.0" encoding="ISO-8859-1"?>'), body);
    const gap = pickOffset(latin, r, gaps(latin).slice(1, -1));
    return splice(latin, gap, 0, raw(0xe4, 0xf6));
  }
  const at = choice < 7 ? pickOffset(doc, r, gaps(doc)) : r.int(doc.length + 1);
  return splice(doc, at, 0, r.pick(ENCODING_BYTES));
}

function attributeFlood(doc: Uint8Array, r: Random): Uint8Array {
  const count = r.pick([3, 40, 300, 600, 10_001]);
  if (count > 600) {
    // Over the attribute limit, spread over many elements: libxml2 is quadratic in one tag's.
    const element = '<y a0="0" a1="1" a2="2" a3="3" a4="4" a5="5" a6="6" a7="7" a8="8" a9="9"/>';
    const flood = element.repeat(Math.ceil(count / 10));
    return splice(doc, pickOffset(doc, r, gaps(doc).slice(1, -1)), 0, bytesOf(flood));
  }
  const style = r.int(4);
  const names = Array.from({ length: count }, (_, k) => {
    if (style === 0) return ` a${k}="${k}"`;
    if (style === 1) return ` xmlns:p${k}="urn:p${k % 7}"`;
    if (style === 2) return ` xmlns:p${k}="urn:p" p${k}:a="1"`;
    return ` a${k % Math.max(2, count - 1)}="v"`; // one repeat
  });
  return splice(doc, pickOffset(doc, r, startTagNameEnds(doc)), 0, bytesOf(names.join('')));
}

/** Floods are big: they run less often than the other operators. */
const WEIGHTS: Record<string, number> = { 'attribute-flood': 0.4, 'element-flood': 0.4 };

function weightedPick(names: readonly string[], point: number): string {
  let left = point;
  for (const name of names) {
    left -= WEIGHTS[name] ?? 1;
    if (left < 0) return name;
  }
  return names.at(-1) ?? 'truncate';
}

/** The case for `seed`: an operator (sometimes two in a row) applied to one source document. */
export function mutationCase(sources: readonly Uint8Array[], seed: number): MutationCase {
  const r = randomFrom(seed);
  const names = Object.keys(OPERATORS);
  const total = names.reduce((sum, name) => sum + (WEIGHTS[name] ?? 1), 0);
  let bytes = r.pick(sources);
  const applied: string[] = [];
  for (let n = r.next() < 0.15 ? 2 : 1; n > 0; n--) {
    const name = weightedPick(names, r.next() * total);
    bytes = (OPERATORS[name] as Operator)(bytes, r);
    applied.push(name);
  }
  return { seed, operator: applied.join('+'), bytes };
}
