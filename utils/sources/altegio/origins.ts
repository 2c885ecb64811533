/**
 * Where Altegio's public API lives for a web origin (extension-interface.md): the only place the
 * account's credentials may go. A loopback web origin (the simulator) has its API on the next
 * port, outside production builds only.
 */
const HOSTED: Record<string, string> = {
  'https://app.alteg.io': 'https://api.alteg.io',
  'https://yclients.com': 'https://api.yclients.com',
  'https://www.yclients.com': 'https://api.yclients.com',
};

const LOOPBACK = /^http:\/\/(127\.\d+\.\d+\.\d+|localhost):(\d+)$/;

export function apiOriginOf(webOrigin: string): string | null {
  const hosted = HOSTED[webOrigin];
  if (hosted) return hosted;
  const m = LOOPBACK.exec(webOrigin);
  if (!m || import.meta.env.MODE === 'production') return null;
  const port = Number(m[2]) + 1;
  return port <= 65535 ? `http://${m[1]}:${port}` : null;
}
