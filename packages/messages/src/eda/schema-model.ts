import { COMMON_TYPES_NAMESPACE, EDA_VERSIONS, edaNamespace } from './namespaces.ts';
import {
  ADDITIONAL_DATA_NAME,
  ADDITIONAL_DATA_VALUE,
  ADDRESS_TYPE,
  CUSTOMER_NAME,
  DOCUMENT_MODE,
  EC_PART_FACT,
  EC_SHARE,
  ENERGY_DIRECTION,
  GROUPING_ID,
  MESSAGE_ADDRESS,
  MESSAGE_CODE,
  METERING_INTERVALL,
  METERING_POINT,
  PORTAL_APPROVAL_URL,
  PURPOSE,
  REASON,
  REASON_KEY,
  REQ_DAT_TYPE,
  RESPONSE_CODE,
  REVOKE_MESSAGE_CODE_0100,
  SECTOR,
  type SimpleTypeRule,
  schemaVersionType,
  TRANSMISSION_CYCLE,
  XSD_BOOLEAN,
  XSD_DATE,
  XSD_DATE_TIME,
} from './simple-types.ts';
import type { EdaDocumentType, EdaVersion } from './types.ts';

/** An attribute of a complex type; all attributes in these schemas are unqualified. */
export interface AttributeRule {
  readonly name: string;
  readonly key: string;
  readonly required: boolean;
  readonly type: SimpleTypeRule;
}

/**
 * One element declaration of a sequence. `ns: 'doc'` is the document's own namespace (`cp`),
 * `ns: 'ct'` the common types (elements inherited from ct: base types are in that namespace).
 */
export interface ElementRule {
  readonly name: string;
  readonly ns: 'doc' | 'ct';
  /** Property in the typed document. */
  readonly key: string;
  readonly minOccurs: 0 | 1;
  readonly maxOccurs: number;
  /** Child elements in XSD sequence order (complex content). */
  readonly children?: readonly ElementRule[];
  readonly attributes?: readonly AttributeRule[];
  /** Simple content; with attributes the text lands in `textKey` (ct:AdditionalData). */
  readonly text?: SimpleTypeRule;
  readonly textKey?: string;
  /** Children and attributes are properties of the parent object (MarketParticipantDirectory). */
  readonly flatten?: boolean;
}

/** The element tree of one document type in one version. */
export interface DocumentRule {
  readonly documentType: EdaDocumentType;
  readonly version: EdaVersion;
  readonly namespace: string;
  readonly root: ElementRule;
}

type Options = Partial<Pick<ElementRule, 'minOccurs' | 'maxOccurs' | 'attributes' | 'textKey'>>;

const leaf = (
  ns: 'doc' | 'ct',
  name: string,
  key: string,
  text: SimpleTypeRule,
  o: Options = {},
): ElementRule => ({ name, ns, key, minOccurs: 1, maxOccurs: 1, text, ...o });
const optional = (ns: 'doc' | 'ct', name: string, key: string, text: SimpleTypeRule) =>
  leaf(ns, name, key, text, { minOccurs: 0 });
const group = (
  ns: 'doc' | 'ct',
  name: string,
  key: string,
  children: ReadonlyArray<ElementRule | false>,
  o: Options & { flatten?: boolean } = {},
): ElementRule => ({
  name,
  ns,
  key,
  minOccurs: 1,
  maxOccurs: 1,
  children: children.filter((child): child is ElementRule => child !== false),
  ...o,
});
const attribute = (name: string, key: string, type: SimpleTypeRule): AttributeRule => ({
  name,
  key,
  required: true,
  type,
});

const routingAddress = (name: string, key: string) =>
  group('ct', name, key, [leaf('ct', 'MessageAddress', 'messageAddress', MESSAGE_ADDRESS)], {
    attributes: [attribute('AddressType', 'addressType', ADDRESS_TYPE)],
  });

/** ct:MarketParticipantDirectory extended by each CM schema with MessageCode and SchemaVersion. */
const marketParticipantDirectory = (version: string, messageCode: SimpleTypeRule) =>
  group(
    'doc',
    'MarketParticipantDirectory',
    '',
    [
      group('ct', 'RoutingHeader', 'routingHeader', [
        routingAddress('Sender', 'sender'),
        routingAddress('Receiver', 'receiver'),
        leaf('ct', 'DocumentCreationDateTime', 'documentCreationDateTime', XSD_DATE_TIME),
      ]),
      leaf('ct', 'Sector', 'sector', SECTOR),
      leaf('doc', 'MessageCode', 'messageCode', messageCode),
    ],
    {
      flatten: true,
      attributes: [
        attribute('DocumentMode', 'documentMode', DOCUMENT_MODE),
        attribute('Duplicate', 'duplicate', XSD_BOOLEAN),
        attribute('SchemaVersion', 'schemaVersion', schemaVersionType(version)),
      ],
    },
  );

const additionalData = (): ElementRule =>
  leaf('doc', 'AdditionalData', 'additionalData', ADDITIONAL_DATA_VALUE, {
    minOccurs: 0,
    maxOccurs: 1000,
    attributes: [attribute('Name', 'name', ADDITIONAL_DATA_NAME)],
    textKey: 'value',
  });

const from = (version: string, first: string) => version >= first;

