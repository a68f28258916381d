// Which address the server listens on: the network, unless the demo organisation's published password would let strangers in.
import type { DemoExposure } from '@/lib/admin/demo';

export interface ListenChoice {
  host: string;
  /** True when only this computer can connect. */
  localOnly: boolean;
  /** What the start-up message says about it, if anything. */
  note?: string;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

export function isLoopback(host: string): boolean {
  return LOOPBACK.has(host.toLowerCase()) || host.startsWith('127.');
}

/**
 * An explicit HOST is obeyed (a container must listen on its interface), with a warning while the
 * demo password works. Without one, the server listens everywhere only once no demo admin or
 * manager signs in with the published password; until then, on this computer alone.
 */
export function chooseHost(hostSetting: string | undefined, demo: DemoExposure): ListenChoice {
  if (hostSetting) {
    const localOnly = isLoopback(hostSetting);
    return {
      host: hostSetting,
      localOnly,
      note:
        demo.publishedPassword && !localOnly
          ? `WARNING: HOST=${hostSetting} and the demo accounts still use the published password, so anyone who can reach this server can sign in as the demo admin. Remove the demo organisation (Admin page) before anyone else can connect.`
          : undefined,
    };
  }
  if (demo.publishedPassword) {
    return {
      host: '127.0.0.1',
      localOnly: true,
      note: 'Listening on this computer only, because the demo accounts use the published password. Remove the demo organisation (Admin page), or set HOST, to serve other computers.',
    };
  }
  return { host: '0.0.0.0', localOnly: false };
}
