/** CORS headers of the Web API (contract §2: the cabinet's pages call it from their own origin). */

/** For the cabinet origin only (the extension's background needs none: it has host permissions). */
export function corsHeaders(origin: string | undefined, cabinetOrigins: readonly string[]): Record<string, string> {
  if (!origin || !cabinetOrigins.includes(origin)) return {};
  return {
    'Access-Control-Allow-Origin': origin,
    'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
    'Access-Control-Allow-Headers': 'Authorization, Content-Type',
    'Access-Control-Expose-Headers': 'Retry-After',
    'Access-Control-Max-Age': '600',
    Vary: 'Origin',
  };
}
