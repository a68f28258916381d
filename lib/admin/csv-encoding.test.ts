import { describe, expect, it } from 'vitest';
import { decodeCsvBytes } from './csv-encoding';

const csv = 'email,name\nzoe@example.com,Zoë Brontë\nrene@example.com,René Ødegård\n';

describe('decodeCsvBytes', () => {
  it('reads UTF-8, with or without a byte-order mark', () => {
    const utf8 = new TextEncoder().encode(csv);
    expect(decodeCsvBytes(utf8)).toEqual({ text: csv, encoding: 'utf-8' });
    expect(decodeCsvBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]))).toEqual({ text: csv, encoding: 'utf-8' });
  });

  it('reads a Windows-1252 file as the names it holds, instead of replacement characters', () => {
    // "Zoë" in Windows-1252 is 5A 6F EB; read as UTF-8 it would be "Zo\ufffd".
    const cp1252 = Uint8Array.from([...csv].map((ch) => ({ ë: 0xeb, é: 0xe9, Ø: 0xd8, å: 0xe5 })[ch] ?? ch.charCodeAt(0)));
    expect(new TextDecoder('utf-8').decode(cp1252)).toContain('\ufffd');
    expect(decodeCsvBytes(cp1252)).toEqual({ text: csv, encoding: 'windows-1252' });
  });
});
