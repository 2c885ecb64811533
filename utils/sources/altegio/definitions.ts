/**
 * Custom-field definitions, for column order and titles (contract §1.4, §2.2): from the JSON list,
 * or from the client window's two HTML tabs (a `.form-group` per field: its `label` is the title,
 * its control is named `custom_fields[<code>]`). Pure: the HTML comes parsed.
 */
import { z } from 'zod';

export interface FieldDef {
  code: string;
  title: string;
  type?: string;
}

export const fieldDef = z.object({ code: z.string().min(1).max(200), title: z.string().max(500), type: z.string().max(50).optional() });
export const fieldDefs = z.array(fieldDef).max(2000);

const definitionRow = z.looseObject({
  custom_field: z.looseObject({
    code: z.string().min(1).max(200),
    title: z.string().max(500).nullish(),
    type: z.looseObject({ code: z.string().max(50).optional() }).nullish(),
  }),
});

/** Definitions from `/custom_fields/client/{cid}` data, in its order; null when it is not that list. */
export function definitionsFromJson(data: unknown): FieldDef[] | null {
  const rows = z.array(definitionRow).safeParse(data);
  if (!rows.success) return null;
  return unique(
    rows.data.map(({ custom_field: f }) => {
      const def: FieldDef = { code: f.code, title: f.title ?? '' };
      if (f.type?.code) def.type = f.type.code;
      return def;
    }),
  );
}

const CONTROL_NAME = /^custom_fields\[(.+)\]$/;

/** Definitions from one tab's HTML (`data.content`), in page order. */
export function definitionsFromTab(doc: Document): FieldDef[] {
  const defs: FieldDef[] = [];
  for (const group of doc.querySelectorAll('.form-group')) {
    // By attribute value, not a `[name^=…[]` selector: some selector engines choke on the bracket.
    const names = [...group.querySelectorAll('[name]')].map((el) => el.getAttribute('name') ?? '');
    const code = names.map((n) => CONTROL_NAME.exec(n)?.[1]).find(Boolean);
    if (!code) continue;
    const title = (group.querySelector('label')?.textContent ?? '').replace(/\s+/g, ' ').trim();
    defs.push({ code, title });
  }
  return defs;
}

/** The first definition of each code. */
export function unique(defs: FieldDef[]): FieldDef[] {
  const seen = new Set<string>();
  return defs.filter((d) => !seen.has(d.code) && seen.add(d.code));
}
