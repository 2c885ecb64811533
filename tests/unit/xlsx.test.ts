/**
 * The .xlsx writer (utils/files/xlsx.ts): files are read back with ExcelJS and, independently, as raw
 * XML parts, so a cell must survive both a reader library and the OOXML rules.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { createXlsxWriter, safeSheetName, XLSX_MIME, type XlsxColumn } from '@/utils/files/xlsx';
import { excelSerial, isExactNumber } from '@/utils/files/xlsx-parts/cell-values';
import { XmlBytes } from '@/utils/files/xlsx-parts/xml-bytes';
import { EXCEL_MAX_CELL_CHARS, escapeText } from '@/utils/files/xlsx-parts/xml-text';
import { concat, decodeOoxml, FIXED, loadWithExcelJs, parseXml, rawCells, unzipText, writeXlsx } from './xlsx-read';

const SHEET = 'xl/worksheets/sheet1.xml';
const text = (header: string): XlsxColumn => ({ header, type: 'text' });

const HOSTILE = [
  'He said "hi" and \'bye\'',
  'a;b;c',
  'a,b,c',
  'line 1\nline 2',
  'line 1\r\nline 2\r\n',
  'cr\ronly',
  'emoji 😀 👍🏽 🇺🇦',
  '=1+1',
  '=HYPERLINK("http://x.test","y")',
  '+1',
  '-1',
  '@SUM(A1)',
  '\tstarts with a tab',
  '<b>bold</b>',
  'Tom & Jerry &amp;',
  ']]> <!-- --> <?pi?>',
  'ctrl \u0000\u0001\u0008\u000b\u000c\u001b\u001f end',
  'literal _x0041_ and _x005F_',
  'lower a_x00ab_b',
  '  leading and trailing  ',
  ' ',
  'Юлія Щербань: ґ є і ї, Ёлка',
  'non-chars \uFFFE\uFFFF',
  'lone \uD800 high',
  'lone \uDC00 low',
  'pair then lone \uD83D\uDE00\uD83D',
  'x'.repeat(5000),
  '0501234567',
  '+380501234567',
];

/** Index of the first differing byte, -1 for equal files (a diff of whole files takes minutes). */
function firstDifference(a: Uint8Array, b: Uint8Array): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) if (a[i] !== b[i]) return i;
  return -1;
}

describe('cell values', () => {
  it('takes as numbers only plain decimals that read back as the same string', () => {
    for (const yes of ['0', '7', '-7', '42', '123456789012345', '-123456789012345', '1.5', '-0.25', '0.000123456789012345', '1234567.12345678'])
      expect(isExactNumber(yes), yes).toBe(true);
    for (const no of [
      '',
      '-',
      '-0',
      '01',
      '0501234567',
      '+380501234567',
      '1.50',
      '1.',
      '.5',
      '1e5',
      '1 000',
      '1,5',
      'NaN',
      'Infinity',
      ' 1',
      '1234567890123456',
      '9007199254740993',
      '0.1234567890123456',
      '12345678.12345678',
    ])
      expect(isExactNumber(no), no).toBe(false);
  });

  it('takes the four date shapes as Excel serials and nothing impossible', () => {
    const serial = (y: number, m: number, d: number, s = 0) => Date.UTC(y, m - 1, d) / 86_400_000 + 25_569 + s / 86_400;
    expect(excelSerial('2024-03-01')).toBe(45_352);
    expect(excelSerial('01.03.2024')).toBe(45_352);
    expect(excelSerial('2024-03-01 12:34:56')).toBe(serial(2024, 3, 1, 45_296));
    expect(excelSerial('2024-03-01T12:34:56')).toBe(serial(2024, 3, 1, 45_296));
    expect(excelSerial('2000-02-29')).toBe(serial(2000, 2, 29));
    expect(excelSerial('9999-12-31 23:59:59')).toBe(serial(9999, 12, 31, 86_399));
    for (const no of [
      '2023-02-29',
      '1900-02-28',
      '0099-01-01',
      '2024-13-01',
      '31.04.2024',
      '2024-03-01 24:00:00',
      '2024-03-01 12:60:00',
      '2024-03-01T12:34:56Z',
      '2024-3-1',
      '2024/03/01',
      '1.3.2024',
      'yesterday',
      '2024-03-01 12:34',
    ])
      expect(excelSerial(no), no).toBeNaN();
  });

  it('escapes text alike in the header (strings) and in the rows (bytes)', () => {
    for (const v of [...HOSTILE, 'a_x00Ag_b _x12345_ __x0041_ _X0041_ _x0041']) {
      const written: Uint8Array[] = [];
      const out = new XmlBytes((bytes) => written.push(bytes.slice()));
      out.text(v);
      out.flush();
      expect(firstDifference(concat(written), new TextEncoder().encode(escapeText(v))), JSON.stringify(v.slice(0, 40))).toBe(-1);
    }
  });
});

