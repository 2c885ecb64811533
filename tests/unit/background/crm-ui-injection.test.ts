/** The background injects the full CRM part only into pages of origins it holds permission for. */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { CRM_UI_FILE, injectCrmUi } from '@/utils/background/crm-ui-injection';

// fakeBrowser has neither `permissions` nor `scripting`: stand-ins that record their calls.
const granted = ['https://demo.s20.online/*'];
const contains = vi.fn(async ({ origins }: { origins: string[] }) => origins.every((o) => granted.includes(o)));
const executeScript = vi.fn(async () => []);
Object.assign(fakeBrowser, { permissions: { contains }, scripting: { executeScript } });

const fromTab = (url: string, over: Record<string, unknown> = {}) => ({
  id: fakeBrowser.runtime.id,
  url,
  frameId: 0,
  tab: { id: 7, url, index: 0, highlighted: false, active: true, pinned: false, incognito: false },
  ...over,
});

describe('injectCrmUi', () => {
  beforeEach(() => {
    contains.mockClear();
    executeScript.mockClear();
  });

  it('injects crm-ui.js into the frame that asked, on a CRM page', async () => {
    await injectCrmUi(fromTab('https://demo.s20.online/company/1/dashboard/index'));
    expect(contains).toHaveBeenCalledWith({ origins: ['https://demo.s20.online/*'] });
    expect(executeScript).toHaveBeenCalledWith({ target: { tabId: 7, frameIds: [0] }, files: [CRM_UI_FILE] });
  });

  it('refuses a page of an origin without host permission', async () => {
    await expect(injectCrmUi(fromTab('https://evil.example/company/1/lead/index'))).rejects.toThrow(/not a CRM origin/);
    expect(executeScript).not.toHaveBeenCalled();
  });

  it('refuses a sender that is no tab, another extension, or no web page', async () => {
    const url = 'https://demo.s20.online/company/1/lead/index';
    await expect(injectCrmUi({ ...fromTab(url), tab: undefined })).rejects.toThrow(/not asked from a tab/);
    await expect(injectCrmUi(fromTab(url, { id: 'another-extension' }))).rejects.toThrow(/not asked from a tab/);
    await expect(injectCrmUi(fromTab('file:///company/1/lead/index'))).rejects.toThrow(/not a web page/);
    // The tab's page counts too, not only the URL the message claims to come from.
    const elsewhere = fromTab(url);
    elsewhere.tab.url = 'https://evil.example/';
    await expect(injectCrmUi(elsewhere)).rejects.toThrow(/not a CRM origin/);
    expect(executeScript).not.toHaveBeenCalled();
  });
});