function cmRequest(version: string): ElementRule {
  const details = group(
    'doc',
    'CMRequest',
    'cmRequest',
    [
      leaf('doc', 'ReqDatType', 'reqDatType', REQ_DAT_TYPE),
      leaf('doc', 'DateFrom', 'dateFrom', XSD_DATE),
      optional('doc', 'DateTo', 'dateTo', XSD_DATE),
      optional('doc', 'MeteringIntervall', 'meteringIntervall', METERING_INTERVALL),
      optional('doc', 'TransmissionCycle', 'transmissionCycle', TRANSMISSION_CYCLE),
      optional('doc', 'ECID', 'ecid', METERING_POINT),
      from(version, '01.20') && optional('doc', 'ECPartFact', 'ecPartFact', EC_PART_FACT),
      optional('doc', 'ECShare', 'ecShare', EC_SHARE),
      optional('doc', 'EnergyDirection', 'energyDirection', ENERGY_DIRECTION),
      from(version, '01.30') && optional('doc', 'Purpose', 'purpose', PURPOSE),
    ],
    // 01.21: "CMRequest-Knoten optional".
    { minOccurs: from(version, '01.21') ? 0 : 1 },
  );
  return group('doc', 'CMRequest', '', [
    marketParticipantDirectory(version, MESSAGE_CODE),
    group('doc', 'ProcessDirectory', 'processDirectory', [
      leaf('ct', 'MessageId', 'messageId', GROUPING_ID),
      leaf('ct', 'ConversationId', 'conversationId', GROUPING_ID),
      leaf('doc', 'ProcessDate', 'processDate', XSD_DATE),
      optional('doc', 'MeteringPoint', 'meteringPoint', METERING_POINT),
      leaf('doc', 'CMRequestId', 'cmRequestId', GROUPING_ID),
      optional('doc', 'ConsentId', 'consentId', GROUPING_ID),
      details,
      from(version, '01.21') && additionalData(),
    ]),
  ]);
}

function cmNotification(version: string): ElementRule {
  const responseData = group(
    'doc',
    'ResponseData',
    'responseData',
    [
      optional('doc', 'ConsentId', 'consentId', GROUPING_ID),
      optional('doc', 'MeteringPoint', 'meteringPoint', METERING_POINT),
      leaf('doc', 'ResponseCode', 'responseCodes', RESPONSE_CODE, { maxOccurs: 1000 }),
      version === '01.11' &&
        group(
          'doc',
          'ParamHist',
          'paramHist',
          [
            leaf('doc', 'DateFrom', 'dateFrom', XSD_DATE),
            leaf('doc', 'DateTo', 'dateTo', XSD_DATE),
            leaf('doc', 'MeteringIntervall', 'meteringIntervall', METERING_INTERVALL),
          ],
          { minOccurs: 0, maxOccurs: 1000 },
        ),
    ],
    { maxOccurs: 1000 },
  );
  return group('doc', 'CMNotification', '', [
    marketParticipantDirectory(version, MESSAGE_CODE),
    group('doc', 'ProcessDirectory', 'processDirectory', [
      leaf('ct', 'MessageId', 'messageId', GROUPING_ID),
      leaf('ct', 'ConversationId', 'conversationId', GROUPING_ID),
      leaf('doc', 'CMRequestId', 'cmRequestId', GROUPING_ID),
      responseData,
      from(version, '01.12') &&
        group(
          'doc',
          'CustomerData',
          'customerData',
          [
            leaf('doc', 'Name1', 'name1', CUSTOMER_NAME),
            optional('doc', 'Name2', 'name2', CUSTOMER_NAME),
          ],
          { minOccurs: 0 },
        ),
      from(version, '01.20') &&
        optional('doc', 'PortalApprovalURL', 'portalApprovalUrl', PORTAL_APPROVAL_URL),
      from(version, '01.20') && optional('doc', 'Supplier', 'supplier', MESSAGE_ADDRESS),
      from(version, '01.20') && additionalData(),
    ]),
  ]);
}

function cmRevoke(version: string): ElementRule {
  return group('doc', 'CMRevoke', '', [
    marketParticipantDirectory(
      version,
      // 01.10: "Entfernung Enumeration in MessageCode".
      version === '01.00' ? REVOKE_MESSAGE_CODE_0100 : MESSAGE_CODE,
    ),
    group('doc', 'ProcessDirectory', 'processDirectory', [
      leaf('ct', 'MessageId', 'messageId', GROUPING_ID),
      leaf('ct', 'ConversationId', 'conversationId', GROUPING_ID),
      leaf('doc', 'ConsentId', 'consentId', GROUPING_ID),
      leaf('doc', 'MeteringPoint', 'meteringPoint', METERING_POINT),
      leaf('doc', 'ConsentEnd', 'consentEnd', XSD_DATE),
      from(version, '01.10') && optional('doc', 'ReasonKey', 'reasonKey', REASON_KEY),
      optional('doc', 'Reason', 'reason', REASON),
    ]),
  ]);
}

const RULES = new Map<string, DocumentRule>();
for (const documentType of Object.keys(EDA_VERSIONS) as EdaDocumentType[]) {
  for (const version of EDA_VERSIONS[documentType]) {
    const root =
      documentType === 'CMRequest'
        ? cmRequest(version)
        : documentType === 'CMNotification'
          ? cmNotification(version)
          : cmRevoke(version);
    const namespace = edaNamespace(documentType, version);
    RULES.set(`${documentType}@${version}`, { documentType, version, namespace, root });
  }
}

/**
 * The element tree of a supported document type and version.
 *
 * @example
 * documentRule('CMRequest', '01.30').namespace; // '…/cmrequest/01p30'
 */
export function documentRule(documentType: EdaDocumentType, version: string): DocumentRule {
  const rule = RULES.get(`${documentType}@${version}`);
  if (!rule) {
    throw new Error(
      `consent-sim: ${documentType} version ${version} is not supported; supported: ${EDA_VERSIONS[documentType].join(', ')}.`,
    );
  }
  return rule;
}

/** Namespace URI of an element rule inside a document rule. */
export function ruleNamespace(document: DocumentRule, element: ElementRule): string {
  return element.ns === 'ct' ? COMMON_TYPES_NAMESPACE : document.namespace;
}
