// Reads an uploaded CSV's bytes as text: UTF-8 when they are, otherwise Windows-1252, which spreadsheet programs on Windows still save by default.

export type CsvEncoding = 'utf-8' | 'windows-1252';

/**
 * A CSV saved as Windows-1252 and read as UTF-8 turns "Zoë" into "Zo�" silently, and the wrong
 * name is then stored. Bytes that are valid UTF-8 (with or without a byte-order mark) are read as
 * UTF-8; anything else as Windows-1252, and the caller says so to the admin.
 */
export function decodeCsvBytes(bytes: Uint8Array): { text: string; encoding: CsvEncoding } {
  try {
    // TextDecoder drops a leading byte-order mark itself.
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252' };
  }
}
