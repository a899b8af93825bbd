/**
 * Gateways with their branches and the two deadlines of CM_REQ_OFF, as plain data. The negative
 * branches of VNB_06 follow the order of checks under interpretation key `OFF-RESPONSE-CODES`.
 */

import type { ResponseCode } from '../eda/response-codes.ts';
import type { CmReqOffStepId } from './catalogue.ts';

export interface GatewayBranch {
  id: string;
  label: string;
  condition: string;
  to: CmReqOffStepId;
  responseCode?: ResponseCode;
}

export interface Gateway {
  gateway: CmReqOffStepId;
  branches: readonly GatewayBranch[];
}

const rejected = (id: string, code: ResponseCode, condition: string): GatewayBranch => ({
  id: `VNB_06.no.${id}`,
  label: 'nein',
  condition: `${condition}: ABLEHNUNG_CMQF ${code} to the sender; the consent is unchanged`,
  // The DSO keeps waiting for a valid request (the redemption timer of VNB_04 runs on).
  to: 'CM_REQ_OFF_VNB_04',
  responseCode: code,
});

export const CM_REQ_OFF_GATEWAYS: readonly Gateway[] = [
  {
    gateway: 'CM_REQ_OFF_VNB_06',
    branches: [
      {
        id: 'VNB_06.yes',
        label: 'ja',
        condition: 'the ConsentRequest passes every check',
        to: 'CM_REQ_OFF_VNB_07',
      },
      rejected('schema', 76, 'the document fails schema validation'),
      rejected('duplicate', 179, 'the MessageId or CMRequestId was received before'),
      rejected('sender', 76, 'the sender is not a registered service provider'),
      rejected('meteringPoint', 56, "the metering point is not this DSO's"),
      rejected('unknownConsent', 177, 'the ConsentId is unknown'),
      rejected('expired', 180, 'the ConsentId expired or was invalidated'),
      rejected('mismatch', 187, "the metering point is not the ConsentId's"),
      rejected('redeemed', 178, 'the ConsentId was already redeemed'),
    ],
  },
  {
    gateway: 'CM_REQ_OFF_BP_05',
    branches: [
      {
        id: 'BP_05.yes',
        label: 'ja',
        condition: 'the customer objects within the objection window',
        to: 'CM_REQ_OFF_BP_07',
      },
      {
        id: 'BP_05.no',
        label: 'nein',
        condition: 'the customer stays passive',
        to: 'CM_REQ_OFF_BP_06',
      },
    ],
  },
  {
    gateway: 'CM_REQ_OFF_VNB_10',
    branches: [
      {
        id: 'VNB_10.yes',
        label: 'ja',
        condition: 'the objection arrives at or before the objection deadline',
        to: 'CM_REQ_OFF_VNB_11',
      },
      {
        id: 'VNB_10.no',
        label: 'nein',
        condition: 'the objection timer runs out (deadline + 1 ms)',
        to: 'CM_REQ_OFF_VNB_14',
      },
    ],
  },
];

export interface Deadline {
  key: 'redemption' | 'objection';
  calendarDays: number;
  zone: 'Europe/Vienna';
  /** The step whose instant the days are counted from. */
  runsFrom: CmReqOffStepId;
  startedAt: CmReqOffStepId;
  stoppedAt: CmReqOffStepId;
  /** The step performed when the deadline passes. */
  onTimeout: CmReqOffStepId;
  interpretation: readonly string[];
}

export const CM_REQ_OFF_DEADLINES: Readonly<Record<Deadline['key'], Deadline>> = {
  redemption: {
    key: 'redemption',
    calendarDays: 30,
    zone: 'Europe/Vienna',
    runsFrom: 'CM_REQ_OFF_VNB_02',
    startedAt: 'CM_REQ_OFF_VNB_04',
    stoppedAt: 'CM_REQ_OFF_VNB_20',
    onTimeout: 'CM_REQ_OFF_VNB_17',
    interpretation: ['OFF-DAYS', 'OFF-DEADLINE-BOUNDARY', 'OFF-REDEMPTION-START'],
  },
  objection: {
    key: 'objection',
    calendarDays: 5,
    zone: 'Europe/Vienna',
    runsFrom: 'CM_REQ_OFF_VNB_05',
    startedAt: 'CM_REQ_OFF_VNB_09',
    stoppedAt: 'CM_REQ_OFF_VNB_11',
    onTimeout: 'CM_REQ_OFF_VNB_14',
    interpretation: ['OFF-DAYS', 'OFF-DEADLINE-BOUNDARY', 'OFF-OBJECTION-START'],
  },
};
