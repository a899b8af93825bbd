// The files of the consumer project that installed.test.ts writes: what a user outside the
// repository would write against the packed @consent-sim/msw.

/** tsc settings of a strict NodeNext project (checks the shipped .d.ts too: no skipLibCheck). */
export const TSCONFIG = {
  compilerOptions: {
    target: 'ES2022',
    module: 'NodeNext',
    moduleResolution: 'NodeNext',
    strict: true,
    noUncheckedIndexedAccess: true,
    noEmit: true,
    types: ['node'],
  },
  include: ['src/**/*.ts'],
};

/** Uses the public types of @consent-sim/msw with msw's own. */
export const USES_MSW_TYPES = `import {
  createDsoHandlers,
  type DsoController,
  type DsoHandlersOptions,
  type IssuedConsent,
} from '@consent-sim/msw';
import { setupServer } from 'msw/node';

const options: DsoHandlersOptions = {
  baseUrl: 'http://dso.test',
  address: 'AT001000',
  registeredServiceProviders: ['EP100200'],
};
const dso: DsoController = createDsoHandlers(options);
export const server = setupServer(...dso.handlers);
export const issued: IssuedConsent = dso.issueConsent({
  meteringPoint: 'AT0010000000000000000000000012345',
  request: { reqDatType: 'HistoricalMeteringData', dateFrom: '2026-02-01', dateTo: '2026-02-28' },
});
export const firstConsentId: string | undefined = issued.consentIds[0];
export const now: number = dso.now();
`;

/** One msw test with node:test: the reference DSO behind fetch, in the same process. */
export const DSO_TEST = `import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createDsoHandlers } from '@consent-sim/msw';
import { setupServer } from 'msw/node';

const dso = createDsoHandlers({
  baseUrl: 'http://dso.test',
  address: 'AT001000',
  registeredServiceProviders: ['EP100200'],
});
const server = setupServer(...dso.handlers);
before(() => server.listen({ onUnhandledRequest: 'error' }));
after(() => server.close());

test('the reference DSO issues a consent whose QR payload names it', () => {
  const { consentIds, payload } = dso.issueConsent({
    meteringPoint: 'AT0010000000000000000000000012345',
    request: { reqDatType: 'HistoricalMeteringData', dateFrom: '2026-02-01', dateTo: '2026-02-28' },
  });
  assert.equal(consentIds.length, 1);
  assert.ok(payload.includes('CMRequest'));
});

test('the reference DSO refuses a body that is not XML, over fetch', async () => {
  const response = await fetch('http://dso.test/eda/messages', {
    method: 'POST',
    headers: { 'content-type': 'application/xml' },
    body: 'not xml',
  });
  assert.equal(response.status, 400);
  assert.equal((await response.json()).status, 'refused');
});
`;
