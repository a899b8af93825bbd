// Used only by the tests of this package: locating the read-only shared references beside the repo.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { XSD_DIR } from '../../../../test-support/shared-folder.ts';
import { sampleEdaDocument } from './samples.ts';
import type {
  CMNotificationDocument,
  CMRequestDocument,
  CMRevokeDocument,
  EdaDocument,
} from './types.ts';
import type { SchemaFile } from './xsd.ts';

// `../shared` beside the repository, or `CONSENT_SIM_SHARED`; tests that need it skip without it.
export {
  SAMPLES_DIR,
  SHARED_DIR,
  skipWithoutShared,
  XSD_DIR,
} from '../../../../test-support/shared-folder.ts';

/** Every official schema file, as `validateAgainstXsd` takes them. */
export function officialSchemas(): SchemaFile[] {
  return readdirSync(XSD_DIR)
    .filter((name) => name.endsWith('.xsd'))
    .sort()
    .map((fileName) => ({
      fileName,
      contents: readFileSync(path.join(XSD_DIR, fileName), 'utf8'),
    }));
}

const TRICKY = 'Müller & Söhne <GmbH> "Wien"';

/** Every document type and version with every element of that version's schema filled in. */
export function maximalDocuments(seed = 3): EdaDocument[] {
  const requests = (['01.10', '01.20', '01.21', '01.30'] as const).map(
    (version): CMRequestDocument => {
      const base = sampleEdaDocument('ANFORDERUNG_CMQF', { seed, version });
      const details = base.processDirectory.cmRequest;
      if (!details) throw new Error('sample has no CMRequest details');
      return {
        ...base,
        duplicate: true,
        documentMode: 'SIMU',
        processDirectory: {
          ...base.processDirectory,
          cmRequest: {
            ...details,
            ecid: 'AT00100000000RC100000000000000001',
            ...(version >= '01.20' ? { ecPartFact: '100' } : {}),
            ecShare: '12.3456',
            energyDirection: 'GENERATION',
            ...(version >= '01.30' ? { purpose: TRICKY } : {}),
          },
          ...(version >= '01.21'
            ? {
                additionalData: [
                  { name: 'Hinweis', value: TRICKY },
                  { name: 'Kanal', value: 'E-Mail' },
                ],
              }
            : {}),
        },
      };
    },
  );
  const notifications = (['01.11', '01.12', '01.20'] as const).map(
    (version): CMNotificationDocument => {
      const base = sampleEdaDocument('ANTWORT_CMQF', { seed, version });
      const first = base.processDirectory.responseData[0];
      if (!first) throw new Error('sample has no ResponseData');
      const paramHist = [
        { dateFrom: '2024-01-01', dateTo: '2024-12-31', meteringIntervall: 'QH' as const },
        { dateFrom: '2025-01-01', dateTo: '2025-01-31', meteringIntervall: 'D' as const },
      ];
      return {
        ...base,
        processDirectory: {
          ...base.processDirectory,
          responseData: [
            { ...first, ...(version === '01.11' ? { paramHist } : {}) },
            { meteringPoint: first.meteringPoint ?? '', responseCodes: [56, 76, 999] },
          ],
          ...(version >= '01.12' ? { customerData: { name1: TRICKY, name2: 'zweite Zeile' } } : {}),
          ...(version >= '01.20'
            ? {
                portalApprovalUrl: 'https://portal.example/approve?id=1&x=2',
                supplier: 'AT000000000',
                additionalData: [{ name: 'Notiz', value: TRICKY }],
              }
            : {}),
        },
      };
    },
  );
  const revokes = (['01.00', '01.10'] as const).map((version): CMRevokeDocument => {
    const base = sampleEdaDocument('AUFHEBUNG_CCMS', { seed, version });
    return {
      ...base,
      processDirectory: {
        ...base.processDirectory,
        ...(version >= '01.10' ? { reasonKey: '0' as const } : {}),
        reason: 'Kündigung & Umzug',
      },
    };
  });
  return [...requests, ...notifications, ...revokes];
}
