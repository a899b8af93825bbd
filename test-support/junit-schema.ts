// Used only by tests: a JUnit report against the project's JUnit XSD (junit.xsd, from the Ant /
// Jenkins xunit conventions), with libxml2 compiled to WebAssembly (no native dependency), plus
// what XSD 1.0 cannot say: every count attribute equals what the elements hold.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { validateXML } from 'xmllint-wasm';

export const JUNIT_XSD = path.join(path.dirname(fileURLToPath(import.meta.url)), 'junit.xsd');

const attribute = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
const COUNTS = ['tests', 'failures', 'errors', 'skipped'] as const;

/** The schema's errors, then the count mismatches; empty when the report is valid. */
export async function junitProblems(xml: string): Promise<string[]> {
  const result = await validateXML({
    xml: { fileName: 'report.xml', contents: xml },
    schema: { fileName: 'junit.xsd', contents: readFileSync(JUNIT_XSD, 'utf8') },
  });
  if (!result.valid) return result.errors.map((e) => e.rawMessage);
  // The Debian xmllint binary, where installed (.ci/run installs it), must agree.
  const binary = spawnSync('xmllint', ['--noout', '--nonet', '--schema', JUNIT_XSD, '-'], {
    input: xml,
    encoding: 'utf8',
  });
  if (binary.error === undefined && binary.status !== 0) return [`xmllint: ${binary.stderr}`];
  // Valid against the schema, so the elements are where the schema puts them: count them.
  const problems: string[] = [];
  const totals = { tests: 0, failures: 0, errors: 0, skipped: 0 };
  for (const [, open = '', body = ''] of xml.matchAll(
    /(<testsuite\s[^>]*?)(?:\/>|>([\s\S]*?)<\/testsuite>)/g,
  )) {
    const counted = {
      tests: body.match(/<testcase\s/g)?.length ?? 0,
      failures: body.match(/<failure\s/g)?.length ?? 0,
      errors: body.match(/<error\s/g)?.length ?? 0,
      skipped: body.match(/<skipped[\s/>]/g)?.length ?? 0,
    };
    for (const key of COUNTS) {
      totals[key] += counted[key];
      if (Number(attribute(open, key)) !== counted[key])
        problems.push(
          `testsuite "${attribute(open, 'name')}": ${key}="${attribute(open, key)}" but ${counted[key]} found`,
        );
    }
  }
  const root = /<testsuites\s[^>]*>/.exec(xml)?.[0] ?? '';
  for (const key of COUNTS) {
    const declared = attribute(root, key);
    if (declared !== undefined && Number(declared) !== totals[key])
      problems.push(`testsuites: ${key}="${declared}" but ${totals[key]} found`);
  }
  return problems;
}
