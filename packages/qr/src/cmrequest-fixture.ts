/**
 * CMRequest-shaped documents for this package's tests and bench/qr.ts (not exported: real
 * documents come from @consent-sim/messages). The shape follows CMRequest_01p30.xsd with the
 * prefixes `cp:` and `ct:`; values are made up but have the real lengths (33-character metering
 * point, 8-character addresses and CMRequestId, 35-character MessageId).
 */

/** Fields that vary between fixture documents. */
export interface CmRequestFixture {
  meteringPoint?: string;
  messageId?: string;
  /** Text of the optional Purpose element; exercises non-ASCII bytes (e.g. umlauts). */
  purpose?: string;
  /** Indent with two spaces and start with an XML declaration, as a pretty printer would. */
  pretty?: boolean;
}

const CP = 'http://www.ebutilities.at/schemata/customerconsent/cmrequest/01p30';
const CT = 'http://www.ebutilities.at/schemata/customerprocesses/common/types/01p20';

/**
 * Builds a CMRequest document (ANFORDERUNG_CMQF, the offline QR variant) as XML text.
 *
 * @example
 * ```ts
 * const xml = buildCmRequestFixture({ meteringPoint: 'AT0010000000000000000000000000001' });
 * ```
 */
export function buildCmRequestFixture({
  meteringPoint = 'AT0010000000000000000000000012345',
  messageId = 'AT001000202611251030000000000000001',
  purpose = 'Energieberatung für Haushalt Müller',
  pretty = false,
}: CmRequestFixture = {}): string {
  const tree: Node = [
    'cp:CMRequest',
    { 'xmlns:cp': CP, 'xmlns:ct': CT },
    [
      [
        'cp:MarketParticipantDirectory',
        { DocumentMode: 'PROD', Duplicate: 'false', SchemaVersion: '01.30' },
        [
          [
            'ct:RoutingHeader',
            {},
            [
              ['ct:Sender', { AddressType: 'ECNumber' }, [['ct:MessageAddress', {}, 'AT001000']]],
              ['ct:Receiver', { AddressType: 'ECNumber' }, [['ct:MessageAddress', {}, 'EP100129']]],
              ['ct:DocumentCreationDateTime', {}, '2026-11-25T10:30:00+01:00'],
            ],
          ],
          ['ct:Sector', {}, '01'],
          ['cp:MessageCode', {}, 'ANFORDERUNG_CMQF'],
        ],
      ],
      [
        'cp:ProcessDirectory',
        {},
        [
          ['ct:MessageId', {}, messageId],
          ['ct:ConversationId', {}, messageId],
          ['cp:ProcessDate', {}, '2026-11-25'],
          ['cp:MeteringPoint', {}, meteringPoint],
          ['cp:CMRequestId', {}, 'QKXL5ZB2'],
          ['cp:ConsentId', {}, `AT00100020261125103000000QKXL5ZB2`],
          [
            'cp:CMRequest',
            {},
            [
              ['cp:ReqDatType', {}, 'EnergyCommunityRegistration'],
              ['cp:DateFrom', {}, '2026-11-26'],
              ['cp:DateTo', {}, '2027-11-25'],
              ['cp:MeteringIntervall', {}, 'QH'],
              ['cp:TransmissionCycle', {}, 'D'],
              ['cp:EnergyDirection', {}, 'CONSUMPTION'],
              ['cp:Purpose', {}, purpose],
            ],
          ],
        ],
      ],
    ],
  ];
  const body = serialise(tree, pretty ? 0 : null);
  return pretty ? `<?xml version="1.0" encoding="UTF-8"?>\n${body}\n` : body;
}

type Node = [name: string, attributes: Record<string, string>, content: string | Node[]];

function serialise([name, attributes, content]: Node, depth: number | null): string {
  const indent = depth === null ? '' : '  '.repeat(depth);
  const attributeText = Object.entries(attributes)
    .map(([key, value]) => ` ${key}="${escapeXml(value)}"`)
    .join('');
  if (typeof content === 'string')
    return `${indent}<${name}${attributeText}>${escapeXml(content)}</${name}>`;
  const children = content.map((child) => serialise(child, depth === null ? null : depth + 1));
  const separator = depth === null ? '' : '\n';
  return `${indent}<${name}${attributeText}>${separator}${children.join(separator)}${separator}${indent}</${name}>`;
}

function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/**
 * Text of exactly `bytes` UTF-8 bytes mixing ASCII, umlauts (2 bytes) and "€" (3 bytes), so a
 * boundary test also proves that byte mode stores UTF-8 untouched.
 */
export function textOfBytes(bytes: number): string {
  const pattern = ['<CMRequest/>', 'ä', 'Ö', 'ß', '€', ' '];
  let text = '';
  let length = 0;
  for (let index = 0; ; index++) {
    const piece = pattern[index % pattern.length] ?? ' ';
    const size = new TextEncoder().encode(piece).length;
    if (length + size > bytes) break;
    text += piece;
    length += size;
  }
  return text + 'x'.repeat(bytes - length);
}
