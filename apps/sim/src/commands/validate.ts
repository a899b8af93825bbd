import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  DEFAULT_XML_LIMITS,
  type ValidationIssue,
  validateAgainstXsd,
  validateDocumentXml,
  XmlInputError,
} from '@consent-sim/messages';
import { DATA_NAMESPACE, readDataXml } from '@consent-sim/sim';
import { type Command, type CommandContext, stringOption } from '../command.ts';
import { CliError, EXIT, usageError } from '../errors.ts';
import { readInput } from '../io.ts';

/** Violations printed per file as text, and listed per file in --json; the rest are counted. */
export const PRINTED_ISSUES = 20;
export const JSON_ISSUES = 200;
/** Characters of an offending value that are printed; a longer value is cut with its length. */
const VALUE_CHARS = 60;

/** Prints a file's violations: element path, rule, offending value, explanation; the first 20. */
export function printIssues(
  ctx: CommandContext,
  label: string,
  issues: readonly ValidationIssue[],
): void {
  const { io, colors } = ctx;
  io.stdout(`${colors.red('INVALID')} ${label}: ${issues.length} violation(s)\n`);
  for (const issue of issues.slice(0, PRINTED_ISSUES)) {
    const long = issue.value !== undefined && issue.value.length > VALUE_CHARS;
    const shown = long ? shortValue(issue.value ?? '') : issue.value;
    const value =
      shown === undefined
        ? ''
        : ` (value: ${JSON.stringify(shown)}${long ? `, ${issue.value?.length} characters` : ''})`;
    // The message repeats the value: the cut form there too, so a long value is never printed whole.
    const message = long ? issue.message.split(issue.value ?? '').join(shown ?? '') : issue.message;
    io.stdout(
      `  ${colors.bold(issue.path)}: ${colors.yellow(issue.rule)}${value}\n    ${message}\n`,
    );
  }
  if (issues.length > PRINTED_ISSUES) {
    io.stdout(`  … and ${issues.length - PRINTED_ISSUES} more violation(s) not shown\n`);
  }
}

function shortValue(value: string): string {
  return `${value.slice(0, VALUE_CHARS)}…`;
}

/**
 * A file's bytes, but never more than the XML size limit + 1: a device or a pipe without end
 * (`/dev/zero`) or a huge file is refused after reading that much, not read whole. Paths that are
 * not on disk are asked of the CLI's io (tests serve files from memory).
 */
