/** Contract §2.1–§2.3: getClientInfo, the custom-field tabs, and /api/v1 with the page token. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startAltegioSimulator } from './server';
import type { AltegioSimulator, SimClient } from './types';
import { dom } from '../test-helpers';
import { NO_LIMIT, WebClient } from './test-helpers';

let sim: AltegioSimulator;
let web: WebClient;
let token: string;
let clients: SimClient[];
const info = (id: number) => web.get(`/clients/getClientInfo/${id}`, { Accept: 'application/json' });

beforeAll(async () => {
  sim = await startAltegioSimulator({ dataset: 'small', seed: 9, knobs: NO_LIMIT });
  web = new WebClient(sim.webUrl);
  await web.signin(sim);
  token = await web.pageToken(sim.cid);
  clients = sim.truth.clients();
});
afterAll(async () => sim.close());
beforeEach(() => {
  sim.setKnobs({ pageTokenBulkList: 'allow' });
});

describe('GET /clients/getClientInfo/{id}', () => {
  it('answers a bare object (no envelope) with the §2.1 keys and the stored values', async () => {
    const c = clients.find((x) => Object.keys(x.custom_fields).length && x.categories.length)!;
    const r = await info(c.id);
    expect(r.status).toBe(200);
    expect(r.json).not.toHaveProperty('success');
    for (const key of [
      'client_id',
      'display_name',
      'name',
      'surname',
      'patronymic',
      'phone',
      'additional_phone',
      'email',
      'importance',
      'sex',
      'discount',
      'card',
      'balance',
      'paid_money',
      'money',
      'date',
      'bd_day',
      'bd_month',
      'bd_year',
      'sms_not',
      'comment',
      'online_booking_ban',
      'labels',
      'visits_count',
      'mobile_app',
      'image',
      'client_card_installed',
      'custom_fields',
      'client_agreements',
    ]) {
      expect(r.json, key).toHaveProperty(key);
    }
    expect(r.json).toMatchObject({
      client_id: c.id,
      name: c.name,
      comment: c.comment,
      email: c.email,
      custom_fields: c.custom_fields,
      visits_count: c.visits,
      paid_money: c.spent,
    });
    expect(r.json.phone).toBe(String(c.phone));
    expect(r.json.labels).toEqual(c.categories.map((x) => x.title));
    expect(Object.keys(r.json.client_agreements)).toEqual([
      'id',
      'client_id',
      'salon_id',
      'company_id',
      'is_newsletter_allowed',
      'is_personal_data_processing_allowed',
    ]);
  });

  it('answers custom_fields [] for a client without values', async () => {
    const c = clients.find((x) => !Object.keys(x.custom_fields).length)!;
    expect((await info(c.id)).json.custom_fields).toEqual([]);
  });

  it('answers ids of the decoy location too (the route has no location)', async () => {
    const decoy = sim.truth.ids(sim.decoyCid)[0];
    const r = await info(decoy);
    expect(r.status).toBe(200);
    expect(r.json.client_id).toBe(decoy);
    expect(r.json.client_agreements.salon_id).toBe(sim.decoyCid);
  });

  it('answers 404 with the envelope for an unknown id, 403 for nobase', async () => {
    const r = await info(1);
    expect(r.status).toBe(404);
    expect(r.json).toEqual({ success: false, data: null, meta: { message: 'Не найдено' } });
    const nobase = new WebClient(sim.webUrl);
    await nobase.signin(sim, 'nobase');
    const denied = await nobase.get(`/clients/getClientInfo/${clients[0].id}`);
    expect(denied.status).toBe(403);
    expect(denied.json.meta.message).toBe('Недостаточно прав');
  });
});

describe('custom-field tabs', () => {
  const tab = (which: string) => web.get(`/custom_fields_salon/resource/${which}/${sim.cid}/client/0/is_show_ui_window_client`);

  it('answer {"data":{"content":"<html>"}} with .form-group, label.control-label and named .form-control', async () => {
    const defs = sim.truth.definitions();
    const seen: [string, string][] = [];
    for (const which of ['tab_by_window', 'tab_not_by_window']) {
      const r = await tab(which);
      expect(Object.keys(r.json)).toEqual(['data']);
      expect(Object.keys(r.json.data)).toEqual(['content']);
      const doc = dom(r.json.data.content);
      for (const g of Array.from(doc.querySelectorAll('.form-group'))) {
        const name = g.querySelector('.form-control')!.getAttribute('name')!;
        seen.push([/^custom_fields\[(.+)\]$/.exec(name)![1], g.querySelector('label.control-label')!.textContent!]);
      }
    }
    expect(seen).toEqual(defs.map((d) => [d.code, d.title]));
  });

  it('put shown fields on tab_by_window and hidden ones (internal_score) on tab_not_by_window', async () => {
    const hidden = dom((await tab('tab_not_by_window')).json.data.content);
    expect(Array.from(hidden.querySelectorAll('.form-control')).map((e) => e.getAttribute('name'))).toEqual(['custom_fields[internal_score]']);
    const select = dom((await tab('tab_by_window')).json.data.content).querySelector('select[name="custom_fields[source]"]')!;
    expect(select.querySelectorAll('option').length).toBeGreaterThan(3);
  });
});

describe('/api/v1 on the web origin with the page token', () => {
  it('answers search in the v2 envelope even without the Accept header', async () => {
    const r = await web.api(`/api/v1/company/${sim.cid}/clients/search`, token, { body: { page_size: 200, fields: ['id', 'name'] }, v2: false });
    expect(r.json).toMatchObject({ success: true, meta: { total_count: 120 } });
    expect(r.json.data.map((x: { id: number }) => x.id)).toEqual(sim.truth.ids());
  });

  it('answers the bulk list (v2 Accept) and the definitions as the API origin does', async () => {
    const list = await web.api(`/api/v1/clients/${sim.cid}?page=1&count=200`, token);
    expect(list.json.meta).toEqual({ page: 1, total_count: 120 });
    expect(list.json.data[0].custom_fields).toBeDefined();
    const defs = await web.api(`/api/v1/custom_fields/client/${sim.cid}`, token);
    expect(defs.json.data.map((d: { custom_field: { code: string } }) => d.custom_field.code)).toEqual(sim.truth.customCodes().slice(0, 8));
  });

  it('refuses the bulk list to the page token as pageTokenBulkList says (forcing per-card reads)', async () => {
    const path = `/api/v1/clients/${sim.cid}?page=1&count=200`;
    for (const [mode, status] of [
      ['401', 401],
      ['403', 403],
      ['404', 404],
    ] as const) {
      sim.setKnobs({ pageTokenBulkList: mode });
      const r = await web.api(path, token);
      expect(r.status, mode).toBe(status);
      expect(r.json.success).toBe(false);
    }
    sim.setKnobs({ pageTokenBulkList: 'html' });
    const html = await web.api(path, token);
    expect(html.status).toBe(200);
    expect(html.json).toBeNull();
    expect(html.headers.get('content-type')).toMatch(/text\/html/);
    sim.setKnobs({ pageTokenBulkList: 'no-custom-fields' });
    const bare = await web.api(path, token);
    expect(bare.json.data.length).toBe(120);
    expect(bare.json.data.some((x: object) => 'custom_fields' in x)).toBe(false);
    // Search and cards still work.
    expect((await web.api(`/api/v1/client/${sim.cid}/${clients[0].id}`, token)).status).toBe(200);
  });
});
