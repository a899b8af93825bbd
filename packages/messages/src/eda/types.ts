/**
 * Typed EDA customer-consent documents: plain data mirroring the official schemas
 * (CMRequest 01.10–01.30, CMNotification 01.11–01.20, CMRevoke 01.00–01.10).
 * Property names are the XSD element names in camelCase; optional elements are optional
 * properties, repeated elements are arrays. Values are kept as written (dates, decimals and
 * identifiers are strings) so that a validator can report exactly what a sender wrote; only
 * `Duplicate` (boolean) and `ResponseCode` (integer) are converted.
 * A parsed document that has issues may lack required properties: validate before trusting it.
 */

export type CMRequestVersion = '01.10' | '01.20' | '01.21' | '01.30';
export type CMNotificationVersion = '01.11' | '01.12' | '01.20';
export type CMRevokeVersion = '01.00' | '01.10';
export type EdaVersion = CMRequestVersion | CMNotificationVersion | CMRevokeVersion;

export type EdaDocumentType = EdaDocument['documentType'];
export type EdaVersionOf<T extends EdaDocumentType> = Extract<
  EdaDocument,
  { documentType: T }
>['version'];

/** ct:DocumentMode. */
export type DocumentMode = 'PROD' | 'SIMU';
/** ct:AddressType. */
export type AddressType = 'ECNumber' | 'Other';
/** cp:MeteringIntervallType: quarter-hour, hour, day, variable. */
export type MeteringIntervall = 'QH' | 'H' | 'D' | 'V';
/** cp:TransmissionCycle: daily, monthly, variable. */
export type TransmissionCycle = 'D' | 'M' | 'V';
/** cp:EnergyDirection. */
export type EnergyDirection = 'CONSUMPTION' | 'GENERATION';
/** CMRevoke 01.10 ReasonKey; `Reason` explains key 0. */
export type RevokeReasonKey = '0' | '1' | '2';

/** ct:RoutingAddress: `<Sender AddressType="ECNumber"><MessageAddress>…`. */
export interface RoutingAddress {
  readonly addressType: AddressType;
  readonly messageAddress: string;
}

/** ct:RoutingHeader. */
export interface RoutingHeader {
  readonly sender: RoutingAddress;
  readonly receiver: RoutingAddress;
  /** xsd:dateTime as written, e.g. `2024-04-02T14:40:47.4699220Z`. */
  readonly documentCreationDateTime: string;
}

/** MarketParticipantDirectory, flattened into the document. */
export interface EdaEnvelope {
  readonly documentMode: DocumentMode;
  readonly duplicate: boolean;
  /** The `SchemaVersion` attribute as written; the namespace is authoritative for `version`. */
  readonly schemaVersion: string;
  readonly routingHeader: RoutingHeader;
  /** ct:Sector, `01` = electricity. */
  readonly sector: string;
  readonly messageCode: string;
}

/** ct:AdditionalData: `<AdditionalData Name="…">value</AdditionalData>`. */
export interface AdditionalData {
  readonly name: string;
  readonly value: string;
}

/** cp:ReqType, the `CMRequest` element inside the ProcessDirectory. */
export interface CMRequestDetails {
  readonly reqDatType: string;
  /** xsd:date. */
  readonly dateFrom: string;
  readonly dateTo?: string;
  readonly meteringIntervall?: MeteringIntervall;
  readonly transmissionCycle?: TransmissionCycle;
  /** Energy community id (ct:MeteringPoint). */
  readonly ecid?: string;
  /** 01.20+: participation factor, decimal 0..100 without fraction digits. */
  readonly ecPartFact?: string;
  /** Static-model share in percent, decimal 0..100 with at most 4 fraction digits. */
  readonly ecShare?: string;
  readonly energyDirection?: EnergyDirection;
  /** 01.30+: purpose of the data release, 1..100 characters. */
  readonly purpose?: string;
}

export interface CMRequestProcessDirectory {
  readonly messageId: string;
  readonly conversationId: string;
  /** xsd:date. */
  readonly processDate: string;
  readonly meteringPoint?: string;
  readonly cmRequestId: string;
  readonly consentId?: string;
  /** Required in 01.10 and 01.20, optional from 01.21. */
  readonly cmRequest?: CMRequestDetails;
  /** 01.21+: 0..1000 entries. */
  readonly additionalData?: readonly AdditionalData[];
}

export interface CMRequestDocument extends EdaEnvelope {
  readonly documentType: 'CMRequest';
  readonly version: CMRequestVersion;
  readonly processDirectory: CMRequestProcessDirectory;
}

/** CMNotification 01.11 only: cp:ParamHistType inside ResponseData. */
export interface ParamHist {
  readonly dateFrom: string;
  readonly dateTo: string;
  readonly meteringIntervall: MeteringIntervall;
}

/** cp:ResponseDataType. */
export interface ResponseData {
  readonly consentId?: string;
  readonly meteringPoint?: string;
  /** 1..1000 response codes, each 1..999. */
  readonly responseCodes: readonly number[];
  /** 01.11 only: 0..1000 entries. */
  readonly paramHist?: readonly ParamHist[];
}

/** 01.12+: cp:CustomerDataType. */
export interface CustomerData {
  readonly name1: string;
  readonly name2?: string;
}

export interface CMNotificationProcessDirectory {
  readonly messageId: string;
  readonly conversationId: string;
  readonly cmRequestId: string;
  /** 1..1000 entries. */
  readonly responseData: readonly ResponseData[];
  /** 01.12+. */
  readonly customerData?: CustomerData;
  /** 01.20+: 1..120 characters. */
  readonly portalApprovalUrl?: string;
  /** 01.20+: current supplier's market-participant address. */
  readonly supplier?: string;
  /** 01.20+: 0..1000 entries. */
  readonly additionalData?: readonly AdditionalData[];
}

export interface CMNotificationDocument extends EdaEnvelope {
  readonly documentType: 'CMNotification';
  readonly version: CMNotificationVersion;
  readonly processDirectory: CMNotificationProcessDirectory;
}

export interface CMRevokeProcessDirectory {
  readonly messageId: string;
  readonly conversationId: string;
  readonly consentId: string;
  readonly meteringPoint: string;
  /** xsd:date. */
  readonly consentEnd: string;
  /** 01.10+. */
  readonly reasonKey?: RevokeReasonKey;
  /** At most 50 characters. */
  readonly reason?: string;
}

export interface CMRevokeDocument extends EdaEnvelope {
  readonly documentType: 'CMRevoke';
  readonly version: CMRevokeVersion;
  readonly processDirectory: CMRevokeProcessDirectory;
}

/** Any EDA customer-consent document this package handles. */
export type EdaDocument = CMRequestDocument | CMNotificationDocument | CMRevokeDocument;

/** One finding of parsing or validation. */
export interface ValidationIssue {
  /** Element path with 1-based indexes on repeatable elements, `@Name` for attributes. */
  readonly path: string;
  /** The schema rule, e.g. `required`, `maxLength 35`, `pattern [0-9A-Za-z]*`, `order`. */
  readonly rule: string;
  /** The offending value as written, when there is one. */
  readonly value?: string;
  readonly message: string;
}
