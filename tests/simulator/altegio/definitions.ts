/** The eight client custom-field definitions of contract §4, per location, and their §1.4 shape. */
import type { Definition, FieldType } from './types';
import { SOURCE_OPTIONS } from './words';

export const ORPHAN_CODE = 'old-promo';

type Spec = Omit<Definition, 'id' | 'fieldId'>;

const SPECS: Spec[] = [
  { code: 'instagram-user-name', title: 'Instagram', type: 'text', showInUi: true, userCanEdit: true, values: [] },
  { code: 'card_number', title: 'Номер карты', type: 'text', showInUi: true, userCanEdit: true, values: [] },
  { code: 'note', title: 'Примечание', type: 'text', showInUi: true, userCanEdit: true, values: [] },
  { code: 'note-2', title: 'Примечание', type: 'text', showInUi: true, userCanEdit: true, values: [] },
  { code: 'source', title: 'Откуда узнали', type: 'select', showInUi: true, userCanEdit: true, values: SOURCE_OPTIONS },
  { code: 'contract_date', title: 'Дата договора', type: 'date', showInUi: true, userCanEdit: true, values: [] },
  { code: 'last_call_at', title: 'Последний звонок', type: 'datetime', showInUi: true, userCanEdit: true, values: [] },
  { code: 'internal_score', title: '=Бонус, %', type: 'number', showInUi: false, userCanEdit: false, values: [] },
];

export const TYPE_TITLES: Record<FieldType, string> = {
  text: 'Текстовое поле',
  number: 'Число',
  select: 'Выпадающий список',
  date: 'Дата',
  datetime: 'Дата и время',
};

/** Ids differ per location (so the decoy's are not the main one's), codes and titles do not. */
export function definitionsFor(locationIndex: number): Definition[] {
  return SPECS.map((s, i) => ({ ...s, values: [...s.values], id: 4100 + locationIndex * 100 + i, fieldId: 8800 + locationIndex * 100 + i }));
}

/** One row of `GET /custom_fields/client/{cid}` (§1.4). */
export function definitionRow(d: Definition, cid: number): Record<string, unknown> {
  return {
    id: d.id,
    salon_id: cid,
    custom_field: {
      id: d.fieldId,
      code: d.code,
      entity_type: 'client',
      show_in_ui: d.showInUi,
      title: d.title,
      user_can_edit: d.userCanEdit,
      type: { code: d.type, title: TYPE_TITLES[d.type] },
      values: [...d.values],
    },
  };
}
