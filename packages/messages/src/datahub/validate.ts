// Value rules of Datahub documents (issues shaped like the EDA validator's: path, rule, value,
// message; `rule` is the error id). Rules that depend on the receipt instant are the Datahub
// machine's (packages/core/src/dh-831/validation.ts).
import type { ValidationIssue } from '../eda/types.ts';
import { checkGsrn } from '../ids/index.ts';
import { takeHandedReading, XmlInputError, type XmlLimits } from '../xml/index.ts';
import {
  ACK_EVENT,
  DH825_PROCESS,
  DH831_PROCESS,
  DH851_PROCESS,
  ROOT_ELEMENT,
} from './elements.ts';
import { DatahubDocumentError, parseDatahubXml } from './parse.ts';
import { checkDatahubHeader, checkDh831Process, checkDh851Process, datahubIssue } from './rules.ts';
import type { DatahubDocument } from './types.ts';
import { datahubInstant } from './values.ts';

const ERROR_ID = /^EC\.[A-Z]+\.\d{3}$/;

/**
 * Checks the values of a parsed Datahub document. The process element copied into an ACK is not
 * re-judged: a negative ACK copies the very request it refuses.
 *
 * @example validateDatahub(sampleDatahubDocument('DH-831', { seed: 1 })) // []
 */
export function validateDatahub(doc: DatahubDocument): ValidationIssue[] {
  const root = `/${ROOT_ELEMENT[doc.kind]}`;
  const issues = checkDatahubHeader(doc.header, `${root}/Header`);
  switch (doc.kind) {
    case 'DH-831':
      return [...issues, ...checkDh831Process(doc.process, `${root}/${DH831_PROCESS}`)];
    case 'DH-851':
      return [...issues, ...checkDh851Process(doc.process, `${root}/${DH851_PROCESS}`)];
    case 'ACK': {
      const base = `${root}/${ACK_EVENT}`;
      const { result, errors } = doc.acknowledgement;
      if (result !== 'positive' && result !== 'negative') {
        issues.push(
          datahubIssue(`${base}/Result`, 'EC.MSG.003', result, 'Write positive or negative.'),
        );
      } else if ((result === 'negative') !== errors.length > 0) {
        issues.push(
          datahubIssue(
            `${base}/Result`,
            'EC.MSG.004',
            result,
            'A negative ACK lists 1..n Error elements, a positive one none.',
          ),
        );
      }
      errors.forEach((error, index) => {
        if (!ERROR_ID.test(error.errorId)) {
          issues.push(
            datahubIssue(
              `${base}/Error[${index + 1}]/ErrorId`,
              'EC.MSG.003',
              error.errorId,
              'Write EC.<area>.<nnn>.',
            ),
          );
        }
      });
      return issues;
    }
    case 'DH-825': {
      const base = `${root}/${DH825_PROCESS}`;
      if (doc.approvedAt !== '' && datahubInstant(doc.approvedAt) === null) {
        issues.push(
          datahubIssue(
            `${base}/ApprovedAt`,
            'EC.MSG.003',
            doc.approvedAt,
            'Write ISO 8601 with an offset.',
          ),
        );
      }
      doc.grantedAccountingPoints.forEach((point, index) => {
        if (!checkGsrn(point).valid) {
          issues.push(
            datahubIssue(
              `${base}/GrantedAccountingPoint[${index + 1}]`,
              'EC.AUTH.011',
              point,
              'Use an 18-digit GSRN.',
            ),
          );
        }
      });
      return issues;
    }
  }
}

export interface DatahubXmlValidation {
  readonly document?: DatahubDocument;
  readonly issues: ValidationIssue[];
}

/**
 * Guard, parse and validate in one go; never throws for bad input. Refused or unreadable input
 * gives one issue `EC.MSG.001`; a foreign root or namespace `EC.MSG.002`.
 *
 * @example
 * const { document, issues } = validateDatahubXml(bytes);
 * const deliverAsInvalid = issues.some(isTechnicalIssue);
 */
export function validateDatahubXml(
  xml: string | Uint8Array,
  options: { readonly limits?: Partial<XmlLimits> } = {},
): DatahubXmlValidation {
  // A reading made by this function on another thread (sim serve's worker, xml/handed.ts).
  const handed = options.limits
    ? undefined
    : takeHandedReading<DatahubXmlValidation>('datahub', xml);
  if (handed !== undefined) return handed;
  let parsed: ReturnType<typeof parseDatahubXml>;
  try {
    parsed = parseDatahubXml(xml, options);
  } catch (error) {
    if (error instanceof XmlInputError) {
      return {
        issues: [{ path: '/', rule: 'EC.MSG.001', value: error.code, message: error.message }],
      };
    }
    if (error instanceof DatahubDocumentError) {
      const issue = { path: `/${error.rootName}`, rule: 'EC.MSG.002', message: error.message };
      return {
        issues: [error.rootNamespace === null ? issue : { ...issue, value: error.rootNamespace }],
      };
    }
    throw error;
  }
  const seen = new Set<string>();
  const issues = [...parsed.issues, ...validateDatahub(parsed.document)].filter((issue) => {
    const key = `${issue.path}\u0000${issue.rule}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return { document: parsed.document, issues };
}
