/** The broken answers of the `malformedOnRequest` knob (contract §3 lists what the extension must detect). */
import { html, json, type Reply } from '../http';
import type { MalformedKind } from './types';

const BAD_GATEWAY =
  '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n';

/** The reply's `data` as a v1 bare array (an object becomes a one-row array). */
function bareArray(r: Reply): unknown[] {
  try {
    const v = JSON.parse(typeof r.body === 'string' ? r.body : r.body.toString('utf8')) as unknown;
    if (Array.isArray(v)) return v;
    const data = v && typeof v === 'object' ? (v as { data?: unknown }).data : undefined;
    if (Array.isArray(data)) return data;
    return data && typeof data === 'object' ? [data] : [];
  } catch {
    return [];
  }
}

export function breakReply(r: Reply, kind: MalformedKind): Reply {
  switch (kind) {
    case 'html502':
      return html(502, BAD_GATEWAY);
    case 'truncated': {
      const buf = typeof r.body === 'string' ? Buffer.from(r.body, 'utf8') : r.body;
      const headers = { ...r.headers };
      delete headers.Location;
      return { status: 200, headers, body: buf.subarray(0, Math.floor(buf.length / 2)) };
    }
    case 'v1-array':
      return json(200, bareArray(r));
    case 'success-false':
      return json(200, { success: false, data: null, meta: { message: 'Произошла ошибка, попробуйте позже' } });
  }
}
