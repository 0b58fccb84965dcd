import { readFile } from 'node:fs/promises';
import { LeCoffre } from '@lecoffre/sdk/node';
import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import type { Logger } from 'pino';
import { DeedStore } from './deed-store.js';
import { LeCoffreLink } from './lecoffre-link.js';
import { DEMO_CSS, type DeedTypeOption, deedListPage, deedPage, problemPage, webhooksPage } from './pages.js';
import { WebhookInbox } from './webhook-inbox.js';

export interface DemoHostOptions {
  /** Where this server reaches the LeCoffre API. */
  apiBaseUrl: string;
  /** The office's API key (server side only). */
  apiKey: string;
  logger: Logger;
  /** Where browsers and LeCoffre's webhooks reach this app; default `http://localhost:4000` (`npm start`'s port). */
  publicUrl?: string;
  /** Keeps the deeds, their folders and the webhook secret across restarts (`demo-host.json`); memory only without. */
  dataDir?: string;
  /** The API as browsers reach it (the widgets' script and calls); default `apiBaseUrl`. */
  browserApiUrl?: string;
  /** The signed-in notary the widgets act as; default Caroline Pallut of the demo office. */
  notaryEmail?: string;
}

export const WEBHOOK_PATH = '/webhooks/lecoffre';
const DEFAULT_PUBLIC_URL = 'http://localhost:4000';
const DEFAULT_NOTARY_EMAIL = 'c.pallut.35026@notaires.fr';
const FALLBACK_DEED_TYPES: DeedTypeOption[] = [
  { code: 'vente', label: 'Vente' },
  { code: 'succession', label: 'Succession' },
  { code: 'donation', label: 'Donation' },
];

