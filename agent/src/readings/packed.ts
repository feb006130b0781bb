/**
 * Decodes a packed vendor block of fixed-size records: the first byte is the code, the last
 * `valueBytes` bytes the big-endian value (Brother: `CODE 01 04 VALUE(4)`). Returns code (2 hex digits) → value.
 */
export function decodePackedRecords(bytes: Uint8Array, recordLength: number, valueBytes: number): Map<string, number> {
  const values = new Map<string, number>();
  for (let start = 0; start + recordLength <= bytes.length; start += recordLength) {
    const code = (bytes[start] ?? 0).toString(16).padStart(2, '0');
    let value = 0;
    for (let i = start + recordLength - valueBytes; i < start + recordLength; i++) value = value * 256 + (bytes[i] ?? 0);
    if (!values.has(code)) values.set(code, value);
  }
  return values;
}
