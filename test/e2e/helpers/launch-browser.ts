import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type WebWorker } from 'puppeteer-core';
import { onTestFinished } from 'vitest';
import { CHROME_BUILD, CHROMIUM } from './paths';

/** Chromium's software WebGPU (SwiftShader over Vulkan): a WebGPU adapter on a machine without a GPU. */
const SWIFTSHADER_WEBGPU_ARGS = [
  '--enable-unsafe-webgpu',
  '--use-webgpu-adapter=swiftshader',
  '--enable-features=Vulkan',
  '--use-vulkan=swiftshader',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
];

const QUIET_ARGS = [
  '--no-sandbox',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface LaunchOptions {
  /** Start Chromium with a SwiftShader WebGPU adapter (without it, WebGPU has no adapter here). */
  webgpu?: boolean;
  /** Save downloads (exports) into this folder without asking. */
  downloadPath?: string;
  /** The unpacked extension to load (default: the Chrome build the e2e tests use). */
  extensionDir?: string;
  /** The profile folder (default a fresh one, deleted on close); its NativeMessagingHosts is where Chromium finds per-user hosts. */
  userDataDir?: string;
}

export interface ExtensionBrowser {
  readonly browser: Browser;
  /** Loupe's background service worker: drive it with `worker.evaluate(() => globalThis.loupe...)`. */
  readonly worker: WebWorker;
  readonly extensionId: string;
  /** Closes Chromium and deletes its profile; also runs by itself when the test ends, even on a timeout. */
  close(): Promise<void>;
}

/**
 * Launches headless Chromium with the built extension in a fresh profile. The caller closes it
 * (benches); tests use {@link launchWithExtension}, which closes it when the test ends.
 */
export async function startExtensionBrowser(options: LaunchOptions = {}): Promise<ExtensionBrowser> {
  const profile = options.userDataDir ?? (await mkdtemp(join(tmpdir(), 'loupe-e2e-profile-')));
  const browser = await puppeteer.launch({
    executablePath: CHROMIUM,
    headless: true,
    pipe: true,
    enableExtensions: [options.extensionDir ?? CHROME_BUILD],
    args: [...QUIET_ARGS, `--user-data-dir=${profile}`, ...(options.webgpu ? SWIFTSHADER_WEBGPU_ARGS : [])],
    ...(options.downloadPath ? { downloadBehavior: { policy: 'allow' as const, downloadPath: options.downloadPath } } : {}),
  });
  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      await browser.close();
      if (!options.userDataDir) await rm(profile, { recursive: true, force: true });
    })());
  try {
    const target = await browser.waitForTarget((t) => t.type() === 'service_worker' && t.url().startsWith('chrome-extension://'));
    const worker = await target.worker();
    if (!worker) throw new Error(`no worker behind the service worker target ${target.url()}`);
    const extensionId = new URL(target.url()).host;
    return { browser, worker, extensionId, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** Launches headless Chromium with the built extension in a fresh profile, closed when the calling test ends. */
export async function launchWithExtension(options: LaunchOptions = {}): Promise<ExtensionBrowser> {
  const chromium = await startExtensionBrowser(options);
  onTestFinished(chromium.close);
  return chromium;
}
