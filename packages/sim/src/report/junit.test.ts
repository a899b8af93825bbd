import { describe, expect, it } from 'vitest';
import { validateXML } from 'xmllint-wasm';
import { junitProblems } from '../../../../test-support/junit-schema.ts';
import { renderJunit } from './junit.ts';
import type { RunResult } from './run-result.ts';
import { FAILED_RUN, SAMPLE_RUN } from './sample-run.ts';
import { xmlAttribute, xmlText } from './xml-escape.ts';

/** Canonical XML (C14N) of a document, or the parser's complaints. */
async function canonical(xml: string): Promise<string> {
  const result = await validateXML({
    xml: { fileName: 'junit.xml', contents: xml },
    normalization: 'c14n',
  });
  if (!result.valid) throw new Error(result.rawOutput);
  return result.normalized;
}

describe('renderJunit', () => {
  it('renders a passing run as a testsuite with seed, outcome, virtual duration and rerun command (golden)', () => {
    expect(renderJunit([SAMPLE_RUN])).toBe(`<?xml version="1.0" encoding="UTF-8"?>
<testsuites name="consent-sim" tests="2" failures="0" errors="0" skipped="0" time="0">
  <testsuite name="cm-req-off/happy-path" package="cm-req-off" tests="2" failures="0" errors="0" skipped="0" time="0" timestamp="2026-03-02T08:00:00">
    <properties>
      <property name="seed" value="1"/>
      <property name="outcome" value="active"/>
      <property name="durationVirtualMs" value="694806000"/>
      <property name="summary" value="The customer hands the QR code over on day 3 and does not object; the release becomes active."/>
      <property name="reproduce" value="pnpm sim scenario cm-req-off/happy-path --seed 1"/>
    </properties>
    <testcase name="expectations" classname="cm-req-off/happy-path" time="0"/>
    <testcase name="invariants" classname="cm-req-off/happy-path" time="0"/>
  </testsuite>
</testsuites>
`);
  });

  it('gives a failed run a typed failure per broken kind with expected vs actual and the rerun, and its timeline', async () => {
    const xml = renderJunit([
      SAMPLE_RUN,
      FAILED_RUN,
      { ...SAMPLE_RUN, process: 'dh-831', scenario: 'dh-831/approve' },
    ]);
    expect(xml).toContain('<testsuites name="consent-sim" tests="6" failures="2"');
    expect(xml).toContain(
      '<testsuite name="cm-req-off/objection" package="cm-req-off" tests="2" failures="2" errors="0" skipped="0" time="0"',
    );
    expect(xml).toContain(
      '<testsuite name="dh-831/approve" package="dh-831" tests="2" failures="0"',
    );
    expect(xml).toContain(
      '<failure type="expectation" message="outcome: expected rejected, got active (+1 more)">outcome: expected rejected, got active\n  expected: "rejected"\n  actual:   "active"\n\nstepsInclude[1]:',
    );
    expect(xml).toContain(
      '<failure type="invariant" message="invariant no-data-without-consent (event #15): data released before the objection window ended">',
    );
    expect(xml).toContain('reproduce: pnpm sim scenario cm-req-off/objection --seed 1</failure>');
    expect(xml).toContain('<system-out>cm-req-off/objection  seed 1\n');
    await expect(canonical(xml)).resolves.toContain(
      '<testcase classname="cm-req-off/objection" name="expectations" time="0">',
    );
  });

  it('validates against the project JUnit XSD, counts included (and the old layout did not)', async () => {
    expect(await junitProblems(renderJunit([SAMPLE_RUN, FAILED_RUN]))).toEqual([]);
    const old = `<?xml version="1.0" encoding="UTF-8"?>
<testsuites name="consent-sim" tests="1" failures="0" errors="0" time="0">
  <testsuite name="cm-req-off" tests="1" failures="0" errors="0" skipped="0" time="0">
    <testcase name="cm-req-off/happy-path" classname="cm-req-off" time="0">
      <properties><property name="seed" value="1"/></properties>
    </testcase>
  </testsuite>
</testsuites>
`;
    const problems = await junitProblems(old);
    expect(problems.join('\n')).toContain("The attribute 'timestamp' is required but missing");
    expect(problems.join('\n')).toContain("Element 'properties': This element is not expected");
  });

  it('escapes markup, quotes and characters XML cannot carry, and stays well-formed', async () => {
    const nasty = 'a < b && "c" \'d\' ]]> \u0001\u001f tab\there\r\n\uD800 end';
    const run: RunResult = {
      ...SAMPLE_RUN,
      scenario: `cm-req-off/${nasty}`,
      passed: false,
      failures: [
        { field: 'outcome', expected: nasty, actual: '<none>', message: `outcome: ${nasty}` },
      ],
      violations: [],
    };
    const xml = renderJunit([run]);
    const c14n = await canonical(xml);
    // C14N writes attribute values and text back with its own fixed escapes: the content survived.
    expect(c14n).toContain(
      'name="cm-req-off/a &lt; b &amp;&amp; &quot;c&quot; \'d\' ]]> \\u0001\\u001f tab&#x9;here&#xD;&#xA;\uFFFD end"',
    );
    expect(c14n).toContain(
      '>outcome: a &lt; b &amp;&amp; "c" \'d\' ]]&gt; \\u0001\\u001f tab\there&#xD;\n\uFFFD end\n',
    );
  });
});

describe('xml escaping', () => {
  it('escapes text and attributes', () => {
    expect(xmlText('a < b & c > d')).toBe('a &lt; b &amp; c &gt; d');
    expect(xmlAttribute('say "hi"\n\t\'')).toBe('say &quot;hi&quot;&#10;&#9;&apos;');
    expect(xmlText('\u0000\u000b')).toBe('\\u0000\\u000b');
    expect(xmlText('ok 😀 \uDC00')).toBe('ok 😀 \uFFFD');
  });
});
