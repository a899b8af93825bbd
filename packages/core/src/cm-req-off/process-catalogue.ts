/**
 * CM_REQ_OFF's catalogue in the common shape of every process (../process/catalogue.ts), built
 * from the constants in catalogue.ts, codes.ts and gateways.ts.
 */
import { EDA_ZONE } from '../eda/deadlines.ts';
import type { CatalogueStep, ProcessCatalogue } from '../process/catalogue.ts';
import { CM_REQ_OFF_STEPS, type CmReqOffStepId, type Lane, stepById } from './catalogue.ts';
import { CM_REQ_OFF_MESSAGE_CODES } from './codes.ts';
import { CM_REQ_OFF_DEADLINES, CM_REQ_OFF_GATEWAYS } from './gateways.ts';

/** Every id in CM_REQ_OFF_STEPS is a CmReqOffStepId (catalogue.test.ts pins it). */
const stepId = (id: string) => id as CmReqOffStepId;

const steps: readonly CatalogueStep<CmReqOffStepId, Lane>[] = CM_REQ_OFF_STEPS.map((step) => ({
  id: stepId(step.id),
  lane: step.lane,
  kind: step.kind,
  aliases: step.aliases,
  title: step.title,
  messageCodes: step.messageCode === undefined ? [] : [step.messageCode],
  // Aliases are readings of the documents' ids (StepAlias, `OFF-STEP-IDS`).
  interpretations: step.aliases.length > 0 ? ['OFF-STEP-IDS'] : [],
  simulationOnly: false,
}));

/**
 * CM_REQ_OFF as a {@link ProcessCatalogue}.
 *
 * @example cmReqOff.catalogue.gateways.map((gateway) => gateway.id) // ['CM_REQ_OFF_VNB_06', …]
 */
export const catalogue: ProcessCatalogue<CmReqOffStepId, Lane> = {
  process: 'CM_REQ_OFF',
  title: 'Offline data release: consent by QR code',
  zone: EDA_ZONE,
  lanes: ['VNB', 'SP', 'BP'],
  steps,
  gateways: CM_REQ_OFF_GATEWAYS.map((gateway) => ({
    id: gateway.gateway,
    question: stepById(gateway.gateway)?.step.title ?? gateway.gateway,
    branches: gateway.branches.map((branch) => ({
      id: branch.id,
      when: branch.condition,
      next: branch.to,
      ...(branch.responseCode === undefined ? {} : { responseCode: branch.responseCode }),
    })),
  })),
  deadlines: Object.values(CM_REQ_OFF_DEADLINES).map((deadline) => ({
    key: deadline.key,
    zone: deadline.zone,
    days: deadline.calendarDays,
    summary: `runs from ${deadline.runsFrom}; on timeout ${deadline.onTimeout}`,
    interpretations: deadline.interpretation,
  })),
  messageCodes: CM_REQ_OFF_MESSAGE_CODES.map((entry) => ({
    code: entry.code,
    title: entry.title,
    simulationOnly: entry.simulationOnly,
  })),
};
