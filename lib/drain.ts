// Stopping an HTTP server gently: refuse new connections, let requests in flight finish, then cut what is left.
import type http from 'node:http';

/**
 * Resolves 'drained' once every request in flight has been answered, or 'cut' after `graceMs`
 * when some had not (their connections are then closed). A learner's decision arriving as the
 * operator stops the app is answered, not dropped.
 */
export function drain(server: http.Server, graceMs: number): Promise<'drained' | 'cut'> {
  return new Promise((resolve) => {
    let settled = false;
    const timer = setTimeout(() => {
      if (settled) return;
      settled = true;
      server.closeAllConnections();
      resolve('cut');
    }, graceMs);
    timer.unref();
    server.close(() => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve('drained');
    });
    // Keep-alive connections with nothing in flight would otherwise hold close() open.
    server.closeIdleConnections();
  });
}
