/**
 * What came back from an AlfaCRM web-UI request: JSON, HTML, the login page (session expired) or
 * something broken; plus `describeShape`, the personal-data-free shape of a response for the
 * "layout not recognised" diagnostics download. Pure: no DOM needed for any of it.
 */
import { CrmError } from '../../errors';
import { sessionExpired } from './errors';

// ---------------------------------------------------------------------------------------------
// Login page detection

/**
 * Markers of the login form in raw HTML. They sit inside tags (`id="login-form"`,
 * `name="LoginForm[…]"`, `name="Login2FAForm[…]"`), so a lead *named* "LoginForm[" cannot trigger
 * them: in HTML text its quotes come escaped (`&quot;`), in a JSON string as `\"`.
 */
const LOGIN_MARKERS = [/<form\b[^>]*\bid\s*=\s*["']?login-form["'\s>]/i, /<input\b[^>]*\bname\s*=\s*["']?(?:LoginForm|Login2FAForm)\[/i];

const LOGIN_SELECTOR = 'form#login-form, input[name^="LoginForm["], input[name^="Login2FAForm["]';

/** Whether this HTML (string or parsed Document) is AlfaCRM's login page (any step, any language). */
export function isLoginPage(html: string | Document): boolean {
  if (typeof html !== 'string') return html.querySelector(LOGIN_SELECTOR) !== null;
  return LOGIN_MARKERS.some((re) => re.test(html));
}

/**
 * Yii2's answer to an XHR from a logged-out session (`User::loginRequired` with `checkAjax`):
 * 403 "Login Required", translated by the UI language.
 */
const LOGIN_REQUIRED = /login required|требуется вход|необхідно увійти|потрібно увійти/i;

function isLoginRequiredJson(value: unknown): boolean {
  if (!isPlainObject(value)) return false;
  const status = value.status;
  const message = value.message;
  return (status === 401 || status === 403) && typeof message === 'string' && LOGIN_REQUIRED.test(message);
}

// ---------------------------------------------------------------------------------------------
// Classification

export type ResponseClass =
  | { kind: 'json'; value: unknown }
  /** The login page, or Yii's "Login Required" error: the session has expired. */
  | { kind: 'login' }
  | { kind: 'html' }
  /** Looks like JSON (or was declared JSON) but does not parse: truncated or corrupt. */
  | { kind: 'malformed-json' }
  | { kind: 'empty' }
  | { kind: 'text' };

export type ResponseKind = ResponseClass['kind'];

/** Sorts a response body into one of the kinds above. `contentType` is the header, if known. */
export function classifyResponse(text: string, contentType?: string): ResponseClass {
  const body = text.replace(/^\uFEFF/, '').trim();
  if (body === '') return { kind: 'empty' };
  const ct = (contentType ?? '').toLowerCase();
  const declaredJson = /\bjson\b/.test(ct);
  const declaredHtml = /\bhtml\b/.test(ct);

  if (!body.startsWith('<')) {
    try {
      const value: unknown = JSON.parse(body);
      if (isLoginRequiredJson(value)) return { kind: 'login' };
      return { kind: 'json', value };
    } catch {
      if (isLoginPage(body)) return { kind: 'login' };
      if (declaredJson || body.startsWith('{') || body.startsWith('[')) {
        return { kind: 'malformed-json' };
      }
      return { kind: 'text' };
    }
  }
  if (isLoginPage(body)) return { kind: 'login' };
  if (declaredHtml || /^<(?:!doctype|html|head|body|[a-z][\w-]*[\s>/])/i.test(body)) {
    // A short error page (not a data page) that says "Login Required".
    if (body.length < 20_000 && LOGIN_REQUIRED.test(stripTags(body)) && !/lead-element|data-key=/.test(body)) {
      return { kind: 'login' };
    }
    return { kind: 'html' };
  }
  return { kind: 'text' };
}

function stripTags(html: string): string {
  return html.replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, ' ').replace(/<[^>]*>/g, ' ');
}

/**
 * The `content` of a board XHR answer `{"content": "…"}` (column or pager).
 * Throws CrmError `session-expired` for the login page, `malformed-response` for truncated or
 * invalid JSON and for HTML where JSON was expected, `layout-not-recognised` for JSON without a
 * string `content`. Every error carries `describeShape` of the body as diagnostics.
 */
