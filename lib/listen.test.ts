import { describe, expect, it } from 'vitest';
import { chooseHost, isLoopback } from './listen';

const open = { accounts: 56, publishedPassword: true };
const closed = { accounts: 56, publishedPassword: false };

describe('chooseHost', () => {
  it('keeps a server with the published demo password on this computer unless HOST says otherwise', () => {
    expect(chooseHost(undefined, open)).toMatchObject({ host: '127.0.0.1', localOnly: true, note: expect.stringContaining('this computer only') });
    expect(chooseHost(undefined, closed)).toEqual({ host: '0.0.0.0', localOnly: false });
    expect(chooseHost(undefined, { accounts: 0, publishedPassword: false })).toEqual({ host: '0.0.0.0', localOnly: false });
  });

  it('obeys an explicit HOST, warning while the demo password still works', () => {
    expect(chooseHost('0.0.0.0', open)).toMatchObject({ host: '0.0.0.0', localOnly: false, note: expect.stringMatching(/^WARNING: .*sign in as the demo admin/) });
    expect(chooseHost('0.0.0.0', closed)).toEqual({ host: '0.0.0.0', localOnly: false, note: undefined });
    expect(chooseHost('127.0.0.1', open)).toEqual({ host: '127.0.0.1', localOnly: true, note: undefined });
  });

  it('knows the loopback addresses', () => {
    for (const h of ['127.0.0.1', 'localhost', '::1', '127.0.1.1']) expect([h, isLoopback(h)]).toEqual([h, true]);
    for (const h of ['0.0.0.0', '::', '10.0.0.5']) expect([h, isLoopback(h)]).toEqual([h, false]);
  });
});
