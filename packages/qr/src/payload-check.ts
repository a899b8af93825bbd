/**
 * Verdicts about a CM_REQ_OFF QR payload, rule by rule (interpretation key `OFF-QR-PAYLOAD`): the
 * strict form is one compact cp:CMRequest per line, no declaration, joined by a single "\n", at
 * level M. The other readings the interpretation lists are read by a receiving SP, so for a
 * checking tool they are WARNINGs about someone's QR code, not reasons to stop; only a payload
 * that is not a CMRequest, breaks the schema rules or exceeds the capacity of its level FAILs.
 */
import { validateEdaXml } from '@consent-sim/messages';
import { capacityBytes, DEFAULT_QR_LEVEL, payloadByteLength, type QrLevel } from './capacity.ts';
import { splitTolerant } from './cmrequest-payload.ts';
import { excerpt, inspectCmRequest, readRootElement } from './cmrequest-shape.ts';
import { formatBytes } from './errors.ts';

/** Same three outcomes as the conformance harness's verdicts. */
export type QrVerdict = 'PASS' | 'WARNING' | 'FAIL';

/** One rule of OFF-QR-PAYLOAD (or OFF-QR-TOO-LARGE for the capacity). */
export type QrPayloadRule =
  | 'bom'
  | 'xml-declaration'
  | 'line-breaks'
  | 'pretty-printing'
  | 'namespace-prefix'
  | 'level'
  | 'cmrequest'
  | 'schema-rules'
  | 'capacity';

export interface QrPayloadCheck {
  rule: QrPayloadRule;
  key: 'OFF-QR-PAYLOAD' | 'OFF-QR-TOO-LARGE';
  verdict: QrVerdict;
  message: string;
}

export interface QrPayloadReport {
  /** The worst verdict of `checks`. */
  verdict: QrVerdict;
  /** One per rule, in the order of {@link QrPayloadRule}. */
  checks: QrPayloadCheck[];
  /** The CMRequest documents as a tolerant SP reads them (declarations dropped). */
  documents: string[];
}

export interface CheckQrPayloadOptions {
  /** The level the symbol was encoded at (zxing reports it) or is claimed to be; M if unknown. */
  level?: QrLevel;
}

const DECLARATION = /<\?xml\s[^?]*\?>/g;
const LINE_BREAK_BETWEEN_ELEMENTS = />[ \t]*\r?\n\s*</;
const SEVERITY: Record<QrVerdict, number> = { PASS: 0, WARNING: 1, FAIL: 2 };

/**
 * Checks a decoded QR payload against each OFF-QR-PAYLOAD rule. Pure and synchronous.
 *
 * @example
 * ```ts
 * const report = checkQrPayload('<?xml version="1.0"?>\n<cp:CMRequest …>…</cp:CMRequest>\n');
 * report.verdict; // 'WARNING' (xml-declaration, line-breaks)
 * ```
 */
export function checkQrPayload(text: string, options: CheckQrPayloadOptions = {}): QrPayloadReport {
  const documents = tolerantDocuments(text);
  const checks: QrPayloadCheck[] = [
    bomCheck(text),
    declarationCheck(text),
    lineBreakCheck(text),
    prettyCheck(documents),
    prefixCheck(documents),
    levelCheck(options.level),
    ...documentChecks(text, documents),
    capacityCheck(text, options.level ?? DEFAULT_QR_LEVEL),
  ];
  const verdict = checks.reduce<QrVerdict>(
    (worst, check) => (SEVERITY[check.verdict] > SEVERITY[worst] ? check.verdict : worst),
    'PASS',
  );
  return { verdict, checks, documents };
}

function tolerantDocuments(text: string): string[] {
  try {
    return splitTolerant(text);
  } catch {
    return [];
  }
}

function payloadCheck(rule: QrPayloadRule, problem: string | null, pass: string): QrPayloadCheck {
  return problem === null
    ? { rule, key: 'OFF-QR-PAYLOAD', verdict: 'PASS', message: pass }
    : { rule, key: 'OFF-QR-PAYLOAD', verdict: 'WARNING', message: problem };
}

function bomCheck(text: string): QrPayloadCheck {
  const problem = text.startsWith('\uFEFF')
    ? 'starts with a byte-order mark (EF BB BF); the strict form starts with "<"'
    : null;
  return payloadCheck('bom', problem, 'no byte-order mark');
}

function declarationCheck(text: string): QrPayloadCheck {
  const count = text.match(DECLARATION)?.length ?? 0;
  const problem =
    count > 0
      ? `holds ${count} XML declaration(s) (${excerpt(text.match(DECLARATION)?.[0] ?? '')}); the strict form has none: each line is a bare cp:CMRequest`
      : null;
  return payloadCheck('xml-declaration', problem, 'no XML declaration');
}