export function readBoardJson(text: string, contentType?: string): string {
  const c = classifyResponse(text, contentType);
  switch (c.kind) {
    case 'login':
      throw sessionExpired();
    case 'json': {
      const v = c.value;
      if (isPlainObject(v) && typeof v.content === 'string') {
        if (isLoginPage(v.content)) {
          throw sessionExpired();
        }
        return v.content;
      }
      const what = isPlainObject(v)
        ? `JSON without "content"; keys: ${Object.keys(v).slice(0, 12).join(', ') || 'none'}`
        : `JSON ${Array.isArray(v) ? 'array' : typeof v === 'object' ? 'null' : typeof v} instead of an object`;
      throw new CrmError('layout-not-recognised', what, describeShape(text));
    }
    case 'html':
      throw new CrmError('malformed-response', 'HTML where JSON was expected', describeShape(text));
    case 'malformed-json':
      throw new CrmError('malformed-response', 'truncated or invalid JSON', describeShape(text));
    case 'empty':
      throw new CrmError('malformed-response', 'empty response');
    case 'text':
      throw new CrmError('malformed-response', 'text where JSON was expected', describeShape(text));
  }
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

// ---------------------------------------------------------------------------------------------
// Shape for diagnostics (no personal data)

export type Shape =
  | { type: 'null' }
  | { type: 'boolean' }
  | { type: 'number' }
  | { type: 'string'; length: number }
  | { type: 'array'; length: number; first?: Shape }
  | { type: 'object'; keys: Record<string, Shape> }
  /** HTML: one line per element, `tag.class.class [data-a data-b]`, indented by depth; no text. */
  | { type: 'html'; length: number; skeleton: string[] }
  /** Text that should have been JSON but does not parse; only key names are kept. */
  | { type: 'malformed-json'; length: number; keysSeen: string[] }
  | { type: 'text'; length: number }
  | { type: 'unknown' };

const MAX_DEPTH = 12;
const MAX_LINES = 1500;

/**
 * The shape of a response with personal data stripped. JSON (parsed, or a string holding JSON):
 * keys and value types, arrays as length + the first element's shape, strings as length only
 * (HTML inside a string becomes a skeleton). HTML (a string, a Document or an Element): the
 * tag/class skeleton without text nodes, comments, script/style bodies, and without attribute
 * values other than `class` (data-* attributes appear by name only).
 */
export function describeShape(value: unknown): Shape {
  if (typeof value === 'string') {
    const body = value.replace(/^\uFEFF/, '').trim();
    if (body.startsWith('<')) return htmlShape(body);
    try {
      return jsonShape(JSON.parse(body) as unknown, 0);
    } catch {
      if (body.startsWith('{') || body.startsWith('[')) {
        const keys = new Set<string>();
        const re = /"((?:[^"\\]|\\.){1,60})"\s*:/g;
        let m: RegExpExecArray | null;
        while ((m = re.exec(body)) && keys.size < 50) keys.add(m[1] ?? '');
        return { type: 'malformed-json', length: value.length, keysSeen: Array.from(keys) };
      }
      if (looksLikeHtml(body)) return htmlShape(body);
      return { type: 'text', length: value.length };
    }
  }
  if (isDomNode(value)) {
    const root = domToSkel(value);
    return { type: 'html', length: htmlLength(value), skeleton: render(root) };
  }
  return jsonShape(value, 0);
}

function htmlLength(node: Node): number {
  const el = node.nodeType === 9 ? (node as Document).documentElement : (node as Element);
  return el?.outerHTML?.length ?? node.textContent?.length ?? 0;
}

function looksLikeHtml(s: string): boolean {
  return /<(?:[a-z][\w-]*)(?:\s[^<>]*)?>/i.test(s) && /<\/[a-z][\w-]*\s*>/i.test(s);
}

function jsonShape(v: unknown, depth: number): Shape {
  if (v === null || v === undefined) return { type: 'null' };
  if (typeof v === 'boolean') return { type: 'boolean' };
  if (typeof v === 'number' || typeof v === 'bigint') return { type: 'number' };
  if (typeof v === 'string') {
    if (looksLikeHtml(v) || /^\s*<[a-z!]/i.test(v)) return htmlShape(v);
    return { type: 'string', length: v.length };
  }
  if (depth >= MAX_DEPTH) return { type: 'unknown' };
  if (Array.isArray(v)) {
    return v.length ? { type: 'array', length: v.length, first: jsonShape(v[0], depth + 1) } : { type: 'array', length: 0 };
  }
  if (typeof v === 'object') {
    const keys: Record<string, Shape> = {};
    for (const k of Object.keys(v as object)) {
      keys[k] = jsonShape((v as Record<string, unknown>)[k], depth + 1);
    }
    return { type: 'object', keys };
  }
  return { type: 'unknown' };
}

interface Skel {
  tag: string;
  classes: string[];
  data: string[];
  children: Skel[];
}

const VOID_TAGS = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
const RAW_TEXT_TAGS = new Set(['script', 'style', 'textarea', 'title', 'template', 'noscript']);
/** Open elements an opening tag closes implicitly (enough for Yii/Bootstrap markup). */
const AUTO_CLOSE: Record<string, string[]> = {
  li: ['li'],
  p: ['p'],
  tr: ['tr', 'td', 'th'],
  td: ['td', 'th'],
  th: ['td', 'th'],
  option: ['option'],
  thead: ['tbody', 'tr', 'td', 'th'],
  tbody: ['thead', 'tr', 'td', 'th'],
};

function htmlShape(html: string): Shape {
  return { type: 'html', length: html.length, skeleton: render(tokenizeSkel(html)) };
}

