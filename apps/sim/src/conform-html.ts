/**
 * What the HTML conform report shows beside the checks: what each cited step does (the process
 * catalogues) and the heading of each interpretation note (docs/interpretations/<process>.md,
 * read when the repository's docs are there; a built CLI without them shows the keys alone).
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { HtmlReportOptions } from '@consent-sim/conformance';
import { cmReqOff, dh831 } from '@consent-sim/core';

const CATALOGUES = [cmReqOff.catalogue, dh831.catalogue];

function notesOf(process: string): { notes: Record<string, string>; document: string } {
  const document = `docs/interpretations/${process}.md`;
  const file = fileURLToPath(new URL(`../../../${document}`, import.meta.url));
  const notes: Record<string, string> = {};
  if (!existsSync(file)) return { notes, document };
  // `## OFF-DAYS — Q1: calendar days or multiples of 24 h?`
  for (const [, key = '', heading = ''] of readFileSync(file, 'utf8').matchAll(
    /^## ([A-Z][A-Z0-9-]+) — (.+)$/gm,
  )) {
    notes[key] = heading;
  }
  return { notes, document };
}

export function htmlOptions(process: string): HtmlReportOptions {
  const steps: Record<string, string> = {};
  for (const catalogue of CATALOGUES)
    for (const step of catalogue.steps) steps[step.id] = step.title;
  const { notes, document } = notesOf(process);
  return { steps, notes, notesDocument: document };
}
