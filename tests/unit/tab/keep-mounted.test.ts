// @vitest-environment jsdom
/** The export button on a single-page app: mounted once its anchor appears, put back (not re-rendered) after a redraw. */
import { describe, expect, it, vi } from 'vitest';
import { keepMounted } from '@/utils/tab/keep-mounted';

const tick = () => new Promise((r) => setTimeout(r, 0));

function app(): HTMLElement {
  const el = document.createElement('div');
  el.id = 'clients-base-app';
  el.innerHTML = '<h1 data-locator="page_title">Клиентская база</h1><table></table>';
  return el;
}

describe('keepMounted', () => {
  it('waits for the anchor, then mounts once and moves the same host back after each redraw', async () => {
    document.body.innerHTML = '<main id="sim-main"></main>';
    const host = document.createElement('crm-archive-export');
    const mount = vi.fn(() => {
      const title = document.querySelector('#clients-base-app [data-locator="page_title"]')!;
      title.after(host);
    });
    const stop = keepMounted({ mount, shadowHost: host }, () => document.querySelector('#clients-base-app [data-locator="page_title"]'));
    await tick();
    expect(mount).not.toHaveBeenCalled();

    const main = document.getElementById('sim-main')!;
    main.replaceChildren(app());
    await tick();
    expect(mount).toHaveBeenCalledTimes(1);
    expect(host.previousElementSibling?.getAttribute('data-locator')).toBe('page_title');

    // The app replaces its container: the button is gone with it, then back in the new one.
    const next = app();
    main.replaceChildren(next);
    await tick();
    expect(next.contains(host)).toBe(true);
    expect(mount).toHaveBeenCalledTimes(1);

    stop();
    main.replaceChildren(app());
    await tick();
    expect(host.isConnected).toBe(false);
  });
});
