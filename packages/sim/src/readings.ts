/**
 * Which reader the process codecs apply to a document arriving on a channel, and that reader's
 * result for a text: `sim serve` computes it on a worker thread for a heavy document and hands it
 * to the codec (`handReading` of @consent-sim/messages), so the same reading decides either way.
 * Mirrors cm-req-off/wire-read.ts (`readWire`) and dh-831/datahub-inbound.ts.
 */
import { type ReadingKind, validateDatahubXml, validateEdaXml } from '@consent-sim/messages';
import { DATA_NAMESPACE, readDataXml } from './cm-req-off/data-documents.ts';

/** The reader of a document text on `channel`; undefined for channels that carry no XML. */
export function readingKindOf(channel: string, text: string): ReadingKind | undefined {
  if (channel === 'eda') return text.includes(DATA_NAMESPACE) ? 'data' : 'eda';
  if (channel === 'datahub') return 'datahub';
  return undefined;
}

/** What the `kind` reader makes of `text` (never throws for bad input). */
export function readingOf(kind: ReadingKind, text: string): unknown {
  switch (kind) {
    case 'eda':
      return validateEdaXml(text);
    case 'datahub':
      return validateDatahubXml(text);
    case 'data':
      return readDataXml(text);
  }
}
