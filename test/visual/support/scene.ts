/**
 * The stage of the screenshot suite: the real API (in-process, over real HTTP, on its own database of the
 * run's PostgreSQL, with a TestClock that never moves), the demo office seeded as `npm start` seeds it, a
 * real Chromium from the npm package @sparticuz/chromium (always that one, never a system browser, so that
 * every machine draws the baselines with the same build), and browser contexts set up for pictures: French,
 * Paris time, the clock frozen at the server's, the bundled font, motion reduced.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { seedDemoOffice } from '../../../api/db/seed/seed.js';
import { sessionCookieName } from '../../../api/http/hosted/session-cookie.js';
import { openSession, type SessionSubject } from '../../../api/services/auth/sessions.js';
import { CHROMIUM_ARGS } from '../../support/chromium.js';
import { createIdentityTestApp, type IdentityTestApp, TestClock } from '../../support/test-app.js';
import { serveBundledFont } from './fonts.js';
import { trackRequests } from './settle.js';

/**
 * The server's and the browsers' "now". It must be today's date (sessions and widget tokens are checked
 * against the real clock in places); what it shows on screen (dates, times) is frozen in settle.ts.
 */
const NOW = new Date();

export interface Scene {
  t: IdentityTestApp;
  /** The demo office (SELAS AP NOTAIRES) and its API key; the second demo office, empty. */
  officeId: string;
  emptyOfficeId: string;
  apiKey: string;
  browser: Browser;
  /** Calls the API with the demo office's API key (or `auth`); throws on an answer >= 300. */
  call<T = Record<string, unknown>>(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', path: string, body?: object, auth?: string): Promise<T>;
  /** A new page in a fresh context of `width` px, signed in as `who` (cookie), ready for pictures. */
  page(width: number, who?: SessionSubject): Promise<Page>;
  /** A session token for `who` (a member or a client), as their sign-in would give. */
  session(who: SessionSubject): Promise<string>;
  close(): Promise<void>;
}

let executable: Promise<string> | undefined;
/** @sparticuz/chromium's binary, whatever else the machine has: the baselines are this build's drawing. */
export function visualChromium(): Promise<string> {
  executable ??= import('@sparticuz/chromium').then(({ default: packaged }) => packaged.executablePath());
  return executable;
}

export async function openScene(env: NodeJS.ProcessEnv = {}): Promise<Scene> {
  const chromiumPath = visualChromium();
  const t = await createIdentityTestApp({ listen: true, clock: new TestClock(NOW), env });
  const seedDir = await mkdtemp(path.join(tmpdir(), 'lecoffre-visual-'));
  const { officeId, apiKey } = await seedDemoOffice(t.db, seedDir);
  const empty = await t.db.models.Office.findOne({ where: { crpcen: '44999' }, rejectOnEmpty: true });
  const browser = await chromium.launch({ executablePath: await chromiumPath, args: [...CHROMIUM_ARGS, '--font-render-hinting=none'] });
  const contexts: BrowserContext[] = [];

  const session = async (who: SessionSubject) =>
    (
      await openSession(
        t.db,
        who,
        who.kind === 'member' ? 'idnot' : 'sms_code',
        { ip: null, userAgent: null },
        { idleMinutes: 600, absoluteHours: 12 },
        t.clock.now(),
      )
    ).token;

  return {
    t,
    officeId,
    emptyOfficeId: empty.id,
    apiKey,
    browser,
    session,
    async call(method, apiPath, body, auth = `Bearer ${apiKey}`) {
      let request = t.request[method.toLowerCase() as 'get'](apiPath).set('Authorization', auth);
      if (body) request = request.send(body);
      const res = await request;
      if (res.status >= 300) throw new Error(`${method} ${apiPath} -> ${res.status} ${JSON.stringify(res.body)}`);
      return res.body;
    },
    async page(width, who) {
      const context = await browser.newContext({
        viewport: { width, height: 800 },
        deviceScaleFactor: 1,
        locale: 'fr-FR',
        timezoneId: 'Europe/Paris',
        colorScheme: 'light',
        reducedMotion: 'reduce',
        // Only to let the bundled font and axe in: the pages' policies are tested by their own tests.
        bypassCSP: true,
        acceptDownloads: true,
      });
      contexts.push(context);
      await serveBundledFont(context);
      if (who) {
        await context.addCookies([{ name: sessionCookieName(t.config), value: await session(who), url: t.baseUrl }]);
      }
      const page = await context.newPage();
      await page.clock.setFixedTime(t.clock.now());
      trackRequests(page);
      return page;
    },
    async close() {
      for (const context of contexts) await context.close().catch(() => {});
      await browser.close();
      await t.close();
      await rm(seedDir, { recursive: true, force: true });
    },
  };
}

/** The signed-in member of an office by e-mail (the seeded notaries). */
export async function memberOf(scene: Scene, email: string): Promise<SessionSubject> {
  const member = await scene.t.db.models.Member.findOne({ where: { email }, rejectOnEmpty: true });
  return { kind: 'member', officeId: member.officeId, memberId: member.id };
}
