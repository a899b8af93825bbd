// Every EDA document in every shipped CM_REQ_OFF trace — the DSO's QR templates and every
// document sent on the eda channel — passes the project's validator and the official XSDs
// (xmllint-wasm). The simulation-only data messages are recognised by their own namespace.

import { PROCESSES } from '@consent-sim/conformance';
import { validateAgainstXsd, validateEdaXml } from '@consent-sim/messages';
import { runScenario } from '@consent-sim/sim';
import { describe, expect, it } from 'vitest';
import {
  CM_REQ_OFF_SCENARIO_FILES,
  officialSchemas,
  shippedScenario,
  skipWithoutShared,
} from './scenarios.ts';

const SIMULATION_ONLY = 'urn:consent-sim:eda-sim:data:1';

/** The documents of one run: QR template lines (VNB_02 note) and eda sends, deduplicated. */
function documentsOf(file: string): { eda: string[]; simulationOnly: string[] } {
  const result = runScenario(shippedScenario(file), { processes: PROCESSES });
  const texts = new Set<string>();
  for (const event of result.events) {
    if (event.document === null) continue;
    if (event.kind === 'note' && event.step === 'CM_REQ_OFF_VNB_02') {
      for (const line of event.document.split('\n')) texts.add(line);
    } else if (event.kind === 'send' && event.channel === 'eda') {
      texts.add(event.document);
    }
  }
  const all = [...texts];
  return {
    eda: all.filter((xml) => !xml.includes(SIMULATION_ONLY)),
    simulationOnly: all.filter((xml) => xml.includes(SIMULATION_ONLY)),
  };
}

const noShared = skipWithoutShared('the official-XSD checks of the CM_REQ_OFF scenario documents');
const schemas = noShared ? [] : officialSchemas();

describe.each(CM_REQ_OFF_SCENARIO_FILES)('documents of %s', (file) => {
  const { eda, simulationOnly } = documentsOf(file);

  it('has EDA documents (or none only where the process sends none)', () => {
    const none = ['customer-not-authenticated.yaml'];
    expect(eda.length > 0).toBe(!none.includes(file));
  });

  it('passes validateEdaXml', () => {
    for (const xml of eda) {
      const { issues, messageCode } = validateEdaXml(xml);
      expect({ messageCode, issues }).toEqual({ messageCode, issues: [] });
    }
  });

  it.skipIf(noShared)('passes the official XSDs', { timeout: 120_000 }, async () => {
    for (const xml of eda) expect(await validateAgainstXsd(xml, schemas)).toEqual([]);
  });

  it('marks the data messages as simulation-only by root and namespace', () => {
    for (const xml of simulationOnly) {
      expect(xml).toMatch(
        /<(DataRequest|ConsumptionRecord) xmlns="urn:consent-sim:eda-sim:data:1">/,
      );
    }
  });
});
