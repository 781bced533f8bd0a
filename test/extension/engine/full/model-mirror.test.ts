import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { allowModelHub } from '../../../../build/full-assets';
import { DEFAULT_MODEL_MIRROR, loadModelMirror, saveModelMirror } from '../../../../extension/engine/full/model-mirror';

beforeEach(() => {
  fakeBrowser.reset();
});

describe('model mirror', () => {
  it('downloads from the Hub until Options names a mirror on this machine', async () => {
    expect(await loadModelMirror(fakeBrowser.storage.local)).toBe(DEFAULT_MODEL_MIRROR);
    expect(await saveModelMirror(fakeBrowser.storage.local, ' http://127.0.0.1:8080/ ')).toBe('http://127.0.0.1:8080');
    expect(await loadModelMirror(fakeBrowser.storage.local)).toBe('http://127.0.0.1:8080');
  });

  it('refuses a mirror the extension may not connect to, saying what it accepts', async () => {
    for (const bad of ['http://192.168.1.5:8080', 'ftp://127.0.0.1', 'https://evil.example', 'not a url']) {
      await expect(saveModelMirror(fakeBrowser.storage.local, bad)).rejects.toThrow(
        /https:\/\/huggingface\.co or a mirror on this machine/,
      );
    }
    expect(await loadModelMirror(fakeBrowser.storage.local)).toBe(DEFAULT_MODEL_MIRROR);
  });

  it('lets extension pages connect to the Hub and its download CDNs, once', () => {
    const csp = "script-src 'self'; connect-src 'self' ws://127.0.0.1:*";
    const allowed = allowModelHub(csp);
    expect(allowed).toBe(
      "script-src 'self'; connect-src 'self' ws://127.0.0.1:* https://huggingface.co https://*.huggingface.co https://*.hf.co",
    );
    expect(allowModelHub(allowed)).toBe(allowed);
  });
});
