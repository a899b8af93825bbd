/**
 * Parse + validate throughput of EDA documents (what the DSO does at CM_REQ_OFF_VNB_05/06 for
 * every incoming ConsentRequest), in documents per second, per document type.
 */
import { performance } from 'node:perf_hooks';
import { sampleXml, validateDocumentXml } from '@consent-sim/messages';
import type { BenchSection } from './run.ts';

const CODES = ['ANFORDERUNG_CMQF', 'ANTWORT_CMQF', 'AUFHEBUNG_CCMC'] as const;
const DOCUMENTS_PER_CODE = 200;
const ROUNDS = 5;

export default async function messagesBench(): Promise<BenchSection> {
  const rows: string[] = [];
  for (const code of CODES) {
    const documents = Array.from({ length: DOCUMENTS_PER_CODE }, (_, seed) =>
      sampleXml(code, { seed }),
    );
    const bytes = documents.reduce((sum, xml) => sum + xml.length, 0) / documents.length;
    const rates: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const started = performance.now();
      for (const xml of documents) {
        if (validateDocumentXml(xml).issues.length > 0)
          throw new Error(`bench: sample ${code} is invalid`);
      }
      rates.push(documents.length / ((performance.now() - started) / 1000));
    }
    rates.sort((a, b) => a - b);
    const median = rates[Math.floor(rates.length / 2)] ?? 0;
    rows.push(`| ${code} | ${Math.round(bytes)} | ${Math.round(median).toLocaleString('en')} |`);
  }
  return {
    title: 'EDA parse + validate throughput',
    markdown: [
      `Guard + namespace-aware parse + schema-rule validation of ${DOCUMENTS_PER_CODE} seeded samples per code, median of ${ROUNDS} rounds (first round includes warm-up).`,
      '',
      '| message code | mean size (chars) | documents / s |',
      '|---|---:|---:|',
      ...rows,
    ].join('\n'),
  };
}
