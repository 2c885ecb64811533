/**
 * The custom-field tabs of the client window (§2.2): `{"data":{"content":"<html>"}}`, per field a
 * `.form-group` with `label.control-label` (the title) and a `.form-control` named
 * `custom_fields[<code>]`. Fields shown in the window are on one tab, hidden ones on the other.
 */
import { escapeHtml } from '../http';
import type { Definition } from './types';

function control(d: Definition): string {
  const name = `custom_fields[${escapeHtml(d.code)}]`;
  const disabled = d.userCanEdit ? '' : ' disabled';
  if (d.type === 'select') {
    const options = ['<option value=""></option>'].concat(d.values.map((v) => `<option value="${escapeHtml(v)}">${escapeHtml(v)}</option>`));
    return `<select class="form-control" name="${name}" id="cf_${d.fieldId}"${disabled}>${options.join('')}</select>`;
  }
  if (d.code.startsWith('note')) return `<textarea class="form-control" name="${name}" id="cf_${d.fieldId}"${disabled}></textarea>`;
  const type = d.type === 'number' ? 'number' : 'text';
  const cls = d.type === 'date' ? ' datepicker' : d.type === 'datetime' ? ' datetimepicker' : '';
  return `<input type="${type}" class="form-control${cls}" name="${name}" id="cf_${d.fieldId}" value=""${disabled}>`;
}

export function tabContent(defs: Definition[], byWindow: boolean): string {
  const shown = defs.filter((d) => d.showInUi === byWindow);
  const groups = shown.map(
    (d) => `<div class="form-group" data-field-id="${d.fieldId}">
  <label class="control-label col-sm-4" for="cf_${d.fieldId}">${escapeHtml(d.title)}</label>
  <div class="col-sm-8">${control(d)}</div>
</div>`,
  );
  return `<div class="custom-fields-tab">\n${groups.join('\n')}\n</div>`;
}