describe('createXlsxWriter', () => {
  it('round-trips every text cell exactly, never as a formula', async () => {
    const rows = HOSTILE.map((v, i) => [String(i + 1), v]);
    const header = 'value & <more> _x0041_ \u0001';
    const { file } = writeXlsx([{ header: 'id', type: 'number' }, text(header)], rows);
    const parts = unzipText(file);
    expect(parts[SHEET]).not.toMatch(/<f[ >]/);
    const raw = rawCells(parts[SHEET]);
    expect(raw.get('B1')).toMatchObject({ type: 'inlineStr', value: header });
    HOSTILE.forEach((v, i) => expect(raw.get(`B${i + 2}`)).toMatchObject({ type: 'inlineStr', value: v }));
    // Readers may trim edge whitespace without this; multi-line cells get the wrap style (4).
    expect(parts[SHEET]).toContain('<t xml:space="preserve">  leading and trailing  </t>');
    expect(parts[SHEET]).toContain('s="4" t="inlineStr"><is><t>line 1\nline 2</t>');

    const ws = await loadWithExcelJs(file);
    expect(decodeOoxml(String(ws.getCell('B1').value))).toBe(header);
    HOSTILE.forEach((v, i) => {
      const cell = ws.getCell(`B${i + 2}`);
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      // ExcelJS undoes `_xHHHH_` in shared strings only; Excel does it in inline strings too.
      expect(decodeOoxml(String(cell.value)), JSON.stringify(v.slice(0, 40))).toBe(v);
      if (!/[\0-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]|_x[0-9a-f]{4}_|[\uD800-\uDFFF]/i.test(v)) expect(cell.value).toBe(v);
    });
  });

  it('writes ids as numbers and keeps phones, codes and non-numbers as received text', async () => {
    const ids = ['1', '42', '123456789012345', '0501234567', '+380501234567', '1.50', '-0', '12345678901234567890', 'n/a', '7 '];
    const { file } = writeXlsx(
      [{ header: 'id', type: 'number' }, text('phone')],
      ids.map((id) => [id, id]),
    );
    const ws = await loadWithExcelJs(file);
    ids.forEach((id, i) => {
      const asNumber = i < 3;
      expect(ws.getCell(`A${i + 2}`).value).toBe(asNumber ? Number(id) : id);
      expect(ws.getCell(`B${i + 2}`).value).toBe(id); // a text column never converts
    });
  });

  it('writes dates as serials with a date or date-time format, else the string as received', async () => {
    const values = ['2024-03-01', '01.03.2024', '2024-03-01 12:34:56', '2024-03-01T12:34:56', '2024-02-30', 'soon', '2024-03-01T12:34:56Z'];
    const columns: XlsxColumn[] = [
      { header: 'd', type: 'date' },
      { header: 'dt', type: 'datetime' },
    ];
    const { file } = writeXlsx(
      columns,
      values.map((v) => [v, v]),
    );
    const raw = rawCells(unzipText(file)[SHEET]);
    expect(raw.get('A2')).toMatchObject({ type: null, value: '45352' });
    const ws = await loadWithExcelJs(file);
    const expected = [Date.UTC(2024, 2, 1), Date.UTC(2024, 2, 1), Date.UTC(2024, 2, 1, 12, 34, 56), Date.UTC(2024, 2, 1, 12, 34, 56)];
    for (const col of ['A', 'B']) {
      values.forEach((v, i) => {
        const cell = ws.getCell(`${col}${i + 2}`);
        if (i < 4) {
          expect(cell.value).toEqual(new Date(expected[i]));
          expect(cell.numFmt).toBe(v.length === 19 ? 'yyyy-mm-dd hh:mm:ss' : 'yyyy-mm-dd');
        } else expect(cell.value).toBe(v);
      });
    }
  });

  it('leaves empty cells out and still writes a valid sheet with no rows', async () => {
    const { file } = writeXlsx(
      [text('a'), text('b'), text('c')],
      [
        ['', 'x', ''],
        [null, null, 'y'],
      ],
    );
    const raw = rawCells(unzipText(file)[SHEET]);
    expect([...raw.keys()]).toEqual(['A1', 'B1', 'C1', 'B2', 'C3']);
    const empty = await loadWithExcelJs(writeXlsx([text('only header')], []).file);
    expect(empty.rowCount).toBe(1);
    expect(empty.getCell('A1').value).toBe('only header');
    const nothing = unzipText(writeXlsx([], [['ignored']]).file);
    for (const xml of Object.values(nothing)) expect(() => parseXml(xml)).not.toThrow();
    expect(nothing[SHEET]).not.toContain('<c ');
  });

  it('styles and freezes the header row, filters it, fits widths and wraps multi-line cells', async () => {
    const columns: XlsxColumn[] = [text('id'), text('a rather long header name'), text('notes'), { header: 'fixed', type: 'text', width: 33 }];
    const rows = [
      ['1', 'short', 'a\nmulti-line cell', 'x'],
      ['2', 'mid', 'y'.repeat(500), ''],
    ];
    const { file } = writeXlsx(columns, rows);
    const ws = await loadWithExcelJs(file);
    for (const ref of ['A1', 'B1', 'C1', 'D1']) {
      expect(ws.getCell(ref).font?.bold).toBe(true);
      expect(ws.getCell(ref).fill).toMatchObject({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } });
    }
    expect(ws.getCell('A2').font?.bold).toBeFalsy();
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1, topLeftCell: 'A2' });
    expect(ws.autoFilter).toBe('A1:D3');
    expect(ws.getCell('C2').alignment).toMatchObject({ wrapText: true });
    const widths = [1, 2, 3, 4].map((i) => ws.getColumn(i).width);
    expect(widths[0]).toBe(6); // clamped up
    expect(widths[1]).toBeGreaterThanOrEqual('a rather long header name'.length);
    expect(widths[2]).toBe(60); // clamped down
    expect(widths[3]).toBe(33);
    const sheet = unzipText(file)[SHEET];
    expect(sheet).toContain('<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>');
    expect(sheet.indexOf('<cols>')).toBeLessThan(sheet.indexOf('<sheetData>'));
  });

  it('is a zip of well-formed parts that the content types and relationships all name', () => {
    const { file } = writeXlsx(
      [text('h')],
      HOSTILE.map((v) => [v]),
      7,
      { ...FIXED, sheetName: 'Leads & <co>' },
    );
    const parts = unzipText(file);
    expect(Object.keys(parts).sort()).toEqual(
      [
        '[Content_Types].xml',
        '_rels/.rels',
        'docProps/app.xml',
        'docProps/core.xml',
        'xl/_rels/workbook.xml.rels',
        'xl/styles.xml',
        'xl/workbook.xml',
        SHEET,
      ].sort(),
    );
    for (const xml of Object.values(parts)) expect(() => parseXml(xml)).not.toThrow();
    const types = parseXml(parts['[Content_Types].xml']);
    const overrides = Array.from(types.getElementsByTagName('Override')).map((o) => o.getAttribute('PartName'));
    for (const path of Object.keys(parts).filter((p) => !p.endsWith('.rels') && p !== '[Content_Types].xml')) expect(overrides).toContain(`/${path}`);
    expect(parts['xl/workbook.xml']).toContain('<sheet name="Leads &amp; &lt;co&gt;" sheetId="1" r:id="rId1"/>');
    expect(XLSX_MIME).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  });

  it(`cuts a cell past Excel's ${EXCEL_MAX_CELL_CHARS} characters to that length and counts it`, async () => {
    const long = 'Довгий коментар. '.repeat(2400).slice(0, 40_000);
    const atBoundary = 'a'.repeat(EXCEL_MAX_CELL_CHARS - 1) + '😀tail';
    const { file, truncated } = writeXlsx([text('notes')], [[long], [atBoundary], ['x'.repeat(EXCEL_MAX_CELL_CHARS)]]);
    expect(truncated).toBe(2);
    const ws = await loadWithExcelJs(file);
    expect(ws.getCell('A2').value).toBe(long.slice(0, EXCEL_MAX_CELL_CHARS));
    expect(ws.getCell('A3').value).toBe('a'.repeat(EXCEL_MAX_CELL_CHARS - 1)); // never half an emoji
    expect(ws.getCell('A4').value).toBe('x'.repeat(EXCEL_MAX_CELL_CHARS));
  });

  it('streams: the same bytes however the rows are chunked, handed out before finish', () => {
    const columns: XlsxColumn[] = [{ header: 'id', type: 'number' }, text('name'), { header: 'at', type: 'datetime' }, text('note')];
    // ~6 MB of sheet XML: several of the writer's ~1 MiB pieces.
    const rows = Array.from({ length: 20_000 }, (_, i) => [
      String(i + 1),
      `Клієнт ${i}`,
      '2024-03-01 10:00:00',
      `${HOSTILE[i % HOSTILE.length].slice(0, 200)} ${i}`,
    ]);
    const once = writeXlsx(columns, rows, rows.length).file;
    expect(firstDifference(writeXlsx(columns, rows, 400).file, once)).toBe(-1); // 50 chunks
    expect(firstDifference(writeXlsx(columns, rows, 1).file, once)).toBe(-1);
    expect(firstDifference(writeXlsx(columns, rows, 999).file, once)).toBe(-1);

    const writer = createXlsxWriter(columns, FIXED);
    const early: Uint8Array[] = [];
    for (let i = 0; i < rows.length; i += 400) early.push(...writer.addRows(rows.slice(i, i + 400)));
    const rest = writer.finish();
    expect(firstDifference(concat([...early, ...rest]), once)).toBe(-1);
    expect(concat(early).length).toBeGreaterThan(once.length / 2);
    expect(() => writer.addRows([['1']])).toThrow();
  });

  it('names the sheet as Excel allows', () => {
    expect(safeSheetName(undefined)).toBe('Sheet1');
    expect(safeSheetName("'a/b:c*d?[e]'")).toBe('a_b_c_d__e_');
    expect(safeSheetName('x'.repeat(40))).toHaveLength(31);
    expect(safeSheetName('History')).toBe('Sheet1');
  });
});
