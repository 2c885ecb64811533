/** The broken responses the `malformedOnRequest` knob serves (contract §3 tolerance). */
import { html, type Reply } from '../http';
import type { MalformedKind } from './types';

const NGINX_502 = `<html>
<head><title>502 Bad Gateway</title></head>
<body>
<center><h1>502 Bad Gateway</h1></center>
<hr><center>nginx</center>
</body>
</html>
`;

function withBody(r: Reply, value: unknown): Reply {
  return { ...r, body: JSON.stringify(value) };
}

/** The reply broken the given way. List-only kinds leave a non-list reply as it was. */
export function breakReply(r: Reply, kind: MalformedKind): Reply {
  if (kind === 'html502') return html(502, NGINX_502);
  const text = typeof r.body === 'string' ? r.body : r.body.toString('utf8');
  if (kind === 'truncated') {
    const buf = Buffer.from(text, 'utf8');
    return { status: 200, headers: { ...r.headers }, body: buf.subarray(0, Math.floor(buf.length / 2)) };
  }
  let value: Record<string, unknown>;
  try {
    value = JSON.parse(text) as Record<string, unknown>;
  } catch {
    return r;
  }
  if (!value || !Array.isArray(value.results)) return r;
  const rows = value.results as unknown[];
  switch (kind) {
    case 'results_object':
      return withBody(r, { ...value, results: Object.fromEntries(rows.map((row, i) => [String(i), row])) });
    case 'total_missing': {
      const { total: _total, ...rest } = value;
      return withBody(r, rest);
    }
    case 'short_page':
      return withBody(r, { ...value, results: rows.slice(0, Math.ceil(rows.length / 2)) });
  }
}
