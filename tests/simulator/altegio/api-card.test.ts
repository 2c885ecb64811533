/** Contract §1.2 (client card) and §1.4 (custom-field definitions). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAltegioSimulator } from './server';
import type { AltegioSimulator, SimClient } from './types';
import { ApiClient, NO_LIMIT } from './test-helpers';

let sim: AltegioSimulator;
let api: ApiClient;
let clients: SimClient[];
const card = (id: number, opts = {}) => api.get(`/api/v1/client/${sim.cid}/${id}`, opts);

beforeAll(async () => {
  sim = await startAltegioSimulator({ dataset: 'small', seed: 6, knobs: NO_LIMIT });
  api = new ApiClient(sim);
  clients = sim.truth.clients();
});
afterAll(async () => sim.close());

describe('GET /client/{cid}/{id}', () => {
  it('answers the card in the envelope with every documented key', async () => {
    const c = clients.find((x) => Object.keys(x.custom_fields).length > 1)!;
    const r = await card(c.id);
    expect(r.status).toBe(200);
    expect(r.json.success).toBe(true);
    expect(r.json.meta).toEqual([]);
    for (const key of [
      'id',
      'name',
      'surname',
      'patronymic',
      'phone',
      'email',
      'categories',
      'sex_id',
      'sex',
      'discount',
      'importance_id',
      'importance',
      'card',
      'birth_date',
      'comment',
      'sms_check',
      'sms_not',
      'spent',
      'balance',
      'visits',
      'last_change_date',
      'custom_fields',
      'client_agreements',
    ]) {
      expect(r.json.data, key).toHaveProperty(key);
    }
    expect(r.json.data).toMatchObject({ id: c.id, name: c.name, phone: c.phone, email: c.email, comment: c.comment, custom_fields: c.custom_fields });
    expect(Object.keys(r.json.data.custom_fields)).toEqual(Object.keys(c.custom_fields));
    expect(r.json.data.last_change_date).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+0[23]00$/);
    expect(Object.keys(r.json.data.client_agreements)).toContain('is_newsletter_allowed');
  });

  it('answers custom_fields [] for a client without values', async () => {
    const c = clients.find((x) => !Object.keys(x.custom_fields).length)!;
    expect((await card(c.id)).json.data.custom_fields).toEqual([]);
  });

  it('serves phones and birth dates in their stored, mixed types', async () => {
    const numberPhone = clients.find((x) => typeof x.phone === 'number')!;
    expect(typeof (await card(numberPhone.id)).json.data.phone).toBe('number');
    const unix = clients.find((x) => x.birth_date !== null && /^\d+$/.test(x.birth_date))!;
    expect((await card(unix.id)).json.data.birth_date).toBe(unix.birth_date);
  });

  it('answers the bare v1 object without the v2 Accept header', async () => {
    const r = await card(clients[0].id, { v2: false });
    expect(r.json.success).toBeUndefined();
    expect(r.json.id).toBe(clients[0].id);
  });

  it('answers 404 «Не найдено» for an unknown id and for an id of another location', async () => {
    for (const id of [1, sim.truth.ids(sim.decoyCid)[0]]) {
      const r = await card(id);
      expect(r.status).toBe(404);
      expect(r.json).toEqual({ success: false, data: null, meta: { message: 'Не найдено' } });
    }
  });

  it('answers 404 for the undocumented /company/{cid}/client/{id}?include[]=custom_fields', async () => {
    const r = await api.get(`/api/v1/company/${sim.cid}/client/${clients[0].id}?include[]=custom_fields`);
    expect(r.status).toBe(404);
    expect(r.json.meta.message).toBe('Не найдено');
  });

  it('masks phone and e-mail for the restricted user (first digit and last two; p***@mail.ru)', async () => {
    const c = clients.find((x) => x.phone !== '' && x.email !== '')!;
    const r = await card(c.id, { user: 'restricted' });
    const digits = String(c.phone).replace(/\D/g, '');
    expect(r.json.data.phone).toBe(`${String(c.phone).startsWith('+') ? '+' : ''}${digits[0]}${'*'.repeat(digits.length - 3)}${digits.slice(-2)}`);
    expect(r.json.data.email).toBe(`${c.email[0]}***${c.email.slice(c.email.indexOf('@'))}`);
  });
});

describe('GET /custom_fields/client/{cid}', () => {
  it('answers the definitions in order, in the §1.4 shape', async () => {
    const r = await api.get(`/api/v1/custom_fields/client/${sim.cid}`);
    expect(r.json.meta).toEqual([]);
    const defs = sim.truth.definitions();
    expect(r.json.data).toHaveLength(8);
    r.json.data.forEach((row: any, i: number) => {
      expect(row).toEqual({
        id: defs[i].id,
        salon_id: sim.cid,
        custom_field: {
          id: defs[i].fieldId,
          code: defs[i].code,
          entity_type: 'client',
          show_in_ui: defs[i].showInUi,
          title: defs[i].title,
          user_can_edit: defs[i].userCanEdit,
          type: { code: defs[i].type, title: expect.any(String) },
          values: defs[i].values,
        },
      });
    });
    expect(r.json.data[4].custom_field.values.length).toBeGreaterThan(0);
  });

  it('answers the bare v1 array without the v2 Accept header', async () => {
    const r = await api.get(`/api/v1/custom_fields/client/${sim.cid}`, { v2: false });
    expect(Array.isArray(r.json)).toBe(true);
    expect(r.json).toHaveLength(8);
  });
});
