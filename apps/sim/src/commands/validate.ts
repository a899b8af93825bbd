import { join, resolve } from 'node:path';
import {
  type ValidationIssue,
  validateAgainstXsd,
  validateDocumentXml,
} from '@consent-sim/messages';
import { DATA_NAMESPACE, readDataXml } from '@consent-sim/sim';
import { type Command, type CommandContext, stringOption } from '../command.ts';
import { EXIT, usageError } from '../errors.ts';
import { readInput } from '../io.ts';

/** Prints a file's violations: element path, rule, offending value, explanation. */
export function printIssues(
  ctx: CommandContext,
  label: string,
  issues: readonly ValidationIssue[],
): void {
  const { io, colors } = ctx;
  io.stdout(`${colors.red('INVALID')} ${label}: ${issues.length} violation(s)\n`);
  for (const issue of issues) {
    const value = issue.value === undefined ? '' : ` (value: ${JSON.stringify(issue.value)})`;
    io.stdout(
      `  ${colors.bold(issue.path)}: ${colors.yellow(issue.rule)}${value}\n    ${issue.message}\n`,
    );
  }
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
      const { bytes } = readInput(ctx.io, file);
      const result = validateAnyXml(bytes);
      const issues: ValidationIssue[] = [...result.issues];
      if (schemas !== undefined && result.family === 'eda' && result.issues.length === 0) {
        issues.push(...(await validateAgainstXsd(new TextDecoder().decode(bytes), schemas)));
      }
      const valid = issues.length === 0;
      allValid &&= valid;
      if (json) {
        const { documentType, version, messageCode } = result;
        ctx.io.stdout(
          `${JSON.stringify({ file, valid, documentType, version, messageCode, issues })}\n`,
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
