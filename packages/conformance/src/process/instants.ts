/**
 * Instants inside documents: what a process declares (which fields of its documents record
 * "now", by rule) and the readers its declaration uses. The judge (sut/judge/instants.ts) holds
 * every field found here against the test clock and the process zone; it knows no field names.
 *
 * A rule names fields by the local names of their element path, so a field is found whatever
 * message carries it and whatever prefix its namespace has: `*` matches exactly one element,
 * `**` any number; a pattern with a leading `/` starts at the root, one without matches the end
 * of the path at any depth.
 */

/** How a field is written: XML Schema date-time or date, or an RFC 5322 (e-mail) date. */
export type InstantSyntax = 'xs:dateTime' | 'xs:date' | 'rfc5322';

/** One rule of a process's table: the fields it matches record the instant the document left. */
export interface InstantRule {
  /** Local-name path pattern, e.g. `RoutingHeader/DocumentCreationDateTime` (at any depth). */
  path: string;
  syntax: Exclude<InstantSyntax, 'rfc5322'>;
  /**
   * The interpretation key under which another value is a WARNING, not a FAIL: the documents
   * leave the value open (e.g. CMRevoke ConsentEnd, OFF-LATE-OBJECTION). Absent: fixed.
   */
  open?: string;
}

/** A field a document holds, found by a rule: where it is (as written) and what it says. */
export interface InstantField {
  /** The element path with the prefixes as written, e.g. `/cp:CMRequest/…/ct:DocumentCreationDateTime`. */
  path: string;
  value: string;
  syntax: InstantSyntax;
  open?: string;
}

/** What a process tells the judge about the instants in the documents a SUT sends. */
export interface InstantPolicy {
  /** Every "now" field of one outbox item (XML, a letter's QR payload, an e-mail's Date header). */
  read(item: {
    channel: string;
    document: string | null;
    content?: Record<string, unknown> | null;
  }): InstantField[];
  /**
   * Where a document names itself (e.g. its MessageId): a document that repeats the name of one
   * the SUT sent before is a retransmission, whose instants may record the first sending.
   */
  identity: readonly string[];
  /**
   * The key under which a right instant written neither in the zone's offset nor in UTC (or
   * without any offset) is a WARNING: the documents do not say which offset to write.
   */
  openKey: string;
}

const localName = (qname: string) => qname.slice(qname.indexOf(':') + 1);

/** Whether the local names of `path` match `pattern` (see the module comment). */
export function matchesPath(path: readonly string[], pattern: string): boolean {
  const parts = pattern.split('/').filter((p) => p !== '');
  if (!pattern.startsWith('/')) parts.unshift('**');
  const match = (i: number, j: number): boolean => {
    if (j === parts.length) return i === path.length;
    const part = parts[j];
    if (part === '**') return match(i, j + 1) || (i < path.length && match(i + 1, j));
    if (i === path.length) return false;
    return (part === '*' || part === path[i]) && match(i + 1, j + 1);
  };
  return match(0, 0);
}

/** An element without child elements, its path as written and its text (trimmed). */
interface Leaf {
  qnames: string[];
  text: string;
  /** Which root element (0-based) it is in: a QR payload joins several documents. */
  doc: number;
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
const decode = (s: string) =>
  s.replace(/&(lt|gt|amp|quot|apos);/g, (_, e: string) => ENTITIES[e] ?? '');

/** The end of the tag that starts at `at` (`>` outside quoted attribute values), or -1. */
function tagEnd(text: string, at: number): number {
  let quote: string | null = null;
  for (let i = at; i < text.length; i++) {
    const c = text[i];
    if (quote !== null) {
      if (c === quote) quote = null;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '>') return i;
  }
  return -1;
}

/**
 * The leaf elements of XML text in document order. Lenient on purpose: it reads one document or
 * several joined (a QR payload), skips declarations, comments and processing instructions, and
 * stops at the first thing it cannot read — the document check judges well-formedness.
 */
export function xmlLeaves(text: string): Leaf[] {
  const leaves: Leaf[] = [];
  const stack: { qname: string; text: string; children: number }[] = [];
  let roots = 0;
  let i = 0;
  while (i < text.length) {
    const lt = text.indexOf('<', i);
    if (lt < 0) break;
    const top = stack.at(-1);
    if (top !== undefined) top.text += text.slice(i, lt);
    if (text.startsWith('<!--', lt)) i = text.indexOf('-->', lt) + 3;
    else if (text.startsWith('<![CDATA[', lt)) {
      const end = text.indexOf(']]>', lt);
      if (end < 0) break;
      if (top !== undefined) top.text += text.slice(lt + 9, end);
      i = end + 3;
    } else if (text.startsWith('<?', lt)) i = text.indexOf('?>', lt) + 2;
    else {
      const end = tagEnd(text, lt);
      if (end < 0) break;
      const tag = text.slice(lt + 1, end);
      i = end + 1;
      if (tag.startsWith('!')) continue;
      if (tag.startsWith('/')) {
        const open = stack.pop();
        if (open === undefined) break;
        if (open.children === 0) {
          leaves.push({
            qnames: [...stack.map((s) => s.qname), open.qname],
            text: decode(open.text).trim(),
            doc: roots - 1,
          });
        }
        continue;
      }
      const qname = /^[^\s/>]+/.exec(tag)?.[0] ?? '';
      if (top !== undefined) top.children += 1;
      else roots += 1;
      if (!tag.endsWith('/')) stack.push({ qname, text: '', children: 0 });
    }
    if (i < lt) break; // an unterminated comment or instruction
  }
  return leaves;
}

/**
 * The fields of XML text that `rules` match, with `where` before each path (e.g. the QR payload
 * the document travelled in).
 *
 * @example
 * xmlInstantFields(xml, [{ path: 'Header/Created', syntax: 'xs:dateTime' }])
 * // [{ path: '/dh:Acknowledgement/dh:Header/dh:Created', value: '2026-…+02:00', syntax: 'xs:dateTime' }]
 */
export function xmlInstantFields(
  text: string,
  rules: readonly InstantRule[],
  where = '',
): InstantField[] {
  const fields: InstantField[] = [];
  for (const leaf of xmlLeaves(text)) {
    const names = leaf.qnames.map(localName);
    const rule = rules.find((r) => matchesPath(names, r.path));
    if (rule === undefined) continue;
    fields.push({
      path: `${where}/${leaf.qnames.join('/')}`,
      value: leaf.text,
      syntax: rule.syntax,
      ...(rule.open === undefined ? {} : { open: rule.open }),
    });
  }
  return fields;
}

/** The text of the first leaf of XML text that one of `patterns` matches, or null. */
export function xmlLeafText(text: string, patterns: readonly string[]): string | null {
  for (const leaf of xmlLeaves(text)) {
    const names = leaf.qnames.map(localName);
    if (patterns.some((p) => matchesPath(names, p))) return leaf.text;
  }
  return null;
}

/** The `Date` header of an RFC 5322 message (folded lines unfolded), or none. */
export function emailDateField(text: string): InstantField[] {
  const head = text.split(/\r?\n\r?\n/, 1)[0] ?? '';
  const unfolded = head.replace(/\r?\n[ \t]+/g, ' ');
  const value = /^Date:[ \t]*(.*)$/im.exec(unfolded)?.[1]?.trim();
  return value === undefined ? [] : [{ path: 'Date (RFC 5322 header)', value, syntax: 'rfc5322' }];
}
