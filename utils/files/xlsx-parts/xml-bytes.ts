/**
 * UTF-8 XML written straight into a reused byte buffer. Building the sheet as JS strings and
 * encoding them cost more in garbage collection than the zip itself (100,000 rows make ~200 MB
 * of XML), so rows are written here byte by byte and handed on in ~1 MiB pieces.
 */

/** Bytes handed to `flush` are a view of the reused buffer: read them before returning. */
export type ByteSink = (bytes: Uint8Array) => void;

/** Worst case bytes per UTF-16 code unit: `_xHHHH_`. */
const MAX_BYTES_PER_UNIT = 7;

export function asciiBytes(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i);
  return out;
}

const HEX = asciiBytes('0123456789ABCDEF');

export class XmlBytes {
  private buf: Uint8Array;
  private pos = 0;

  constructor(
    public sink: ByteSink,
    private readonly flushAt = 1 << 20,
  ) {
    this.buf = new Uint8Array(flushAt + 4096);
  }

  /** Makes room for `n` more bytes. */
  reserve(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    this.flush();
    if (n > this.buf.length) this.buf = new Uint8Array(n);
  }

  /** Hands on what is written once a piece is big enough (call between cells). */
  flushIfFull(): void {
    if (this.pos >= this.flushAt) this.flush();
  }

  flush(): void {
    if (this.pos === 0) return;
    this.sink(this.buf.subarray(0, this.pos));
    this.pos = 0;
  }

  /** Copies pre-encoded bytes; caller has reserved room. */
  put(bytes: Uint8Array): void {
    const buf = this.buf;
    let p = this.pos;
    for (let i = 0; i < bytes.length; i++) buf[p++] = bytes[i];
    this.pos = p;
  }

  /** ASCII text (numbers, refs); caller has reserved room. */
  ascii(text: string): void {
    const buf = this.buf;
    let p = this.pos;
    for (let i = 0; i < text.length; i++) buf[p++] = text.charCodeAt(i);
    this.pos = p;
  }

  /**
   * Element text as UTF-8, escaped as xml-text.ts's escapeText does: `&` `<` `>`, CR as `&#13;`,
   * characters XML 1.0 forbids as `_xHHHH_`, and the `_` of a literal `_xHHHH_` as `_x005F_`.
   */
  text(value: string): void {
    const n = value.length;
    this.reserve(n * MAX_BYTES_PER_UNIT);
    const buf = this.buf;
    let p = this.pos;
    for (let i = 0; i < n; i++) {
      let c = value.charCodeAt(i);
      if (c < 0x80) {
        if (c > 0x3e && c !== 0x5f)
          buf[p++] = c; // letters and most punctuation
        else if (c >= 0x20 || c === 0x09 || c === 0x0a) {
          if (c === 0x26) p = this.entity(p, AMP);
          else if (c === 0x3c) p = this.entity(p, LT);
          else if (c === 0x3e) p = this.entity(p, GT);
          else if (c === 0x5f && isHexEscapeAt(value, i)) p = this.escape(p, c);
          else buf[p++] = c;
        } else if (c === 0x0d) p = this.entity(p, CR);
        else p = this.escape(p, c);
      } else if (c < 0x800) {
        buf[p++] = 0xc0 | (c >> 6);
        buf[p++] = 0x80 | (c & 63);
      } else if (c >= 0xd800 && c <= 0xdfff) {
        const next = i + 1 < n ? value.charCodeAt(i + 1) : 0;
        if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
          c = 0x10000 + ((c - 0xd800) << 10) + (next - 0xdc00);
          i++;
          buf[p++] = 0xf0 | (c >> 18);
          buf[p++] = 0x80 | ((c >> 12) & 63);
          buf[p++] = 0x80 | ((c >> 6) & 63);
          buf[p++] = 0x80 | (c & 63);
        } else p = this.escape(p, c); // a lone surrogate
      } else if (c >= 0xfffe) p = this.escape(p, c);
      else {
        buf[p++] = 0xe0 | (c >> 12);
        buf[p++] = 0x80 | ((c >> 6) & 63);
        buf[p++] = 0x80 | (c & 63);
      }
    }
    this.pos = p;
  }

  private entity(p: number, bytes: Uint8Array): number {
    for (let i = 0; i < bytes.length; i++) this.buf[p++] = bytes[i];
    return p;
  }

  /** `_xHHHH_` for code unit `c`. */
  private escape(p: number, c: number): number {
    const buf = this.buf;
    buf[p++] = 0x5f;
    buf[p++] = 0x78;
    buf[p++] = HEX[(c >> 12) & 15];
    buf[p++] = HEX[(c >> 8) & 15];
    buf[p++] = HEX[(c >> 4) & 15];
    buf[p++] = HEX[c & 15];
    buf[p++] = 0x5f;
    return p;
  }
}

const AMP = asciiBytes('&amp;');
const LT = asciiBytes('&lt;');
const GT = asciiBytes('&gt;');
const CR = asciiBytes('&#13;');

function isHex(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);
}

/** Whether `_xHHHH_` starts at `i` (a reader would decode it). */
function isHexEscapeAt(s: string, i: number): boolean {
  return (
    i + 6 < s.length &&
    s.charCodeAt(i + 1) === 0x78 &&
    s.charCodeAt(i + 6) === 0x5f &&
    isHex(s.charCodeAt(i + 2)) &&
    isHex(s.charCodeAt(i + 3)) &&
    isHex(s.charCodeAt(i + 4)) &&
    isHex(s.charCodeAt(i + 5))
  );
}
