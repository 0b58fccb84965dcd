import { access, constants } from 'node:fs/promises';

/** Flags for headless Chromium in containers and CI (we run as root: no sandbox; no network chatter). */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const SYSTEM_CHROMIUM = '/usr/bin/chromium';

let found: Promise<string> | undefined;

/**
 * A real Chromium for browser and end-to-end tests: $CHROME_PATH, else the distribution's package,
 * else the binary shipped inside the npm package @sparticuz/chromium (so `npm install && npm test`
 * needs no system browser; the first call unpacks it to the temp dir in ~2 s).
 */
export function findChromium(): Promise<string> {
  found ??= (async () => {
    const fromEnv = process.env.CHROME_PATH;
    if (fromEnv) {
      if (!(await isExecutable(fromEnv))) throw new Error(`CHROME_PATH=${fromEnv} is not an executable file`);
      return fromEnv;
    }
    if (await isExecutable(SYSTEM_CHROMIUM)) return SYSTEM_CHROMIUM;
    const { default: chromium } = await import('@sparticuz/chromium');
    return chromium.executablePath();
  })();
  return found;
}

async function isExecutable(file: string): Promise<boolean> {
  try {
    await access(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
