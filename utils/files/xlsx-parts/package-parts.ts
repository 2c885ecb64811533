/**
 * The workbook's fixed parts (ECMA-376 / OOXML, transitional namespaces as Excel writes them):
 * content types, relationships, workbook, styles and document properties. One sheet.
 */
import { escapeAttr, escapeText } from './xml-text';

const XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const CT_PREFIX = 'application/vnd.openxmlformats-officedocument';

export const SHEET_PATH = 'xl/worksheets/sheet1.xml';

/** Indices into `cellXfs` below. */
export const STYLE = { header: 1, date: 2, datetime: 3, wrap: 4 } as const;
/** Shown as the CRM and the CSV write them: ISO, the same in every locale. */
export const DATE_FORMAT = 'yyyy-mm-dd';
export const DATETIME_FORMAT = 'yyyy-mm-dd hh:mm:ss';
/** A light blue under the bold header text. */
const HEADER_FILL = 'FFDDEBF7';

export function contentTypesXml(): string {
  const override = (part: string, type: string) => `<Override PartName="/${part}" ContentType="${type}"/>`;
  return (
    XML_DECL +
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    override('xl/workbook.xml', `${CT_PREFIX}.spreadsheetml.sheet.main+xml`) +
    override(SHEET_PATH, `${CT_PREFIX}.spreadsheetml.worksheet+xml`) +
    override('xl/styles.xml', `${CT_PREFIX}.spreadsheetml.styles+xml`) +
    override('docProps/core.xml', 'application/vnd.openxmlformats-package.core-properties+xml') +
    override('docProps/app.xml', `${CT_PREFIX}.extended-properties+xml`) +
    '</Types>'
  );
}

function relationships(rels: [type: string, target: string][]): string {
  const items = rels.map(([type, target], i) => `<Relationship Id="rId${i + 1}" Type="${type}" Target="${target}"/>`);
  return `${XML_DECL}<Relationships xmlns="${PKG_REL_NS}">${items.join('')}</Relationships>`;
}

export function rootRelsXml(): string {
  return relationships([
    [`${REL_NS}/officeDocument`, 'xl/workbook.xml'],
    [`${PKG_REL_NS}/metadata/core-properties`, 'docProps/core.xml'],
    [`${REL_NS}/extended-properties`, 'docProps/app.xml'],
  ]);
}

/** rId1 is the sheet (workbook.xml refers to it), rId2 the styles. */
export function workbookRelsXml(): string {
  return relationships([
    [`${REL_NS}/worksheet`, 'worksheets/sheet1.xml'],
    [`${REL_NS}/styles`, 'styles.xml'],
  ]);
}

/** `filterRange` (e.g. `$A$1:$C$10`, null for no filter) names the autofilter's range as Excel does. */
export function workbookXml(sheetName: string, filterRange: string | null): string {
  const quoted = `'${sheetName.replace(/'/g, "''")}'`;
  const names = filterRange
    ? '<definedNames><definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">' +
      `${escapeText(quoted)}!${filterRange}</definedName></definedNames>`
    : '';
  return (
    `${XML_DECL}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
    '<bookViews><workbookView/></bookViews>' +
    `<sheets><sheet name="${escapeAttr(sheetName)}" sheetId="1" r:id="rId1"/></sheets>` +
    names +
    '</workbook>'
  );
}

export function stylesXml(): string {
  return (
    `${XML_DECL}<styleSheet xmlns="${MAIN_NS}">` +
    `<numFmts count="2"><numFmt numFmtId="164" formatCode="${DATE_FORMAT}"/>` +
    `<numFmt numFmtId="165" formatCode="${DATETIME_FORMAT}"/></numFmts>` +
    '<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>' +
    '<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
    // The first two fills are reserved by Excel (none, gray125); ours is the third.
    '<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>' +
    `<fill><patternFill patternType="solid"><fgColor rgb="${HEADER_FILL}"/><bgColor indexed="64"/></patternFill></fill></fills>` +
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
    '<cellXfs count="5">' +
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
    '<xf numFmtId="0" fontId="1" fillId="2" borderId="0" xfId="0" applyFont="1" applyFill="1"/>' +
    '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
    '<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>' +
    '</cellXfs>' +
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
    '</styleSheet>'
  );
}

export function coreXml(created: Date): string {
  const when = created.toISOString().replace(/\.\d{3}Z$/, 'Z');
  return (
    `${XML_DECL}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified>` +
    '</cp:coreProperties>'
  );
}

export function appXml(): string {
  return (
    `${XML_DECL}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">` +
    '<Application>CRM Archive Export</Application></Properties>'
  );
}