function readDocument(ctx: CommandContext, file: string): Uint8Array {
  const full = resolve(ctx.io.cwd, file);
  const cap = DEFAULT_XML_LIMITS.maxBytes + 1;
  let size: number | undefined;
  try {
    const stats = statSync(full, { throwIfNoEntry: false });
    if (stats === undefined) return readInput(ctx.io, file).bytes;
    if (stats.isDirectory()) throw Object.assign(new Error(), { code: 'EISDIR' });
    size = stats.isFile() && stats.size > 0 ? stats.size : undefined;
    // A regular file over the limit is not read at all; its first `cap` bytes tell the same.
    const fd = openSync(full, 'r');
    try {
      const buffer = new Uint8Array(Math.min(cap, (size ?? cap - 1) + 1));
      let filled = 0;
      for (let n = 1; n > 0 && filled < buffer.length; filled += n) {
        n = readSync(fd, buffer, filled, buffer.length - filled, null);
      }
      return buffer.subarray(0, filled);
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    const reason = error instanceof Error && 'code' in error ? String(error.code) : String(error);
    throw new CliError(
      `cannot read ${file}: ${reason === 'EISDIR' ? 'it is a directory' : reason}`,
      EXIT.usage,
      'check the path (relative paths are taken from the directory you ran the command in)',
    );
  }
}

/** The refusal of a file over the limit, worded as the guard words it (rule `xml too-large`). */
function tooLargeIssue(read: number): ValidationIssue {
  const { maxBytes } = DEFAULT_XML_LIMITS;
  const error = new XmlInputError(
    'too-large',
    `the document is over the limit of ${maxBytes} bytes (reading stopped after ${read} bytes)`,
    { limit: maxBytes },
  );
  return { path: '/', rule: `xml ${error.code}`, message: error.message };
}

/** Loads every .xsd of a directory the user names; the official schemas are not shipped. */
function loadSchemas(
  ctx: CommandContext,
  dir: string,
): Array<{ fileName: string; contents: string }> {
  const full = resolve(ctx.io.cwd, dir);
  let names: string[];
  try {
    names = ctx.io.listDir(full).filter((name) => name.endsWith('.xsd'));
  } catch {
    throw usageError(
      `--xsd ${dir}: cannot read the directory`,
      'pass the folder holding the official EDA .xsd files',
    );
  }
  if (names.length === 0) throw usageError(`--xsd ${dir}: no .xsd files in it`);
  return names.map((fileName) => ({
    fileName,
    contents: new TextDecoder().decode(ctx.io.readFile(join(full, fileName))),
  }));
}

/**
 * EDA and Datahub documents by their rules; the simulation-only CM_REQ_OFF data documents
 * (ANFORDERUNG_DATEN, DATEN_CRMSG; docs/sut-protocol.md § data documents) by theirs.
 */
function validateAnyXml(bytes: Uint8Array) {
  if (!new TextDecoder().decode(bytes.subarray(0, 4096)).includes(DATA_NAMESPACE)) {
    return validateDocumentXml(bytes);
  }
  const { document, issues } = readDataXml(bytes);
  return {
    family: 'data' as const,
    documentType: document?.kind,
    version: 'consent-sim data 1 (simulation-only)',
    messageCode: document?.fields.MessageCode,
    issues: issues as ValidationIssue[],
  };
}

export const validateCommand: Command = {
  name: 'validate',
  summary:
    'Validate EDA (CMRequest, CMNotification, CMRevoke), Datahub (DH-831, DH-851) and the simulation-only data XML documents',
  usage: ['validate <file.xml>... [--xsd <schema-dir>] [--json]'],
  help: `
Detects each document's type, version (from the namespace) and message code, and checks it
against the rules of the official schema for that version: required elements and their order,
lengths, patterns, enumerations, dates, decimal facets and code ranges. Every violation names the
element path, the rule and the offending value. Hostile input (DOCTYPE or entity declarations,
oversized or deeply nested documents, non-UTF-8 bytes) is refused before parsing.

The simulation-only CM_REQ_OFF data documents (ANFORDERUNG_DATEN, DATEN_CRMSG in the namespace
urn:consent-sim:eda-sim:data:1, docs/sut-protocol.md) are checked against their own format.

With --xsd, each EDA document is also validated by libxml2 (xmllint-wasm) against the official
.xsd files in that directory — your own copy of the schemas; consent-sim does not ship them.

Options:
  --xsd DIR   also validate against the official XSD files in DIR
  --json      print one JSON object per file

Exit status: 0 when every file is valid, 1 when any is invalid, 2 for usage errors.

Examples:
  pnpm sim validate request.xml
  pnpm sim validate answers/*.xml --xsd ../eda-xsd
`,
  options: { xsd: { type: 'string' }, json: { type: 'boolean' } },
  async run(ctx) {
    const files = ctx.args.positionals;
    if (files.length === 0) throw usageError('`validate` needs at least one XML file');
    const xsdDir = stringOption(ctx.args, 'xsd');
    const schemas = xsdDir === undefined ? undefined : loadSchemas(ctx, xsdDir);
    const json = ctx.args.values.json === true;
    let allValid = true;
    for (const file of files) {
      const bytes = readDocument(ctx, file);
      const result =
        bytes.length > DEFAULT_XML_LIMITS.maxBytes
          ? {
              family: undefined,
              documentType: undefined,
              version: undefined,
              messageCode: undefined,
              issues: [tooLargeIssue(bytes.length)],
            }
          : validateAnyXml(bytes);
      const issues: ValidationIssue[] = [...result.issues];
      if (schemas !== undefined && result.family === 'eda' && result.issues.length === 0) {
        issues.push(...(await validateAgainstXsd(new TextDecoder().decode(bytes), schemas)));
      }
      const valid = issues.length === 0;
      allValid &&= valid;
      if (json) {
        const { documentType, version, messageCode } = result;
        const listed = issues.slice(0, JSON_ISSUES);
        const counts = { issueCount: issues.length, issuesOmitted: issues.length - listed.length };
        ctx.io.stdout(
          `${JSON.stringify({ file, valid, documentType, version, messageCode, issues: listed, ...counts })}\n`,
        );
      } else if (valid) {
        const xsdNote = schemas === undefined ? '' : ' (and the official XSD)';
        ctx.io.stdout(
          `${ctx.colors.green('OK')} ${file}: ${result.documentType} ${result.version} ${result.messageCode}${xsdNote}\n`,
        );
      } else {
        const what =
          result.documentType === undefined
            ? ''
            : ` (${result.documentType} ${result.version ?? ''} ${result.messageCode ?? ''})`;
        printIssues(ctx, `${file}${what}`, issues);
      }
    }
    return allValid ? EXIT.ok : EXIT.invalid;
  },
};
