import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { menuAction, MENU_IDS, registerContextMenus } from '../../../extension/entrypoints/background/context-menus';

const tab = { id: 3, windowId: 1 } as Parameters<typeof menuAction>[1];
const click = (menuItemId: string, extra: object = {}) => ({ menuItemId, editable: false, pageUrl: 'https://a.test/', ...extra });

beforeEach(() => {
  fakeBrowser.reset();
});

describe('context menus', () => {
  it('registers the three menus again after a service-worker restart without duplicate ids', async () => {
    const created: string[] = [];
    const menus = {
      removeAll: async () => {
        created.length = 0;
      },
      create: (p: { id?: string }) => {
        created.push(p.id!);
        return p.id!;
      },
    };
    await registerContextMenus(menus as never);
    await registerContextMenus(menus as never);
    expect(created).toEqual([MENU_IDS.caption, MENU_IDS.summarize, MENU_IDS.bias]);
  });

  it('maps "Caption this image" to the clicked image and the selection menus to their tasks', () => {
    expect(menuAction(click(MENU_IDS.caption, { srcUrl: 'https://a.test/x.png' }), tab)).toEqual({
      kind: 'caption',
      tabId: 3,
      srcUrl: 'https://a.test/x.png',
    });
    expect(menuAction(click(MENU_IDS.summarize), tab)).toEqual({ kind: 'selection', tabId: 3, tasks: ['summary', 'entities'] });
    expect(menuAction(click(MENU_IDS.bias), tab)).toEqual({ kind: 'selection', tabId: 3, tasks: ['bias'] });
  });

  it('ignores clicks without a tab (e.g. in the devtools) and menus that are not Loupe’s', () => {
    expect(menuAction(click(MENU_IDS.bias), undefined)).toBeUndefined();
    expect(menuAction(click('someone-else'), tab)).toBeUndefined();
  });
});
