/**
 * The demo host in tests, as `npm start` runs it: its port first (its app's redirect URI and webhook URL
 * name it), the demo app registered for that address (seedDemoApp, as main.ts does), then createDemoHost.
 * Offices connect it through the real consent screen, headless (a cookie-keeping HTTP client signed in as a
 * notary of the office) or in Chromium (layout.test.ts).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { systemClock } from '../api/adapters/clock/system-clock.js';
import { httpWebhookTransport } from '../api/adapters/webhooks/http-transport.js';
import { type DemoApp, seedDemoApp } from '../api/db/seed/demo-app.js';
import { sessionCookieName } from '../api/http/hosted/session-cookie.js';
import { dispatchOutbox } from '../api/jobs/dispatch-outbox.js';
import { deliverDue } from '../api/services/webhooks/deliver.js';
import { appWebhookDeps } from '../test/support/oauth-vendor.js';
import { CookieBrowser, createMemberSession, type IdentityTestApp } from '../test/support/test-app.js';
import { createDemoHost } from './server.js';

export interface RunningHost {
  url: string;
  app: DemoApp;
  server: Server;
  get(path: string): Promise<Response>;
}

/** A demo host with its own app (`appDir`: where seedDemoApp keeps it; `dataDir`: the host's own records). */
export async function startDemoHost(
  t: IdentityTestApp,
  options: { appDir: string; dataDir?: string; servers: Server[]; app?: DemoApp },
): Promise<RunningHost> {
  const server = createServer();
  options.servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const app = options.app ?? (await seedDemoApp(t.db, appWebhookDeps(t), { dataDir: options.appDir, demoUrl: url }));
  const handler = await createDemoHost({
    apiBaseUrl: t.baseUrl,
    app,
    logger: pino({ level: 'silent' }),
    publicUrl: url,
    dataDir: options.dataDir,
  });
  server.on('request', handler);
  return { url, app, server, get: (p) => fetch(`${url}${p}`, { redirect: 'manual' }) };
}

/** The id of a seeded demo office, by CRPCEN. */
export async function officeIdOf(t: IdentityTestApp, crpcen: string): Promise<string> {
  return (await t.db.models.Office.findOne({ where: { crpcen }, rejectOnEmpty: true })).id;
}

/**
 * A notary of the office clicks "Connecter un office" in the demo, accepts (or refuses) on LeCoffre's
 * consent screen, and is sent back to the demo's callback: returns the demo's last answer (a redirect to
 * its deeds once connected) and the consent page's text.
 */
export async function connectOffice(
  t: IdentityTestApp,
  host: RunningHost,
  officeId: string,
  answer: 'accept' | 'refuse' = 'accept',
): Promise<{ landed: Response; landedAt: string; consentHtml: string }> {
  const { token } = await createMemberSession(t.db, officeId, { role: 'notary' });
  const browser = new CookieBrowser();
  browser.cookies.set(sessionCookieName(t.config), token);
  const toConsent = await browser.follow(`${host.url}/offices/connecter`);
  const consentUrl = toConsent.visited.at(-1) as string;
  const consentHtml = await toConsent.res.text();
  if (toConsent.res.status !== 200) throw new Error(`no consent screen (${toConsent.res.status}): ${consentHtml}`);
  const back = await browser.follow(`${consentUrl}/${answer}`, {
    method: 'POST',
    form: {},
    headers: { origin: new URL(consentUrl).origin },
  });
  return { landed: back.res, landedAt: back.visited.at(-1) as string, consentHtml };
}

/** One turn of the webhook workers: outbox -> messages -> every due delivery, over HTTP. */
export async function pumpWebhooks(t: IdentityTestApp): Promise<void> {
  await dispatchOutbox({ db: t.db, clock: systemClock });
  await deliverDue({
    db: t.db,
    clock: systemClock,
    sealer: t.webhookSealer,
    transport: httpWebhookTransport({ allowLoopback: true, timeoutMs: 5000 }),
    random: () => 0.5,
  });
}