/** The pages' policy: this app's scripts and styles, the widgets' script and calls to the LeCoffre API. */
function contentSecurityPolicy(apiOrigin: string): string {
  return [
    "default-src 'none'",
    `script-src 'self' ${apiOrigin}`,
    "style-src 'self'",
    `img-src 'self' ${apiOrigin} blob: data:`,
    'frame-src blob:',
    `connect-src 'self' ${apiOrigin}`,
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** demo-host/browser/deed-page.ts as JavaScript, compiled once on first request (esbuild comes with tsx). */
function deedPageScript(): () => Promise<string> {
  let compiled: Promise<string> | undefined;
  return () => {
    compiled ??= (async () => {
      const esbuild = await import('esbuild');
      const source = await readFile(new URL('./browser/deed-page.ts', import.meta.url), 'utf8');
      return (await esbuild.transform(source, { loader: 'ts', format: 'esm', target: 'es2022' })).code;
    })().catch((error: unknown) => {
      compiled = undefined;
      throw error;
    });
    return compiled;
  };
}

/**
 * A sample drafting software ("Logiciel de rédaction — démo") that embeds LeCoffre as a vendor would: its
 * own deeds; for each, a LeCoffre folder made through the SDK with the office's API key, and a page that
 * embeds `<lecoffre-folder>` with a widget session of the signed-in notary bound to that folder; at start
 * it registers a webhook endpoint pointing at itself and shows the (verified) events it receives.
 *
 * Async: it registers the endpoint before answering anything. A failure there (e.g. the API refuses
 * loopback URLs) is logged and shown on /webhooks; the rest of the demo still works.
 */
export async function createDemoHost(options: DemoHostOptions): Promise<Express> {
  const { logger } = options;
  const browserApiUrl = (options.browserApiUrl ?? options.apiBaseUrl).replace(/\/+$/, '');
  const lecoffre = new LeCoffre({ apiKey: options.apiKey, baseUrl: options.apiBaseUrl });
  const deeds = await DeedStore.open(options.dataDir);
  const link = new LeCoffreLink(lecoffre, deeds, options.notaryEmail ?? DEFAULT_NOTARY_EMAIL, logger);
  const inbox = new WebhookInbox(logger);

  const webhookUrl = new URL(WEBHOOK_PATH, options.publicUrl ?? DEFAULT_PUBLIC_URL).href;
  try {
    inbox.useSecret((await link.ensureWebhookEndpoint(webhookUrl)).secret);
  } catch (error) {
    inbox.problem = `l’API refuse l’adresse ${webhookUrl} (${error instanceof Error ? error.message : String(error)}). En local, démarrez l’API avec LECOFFRE_WEBHOOKS_ALLOW_LOOPBACK=true.`;
    logger.warn({ err: error, url: webhookUrl }, 'demo host: webhook endpoint not registered; no webhooks will be shown');
  }

  let deedTypes: Promise<DeedTypeOption[]> | undefined;
  const listDeedTypes = () => {
    deedTypes ??= lecoffre.catalogue.deedTypes
      .list()
      .toArray({ max: 100 })
      .then((types) => types.map((type) => ({ code: type.code, label: type.label })))
      .catch((error: unknown) => {
        logger.warn({ err: error }, 'demo host: deed types not read from LeCoffre; using a short list');
        deedTypes = undefined;
        return FALLBACK_DEED_TYPES;
      });
    return deedTypes;
  };
  const script = deedPageScript();

  // The office's time zone, for the times the demo shows; read again after a minute (a notary may change it).
  let officeZone: { value: Promise<string>; readAt: number } | undefined;
  const officeTimeZone = () => {
    if (!officeZone || Date.now() - officeZone.readAt > 60_000) {
      officeZone = {
        readAt: Date.now(),
        value: lecoffre.office.retrieve().then(
          (office) => office.timeZone,
          () => 'Europe/Paris',
        ),
      };
    }
    return officeZone.value;
  };

  const app = express();
  app.disable('x-powered-by');
  const csp = contentSecurityPolicy(new URL(browserApiUrl).origin);
  app.use((_req, res, next) => {
    res.set({ 'Content-Security-Policy': csp, 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'no-referrer' });
    next();
  });

  // The receiver comes first: it must read the raw body, before any parser touches it.
  app.post(WEBHOOK_PATH, ...inbox.receiver());

  // The demo has no sign-in of its own: at least, other sites' pages may not post to it (CSRF). Browsers
  // say where a request comes from in Sec-Fetch-Site (older ones: Origin, which is "null" on a form post
  // from a no-referrer page like these, so it is not enough alone); scripts and tools send neither.
  app.post('/{*rest}', (req, res, next) => {
    const site = req.get('sec-fetch-site');
    const origin = req.get('origin');
    const crossSite = site
      ? site !== 'same-origin' && site !== 'none'
      : origin !== undefined && origin !== `${req.protocol}://${req.get('host')}`;
    if (crossSite) {
      res.status(403).type('text').send('cross-site request refused');
      return;
    }
    next();
  });

  app.get('/demo.css', (_req, res) => {
    res.type('css').send(DEMO_CSS);
  });
  app.get('/demo.js', async (_req, res) => {
    res.type('text/javascript').send(await script());
  });

  app.get('/', async (_req, res) => {
    res.type('html').send(deedListPage(deeds.list(), await listDeedTypes()));
  });

  app.post('/actes', express.urlencoded({ extended: false, limit: '10kb' }), async (req, res) => {
    const title = String(req.body?.title ?? '').trim();
    const type = (await listDeedTypes()).find((candidate) => candidate.code === req.body?.deedType);
    if (!title || title.length > 200 || !type) {
      res.status(422).type('html').send(problemPage('Acte non créé', 'Donnez un intitulé (200 caractères au plus) et un type d’acte.'));
      return;
    }
    const deed = await deeds.add({ title, deedType: type.code, deedTypeLabel: type.label });
    res.redirect(303, `/actes/${encodeURIComponent(deed.id)}`);
  });

  app.get('/actes/:id', async (req, res) => {
    const deed = deeds.get(req.params.id);
    if (!deed) {
      res.status(404).type('html').send(problemPage('Acte introuvable', 'Cet acte n’existe pas dans le logiciel.'));
      return;
    }
    const folderId = await link.ensureFolder(deed);
    const session = await link.widgetSession(folderId);
    res
      .set('Cache-Control', 'no-store')
      .type('html')
      .send(deedPage({ deed, folderId, token: session.token, apiUrl: browserApiUrl, timeZone: await officeTimeZone() }));
  });

  // A fresh widget session for the same folder, for the page script's `tokenProvider`: the element asks
  // for it when the API refuses the one the page was served with.
  app.post('/actes/:id/session', async (req, res) => {
    const deed = deeds.get(req.params.id);
    if (!deed?.folderId) {
      res.status(404).json({ error: 'no such deed with a folder' });
      return;
    }
    const session = await link.widgetSession(deed.folderId);
    res.set('Cache-Control', 'no-store').json({ token: session.token, expiresAt: session.expiresAt });
  });

  app.get('/webhooks', async (_req, res) => {
    res
      .set('Cache-Control', 'no-store')
      .type('html')
      .send(webhooksPage(inbox.list(), deeds.list(), inbox.problem, await officeTimeZone()));
  });
  app.get('/webhooks.json', (req, res) => {
    const folderId = typeof req.query.folderId === 'string' ? req.query.folderId : undefined;
    res.set('Cache-Control', 'no-store').json(inbox.list(folderId));
  });

  app.use((error: unknown, _req: Request, res: Response, _next: NextFunction) => {
    logger.error({ err: error }, 'demo host: request failed');
    const message = error instanceof Error ? error.message : String(error);
    res.status(502).type('html').send(problemPage('LeCoffre ne répond pas comme prévu', message));
  });
  return app;
}
