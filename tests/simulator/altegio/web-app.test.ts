/**
 * Contract §2: the client base page as a single-page app, run in jsdom: mount, title, rows,
 * redraws (button, hook, timer) and in-app navigation with history.pushState, no reloads.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { startAltegioSimulator } from './server';
import type { AltegioSimulator, UserKey } from './types';
import { NO_LIMIT, WebClient } from './test-helpers';

let sim: AltegioSimulator;
const opened: JSDOM[] = [];

interface SimHooks {
  redraw(): void;
  navigate(path: string): void;
  renders(): number;
}

beforeAll(async () => {
  sim = await startAltegioSimulator({ dataset: 'small', seed: 10, knobs: NO_LIMIT });
});
afterAll(async () => {
  for (const d of opened) d.window.close();
  await sim.close();
});

/** Loads a page as a signed-in user and runs its scripts. */
async function open(user: UserKey = 'owner', path = `/clients/${sim.cid}/base/`): Promise<JSDOM> {
  const web = new WebClient(sim.webUrl);
  await web.signin(sim, user);
  const page = await web.get(path);
  const d = new JSDOM(page.text, { url: sim.webUrl + page.url, runScripts: 'dangerously' });
  opened.push(d);
  return d;
}
const hooks = (d: JSDOM) => (d.window as unknown as { __altegioSim: SimHooks }).__altegioSim;
const q = (d: JSDOM, sel: string) => d.window.document.querySelector(sel);

describe('the client base page', () => {
  it('renders #clients-base-app with the title and one row per listed client, phone cell formatted', async () => {
    const d = await open();
    expect(q(d, '#clients-base-app [data-locator="page_title"]')?.textContent).toBe('Клиентская база');
    const rows = d.window.document.querySelectorAll('#clients-base-app [data-locator^="client_tr_"]');
    const first = sim.truth.clients().slice(0, 25);
    expect(Array.from(rows, (r) => Number(r.getAttribute('data-locator')!.slice('client_tr_'.length)))).toEqual(first.map((c) => c.id));
    const ruPhone = first.find((c) => /^\+?7\d{10}$/.test(String(c.phone)));
    if (ruPhone) {
      const cell = q(d, `[data-locator="client_tr_${ruPhone.id}"] [data-locator="phone"]`)!.textContent!;
      expect(cell).toMatch(/^\+7 \d{3} \d{3}-\d{2}-\d{2}$/);
    }
  });

  it('redraws: the button and the hook replace the container node (an injected child is gone)', async () => {
    const d = await open();
    const before = q(d, '#clients-base-app')!;
    before.appendChild(d.window.document.createElement('button')).setAttribute('data-testid', 'export-clients');
    (q(d, '[data-locator="refresh_list"]') as HTMLButtonElement).click();
    const after = q(d, '#clients-base-app')!;
    expect(after).not.toBe(before);
    expect(q(d, '[data-testid="export-clients"]')).toBeNull();
    hooks(d).redraw();
    expect(q(d, '#clients-base-app')).not.toBe(after);
    expect(Number(q(d, '#clients-base-app')!.getAttribute('data-render'))).toBe(hooks(d).renders());
  });

  it('redraws on a timer when uiRedrawMs is set', async () => {
    sim.setKnobs({ uiRedrawMs: 10 });
    const d = await open();
    sim.setKnobs({ uiRedrawMs: 0 });
    const first = q(d, '#clients-base-app');
    await new Promise<void>((resolve) => {
      new d.window.MutationObserver((_m, obs) => {
        if (q(d, '#clients-base-app') !== first) {
          obs.disconnect();
          resolve();
        }
      }).observe(q(d, '#sim-main')!, { childList: true });
    });
    expect(q(d, '#clients-base-app')).not.toBe(first);
  });

  it('navigates in-app with pushState (no reload), and back with popstate', async () => {
    const d = await open();
    (d.window as unknown as { marker: number }).marker = 42;
    (q(d, '[data-locator="nav_timetable"]') as HTMLAnchorElement).click();
    expect(d.window.location.pathname).toBe(`/timetable/${sim.cid}/`);
    expect(q(d, '#clients-base-app')).toBeNull();
    expect(q(d, '#timetable-app [data-locator="page_title"]')?.textContent).toBe('Журнал записи');
    hooks(d).navigate(`/dashboard/${sim.cid}/`);
    expect(q(d, '#dashboard-app')).not.toBeNull();
    hooks(d).navigate(`/clients/${sim.cid}/base/`);
    expect(q(d, '#clients-base-app')).not.toBeNull();
    expect(d.window.history.length).toBe(4);
    expect((d.window as unknown as { marker: number }).marker).toBe(42);
    await new Promise<void>((resolve) => {
      d.window.addEventListener('popstate', () => resolve(), { once: true });
      d.window.history.back();
    });
    expect(d.window.location.pathname).toBe(`/dashboard/${sim.cid}/`);
    expect(q(d, '#dashboard-app')).not.toBeNull();
  });

  it("switches location in-app: the decoy base shows the decoy's rows", async () => {
    const d = await open();
    (q(d, `[data-locator="nav_location_${sim.decoyCid}"]`) as HTMLAnchorElement).click();
    expect(d.window.location.pathname).toBe(`/clients/${sim.decoyCid}/base/`);
    const row = q(d, '#clients-base-app [data-locator^="client_tr_"]')!;
    expect(row.getAttribute('data-locator')).toBe(`client_tr_${sim.truth.ids(sim.decoyCid)[0]}`);
  });

  it('opens the card modal from the deep link #open_card_client_id=…', async () => {
    const id = sim.truth.ids()[3];
    const d = await open('owner', `/clients/${sim.cid}/base/?#open_card_client_id=${id}`);
    expect(q(d, '[data-locator="block_client_edit"]')?.getAttribute('data-client-id')).toBe(String(id));
  });

  it('shows masked phones to the restricted user and «Недостаточно прав» to nobase', async () => {
    const r = await open('restricted');
    const phones = Array.from(r.window.document.querySelectorAll('[data-locator="phone"]'), (e) => e.textContent!).filter(Boolean);
    expect(phones.length).toBeGreaterThan(10);
    for (const p of phones) expect(p).toMatch(/^\+?\d\*+\d{2}$/);
    const n = await open('nobase');
    expect(q(n, '#clients-base-app [data-locator="access_denied"]')?.textContent).toBe('Недостаточно прав');
    expect(n.window.document.querySelectorAll('[data-locator^="client_tr_"]')).toHaveLength(0);
  });
});
