/**
 * The simple types of the official CM schemas as data: base type plus facets, named as in the
 * XSDs so that an issue can say which definition it comes from. Whitespace handling follows
 * XSD: `token`, the non-string bases and types with `whiteSpace collapse` are collapsed before
 * facets apply; `string` is checked as written.
 */
export interface SimpleTypeRule {
  readonly kind: 'simple';
  /** The XSD name, e.g. `ct:GroupingId`, or `xsd:date` for built-ins. */
  readonly name: string;
  readonly base: 'string' | 'token' | 'date' | 'dateTime' | 'decimal' | 'integer' | 'boolean';
  readonly collapse?: boolean;
  readonly minLength?: number;
  readonly maxLength?: number;
  /** XSD regular expression (implicitly anchored). */
  readonly pattern?: string;
  readonly enumeration?: readonly string[];
  readonly totalDigits?: number;
  readonly fractionDigits?: number;
  readonly minInclusive?: number;
  readonly maxInclusive?: number;
}

const simple = (rule: Omit<SimpleTypeRule, 'kind'>): SimpleTypeRule => ({
  kind: 'simple',
  ...rule,
});

export const XSD_DATE = simple({ name: 'xsd:date', base: 'date' });
export const XSD_DATE_TIME = simple({ name: 'xsd:dateTime', base: 'dateTime' });
export const XSD_BOOLEAN = simple({ name: 'xsd:boolean', base: 'boolean' });

// CPCommonTypes_01p20.xsd
export const GROUPING_ID = simple({
  name: 'ct:GroupingId',
  base: 'string',
  minLength: 1,
  maxLength: 35,
  pattern: '[0-9A-Za-z]*',
});
export const METERING_POINT = simple({
  name: 'ct:MeteringPoint',
  base: 'string',
  minLength: 1,
  maxLength: 33,
  pattern: '[0-9A-Za-z]*',
});
export const MESSAGE_ADDRESS = simple({
  name: 'ct:MessageAddress',
  base: 'string',
  minLength: 1,
  maxLength: 35,
});
export const MESSAGE_CODE = simple({
  name: 'ct:MessageCode',
  base: 'string',
  minLength: 1,
  maxLength: 20,
});
export const ADDRESS_TYPE = simple({
  name: 'ct:AddressType',
  base: 'string',
  enumeration: ['ECNumber', 'Other'],
});
export const DOCUMENT_MODE = simple({
  name: 'ct:DocumentMode',
  base: 'token',
  enumeration: ['PROD', 'SIMU'],
});
export const SECTOR = simple({
  name: 'ct:Sector',
  base: 'token',
  enumeration: ['01', '02', '03', '04', '05', '06', '07', '08', '09', '99'],
});
export const ADDITIONAL_DATA_NAME = simple({
  name: 'ct:AdditionalDataName',
  base: 'string',
  collapse: true,
  minLength: 1,
  maxLength: 40,
});
export const ADDITIONAL_DATA_VALUE = simple({
  name: 'ct:AdditionalDataValue',
  base: 'string',
  collapse: true,
  minLength: 1,
  maxLength: 120,
});

/** The anonymous `SchemaVersion` attribute type: a token fixed to the schema's own version. */
export const schemaVersionType = (version: string): SimpleTypeRule =>
  simple({ name: 'SchemaVersion', base: 'token', enumeration: [version] });

// CMRequest_01pXX.xsd
export const REQ_DAT_TYPE = simple({
  name: 'cp:ReqDatType',
  base: 'string',
  minLength: 1,
  maxLength: 30,
});
export const METERING_INTERVALL = simple({
  name: 'cp:MeteringIntervallType',
  base: 'token',
  enumeration: ['QH', 'H', 'D', 'V'],
});
export const TRANSMISSION_CYCLE = simple({
  name: 'cp:TransmissionCycle',
  base: 'token',
  enumeration: ['D', 'M', 'V'],
});
export const ENERGY_DIRECTION = simple({
  name: 'cp:EnergyDirection',
  base: 'token',
  enumeration: ['CONSUMPTION', 'GENERATION'],
});
export const EC_SHARE = simple({
  name: 'cp:ECShare',
  base: 'decimal',
  fractionDigits: 4,
  minInclusive: 0,
  maxInclusive: 100,
});
export const EC_PART_FACT = simple({
  name: 'cp:ECPartFact',
  base: 'decimal',
  fractionDigits: 0,
  minInclusive: 0,
  maxInclusive: 100,
});
export const PURPOSE = simple({
  name: 'Purpose',
  base: 'string',
  collapse: true,
  minLength: 1,
  maxLength: 100,
});

// CMNotification_01pXX.xsd
export const RESPONSE_CODE = simple({
  name: 'cp:ResponseCode',
  base: 'integer',
  minInclusive: 1,
  maxInclusive: 999,
});
export const CUSTOMER_NAME = simple({
  name: 'cp:Name',
  base: 'string',
  collapse: true,
  minLength: 1,
  maxLength: 120,
});
export const PORTAL_APPROVAL_URL = simple({
  name: 'PortalApprovalURL',
  base: 'string',
  collapse: true,
  minLength: 1,
  maxLength: 120,
});

// CMRevoke_01pXX.xsd
export const REVOKE_MESSAGE_CODE_0100 = simple({
  name: 'MessageCode',
  base: 'string',
  minLength: 1,
  maxLength: 20,
  enumeration: ['AUFHEBUNG_CCMC', 'AUFHEBUNG_CCMI', 'AUFHEBUNG_CCMS'],
});
export const REASON = simple({ name: 'Reason', base: 'string', maxLength: 50 });
export const REASON_KEY = simple({
  name: 'ReasonKey',
  base: 'string',
  enumeration: ['1', '2', '0'],
});