function lineBreakCheck(text: string): QrPayloadCheck {
  const found: string[] = [];
  if (text.includes('\r')) found.push('CRLF or CR line breaks');
  if (/^\uFEFF?\s*[\r\n]/.test(text)) found.push('a leading line break');
  if (/[\r\n]\s*$/.test(text)) found.push('a trailing line break');
  if (/\n[ \t\r]*\n/.test(text)) found.push('blank lines');
  const problem =
    found.length > 0
      ? `has ${found.join(', ')}; the strict form joins documents with a single "\\n" and ends without one`
      : null;
  return payloadCheck('line-breaks', problem, 'documents joined by single "\\n", none trailing');
}

function prettyCheck(documents: string[]): QrPayloadCheck {
  const pretty = documents.flatMap((document, index) =>
    LINE_BREAK_BETWEEN_ELEMENTS.test(document) ? [index + 1] : [],
  );
  const problem =
    pretty.length > 0
      ? `document(s) ${pretty.join(', ')} pretty-printed (line breaks between elements); the strict form puts each document on one line`
      : null;
  return payloadCheck('pretty-printing', problem, 'each document on one line');
}

function prefixCheck(documents: string[]): QrPayloadCheck {
  const others = documents.flatMap((document, index) => {
    const root = readRootElement(document);
    return root && root.qualifiedName !== 'cp:CMRequest'
      ? [`document ${index + 1} has root <${root.qualifiedName}>`]
      : [];
  });
  const problem =
    others.length > 0
      ? `${others.join(', ')}; the reference writes the prefix cp: (a reader goes by the namespace, so it still reads)`
      : null;
  return payloadCheck('namespace-prefix', problem, 'root prefix cp:');
}

function levelCheck(level: QrLevel | undefined): QrPayloadCheck {
  if (level === undefined) {
    return payloadCheck(
      'level',
      null,
      `level not reported by the reader; ${DEFAULT_QR_LEVEL} assumed`,
    );
  }
  const problem =
    level !== DEFAULT_QR_LEVEL
      ? `error-correction level ${level}; the reading says ${DEFAULT_QR_LEVEL} (a reader still reads it)`
      : null;
  return payloadCheck('level', problem, `error-correction level ${level}`);
}

/** 'cmrequest' and 'schema-rules': what the documents are, then the EDA schema rules on each. */
function documentChecks(text: string, documents: string[]): QrPayloadCheck[] {
  const fail = (rule: QrPayloadRule, message: string): QrPayloadCheck => ({
    rule,
    key: 'OFF-QR-PAYLOAD',
    verdict: 'FAIL',
    message,
  });
  if (documents.length === 0) {
    return [
      fail(
        'cmrequest',
        `holds no cp:CMRequest document: it starts with ${excerpt(text.replace(DECLARATION, '').trim())}`,
      ),
      fail('schema-rules', 'not checked: there is no CMRequest document'),
    ];
  }
  const notRequests = documents.flatMap((document, index) => {
    const inspected = inspectCmRequest(document.replace(/\s+$/, ''));
    return inspected.ok ? [] : [`document ${index + 1} ${inspected.found}`];
  });
  const invalid = documents.flatMap((document, index) => {
    const result = validateEdaXml(document);
    const first = result.issues[0];
    if (result.documentType !== undefined && result.documentType !== 'CMRequest') {
      return [`document ${index + 1} is a ${result.documentType}`];
    }
    return first
      ? [`document ${index + 1}: ${result.issues.length} issue(s), first ${first.message}`]
      : [];
  });
  const count = `${documents.length} document(s)`;
  return [
    notRequests.length > 0
      ? fail('cmrequest', notRequests.join('; '))
      : {
          rule: 'cmrequest',
          key: 'OFF-QR-PAYLOAD',
          verdict: 'PASS',
          message: `${count}, each a cp:CMRequest`,
        },
    invalid.length > 0
      ? fail('schema-rules', invalid.join('; '))
      : {
          rule: 'schema-rules',
          key: 'OFF-QR-PAYLOAD',
          verdict: 'PASS',
          message: `${count} valid against the schema rules`,
        },
  ];
}

function capacityCheck(text: string, level: QrLevel): QrPayloadCheck {
  const bytes = payloadByteLength(text);
  const capacity = capacityBytes(level);
  const sizes = `${formatBytes(bytes)} bytes, level ${level} holds ${formatBytes(capacity)}`;
  return bytes <= capacity
    ? { rule: 'capacity', key: 'OFF-QR-TOO-LARGE', verdict: 'PASS', message: sizes }
    : {
        rule: 'capacity',
        key: 'OFF-QR-TOO-LARGE',
        verdict: 'FAIL',
        message: `${sizes}: too large for one QR code; use the online process CM_REQ_ONL`,
      };
}