/** A forgiving tag tokenizer: enough to draw a skeleton, no DOM needed. */
function tokenizeSkel(html: string): Skel {
  const root: Skel = { tag: '#root', classes: [], data: [], children: [] };
  const stack: Skel[] = [root];
  const tagRe = /<!--[\s\S]*?(?:-->|$)|<![^>]*>|<\?[^>]*>|<\/\s*([a-zA-Z][\w:-]*)[^>]*>|<([a-zA-Z][\w:-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g;
  let m: RegExpExecArray | null;
  while ((m = tagRe.exec(html))) {
    if (m[1]) {
      const name = m[1].toLowerCase();
      for (let i = stack.length - 1; i > 0; i--) {
        if (stack[i]?.tag === name) {
          stack.length = i;
          break;
        }
      }
      continue;
    }
    if (!m[2]) continue; // comment, doctype, processing instruction
    const name = m[2].toLowerCase();
    const attrs = m[3] ?? '';
    const closes = AUTO_CLOSE[name];
    if (closes) {
      while (stack.length > 1 && closes.includes(top(stack).tag)) stack.pop();
    }
    const node: Skel = { tag: name, ...attrSkel(attrs), children: [] };
    top(stack).children.push(node);
    const selfClosing = /\/\s*$/.test(attrs);
    if (RAW_TEXT_TAGS.has(name)) {
      const end = new RegExp(`</${name}\\s*>`, 'ig');
      end.lastIndex = tagRe.lastIndex;
      const e = end.exec(html);
      tagRe.lastIndex = e ? end.lastIndex : html.length;
      continue;
    }
    if (!VOID_TAGS.has(name) && !selfClosing) stack.push(node);
  }
  return root;
}

/** The innermost open element; the stack always holds at least the root. */
function top(stack: Skel[]): Skel {
  return stack[stack.length - 1] ?? stack[0]!;
}

function attrSkel(attrs: string): { classes: string[]; data: string[] } {
  const classes: string[] = [];
  const data: string[] = [];
  const re = /([^\s=/"'<>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(attrs))) {
    const name = (m[1] ?? '').toLowerCase();
    if (name === 'class') {
      const v = m[2] ?? m[3] ?? m[4] ?? '';
      classes.push(...v.split(/\s+/).filter(Boolean));
    } else if (name.startsWith('data-')) {
      data.push(name);
    }
  }
  return { classes, data };
}

function isDomNode(v: unknown): v is Node {
  return typeof v === 'object' && v !== null && typeof (v as { nodeType?: unknown }).nodeType === 'number' && 'childNodes' in (v as object);
}

function domToSkel(node: Node): Skel {
  const root: Skel = { tag: '#root', classes: [], data: [], children: [] };
  const visit = (n: Node, parent: Skel): void => {
    if (n.nodeType === 9 /* document */ || n.nodeType === 11 /* fragment */) {
      for (let c = n.firstChild; c; c = c.nextSibling) visit(c, parent);
      return;
    }
    if (n.nodeType !== 1) return;
    const el = n as Element;
    const tag = el.tagName.toLowerCase();
    const classes = (el.getAttribute('class') ?? '').split(/\s+/).filter(Boolean);
    const data = Array.from(el.attributes)
      .map((a) => a.name.toLowerCase())
      .filter((a) => a.startsWith('data-'));
    const s: Skel = { tag, classes, data, children: [] };
    parent.children.push(s);
    if (RAW_TEXT_TAGS.has(tag)) return;
    for (let c = el.firstChild; c; c = c.nextSibling) visit(c, s);
  };
  visit(node, root);
  return root;
}

/** Lines of the skeleton; identical consecutive siblings are folded into one with `×N`. */
function render(root: Skel): string[] {
  const out: string[] = [];
  const linesOf = (n: Skel, depth: number): string[] => {
    const head = '  '.repeat(depth) + n.tag + n.classes.map((c) => `.${c}`).join('') + (n.data.length ? ` [${n.data.join(' ')}]` : '');
    return [head, ...childLines(n.children, depth + 1)];
  };
  const childLines = (children: Skel[], depth: number): string[] => {
    const lines: string[] = [];
    let prev: string[] | null = null;
    let prevKey = '';
    let count = 0;
    const flush = (): void => {
      if (!prev) return;
      if (count > 1) prev = [`${prev[0]} ×${count}`, ...prev.slice(1)];
      lines.push(...prev);
    };
    for (const c of children) {
      const l = depth > 60 ? ['  '.repeat(depth) + '…'] : linesOf(c, depth);
      const key = l.join('\n');
      if (prev && key === prevKey) {
        count++;
        continue;
      }
      flush();
      prev = l;
      prevKey = key;
      count = 1;
    }
    flush();
    return lines;
  };
  out.push(...childLines(root.children, 0));
  if (out.length > MAX_LINES) {
    const more = out.length - MAX_LINES;
    out.length = MAX_LINES;
    out.push(`… ${more} more lines`);
  }
  return out;
}
