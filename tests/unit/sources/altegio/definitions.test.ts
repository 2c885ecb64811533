/** Custom-field definitions from the JSON list and from the client window's two tabs. */
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { definitionsFromJson, definitionsFromTab, unique } from '@/utils/sources/altegio/definitions';
import { definitionRow, definitionsFor } from '../../../simulator/altegio/definitions';
import { tabContent } from '../../../simulator/altegio/web-tabs';

const parse = (html: string) => new JSDOM(html).window.document;

describe('custom-field definitions', () => {
  const defs = definitionsFor(0);

  it('reads codes, titles and types from the JSON list, in its order', () => {
    const got = definitionsFromJson(defs.map((d) => definitionRow(d, 517301)));
    expect(got?.map((d) => d.code)).toEqual(defs.map((d) => d.code));
    expect(got?.[7]).toEqual({ code: 'internal_score', title: '=Бонус, %', type: 'number' });
    expect(definitionsFromJson({ data: 'nope' })).toBeNull();
  });

  it('reads the same fields from the two tabs (shown, then hidden in the window)', () => {
    const fromTabs = unique([...definitionsFromTab(parse(tabContent(defs, true))), ...definitionsFromTab(parse(tabContent(defs, false)))]);
    expect(fromTabs).toEqual(defs.map((d) => ({ code: d.code, title: d.title })));
  });
});
