// Table-driven CRCs in pure TypeScript, so the package runs anywhere (no node:zlib).
// Parameters as catalogued by reveng.sourceforge.io ("CRC-32/ISO-HDLC", "CRC-8/DVB-S2").

/** CRC-32/ISO-HDLC (the IEEE 802.3 / zlib CRC): reflected polynomial 0xEDB88320. */
const CRC32_TABLE: Uint32Array = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n += 1) {
    let c = n;
    for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-8/DVB-S2: polynomial 0xD5, not reflected, initial value 0, no final XOR. */
const CRC8_DVB_S2_TABLE: Uint8Array = (() => {
  const table = new Uint8Array(256);
  for (let n = 0; n < 256; n += 1) {
    let c = n;
    for (let k = 0; k < 8; k += 1) c = c & 0x80 ? ((c << 1) ^ 0xd5) & 0xff : (c << 1) & 0xff;
    table[n] = c;
  }
  return table;
})();

/**
 * CRC-32 (IEEE, as zlib and java.util.zip.CRC32 compute it) of some bytes, as an unsigned number.
 *
 * @example crc32(new TextEncoder().encode('123456789')) // → 0xcbf43926
 */
export function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = (CRC32_TABLE[(crc ^ byte) & 0xff] ?? 0) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/**
 * CRC-8/DVB-S2 (polynomial 0xD5, initial 0) of some bytes.
 *
 * @example crc8DvbS2(new TextEncoder().encode('123456789')) // → 0xbc
 */
export function crc8DvbS2(bytes: Uint8Array): number {
  let crc = 0;
  for (const byte of bytes) crc = CRC8_DVB_S2_TABLE[crc ^ byte] ?? 0;
  return crc;
}
