import { readFile } from 'node:fs/promises';
import { OAuthError } from '@lecoffre/sdk/node';
import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import type { Logger } from 'pino';
import { DeedStore } from './deed-store.js';
import { DEMO_CSS } from './demo-css.js';
import { LeCoffreLink } from './lecoffre-link.js';
import { type AppCredentials, ATTEMPT_MS, ConnectionError, OfficeConnections } from './office-connections.js';
import { type DeedTypeOption, deedListPage, deedPage, problemPage, webhooksPage } from './pages.js';
import { WebhookInbox } from './webhook-inbox.js';

export interface DemoHostOptions {
  /** Where this server reaches the LeCoffre API. */
  apiBaseUrl: string;
  /**
   * The software's OAuth app (`npm start` registers it in development; an operator with `npm run apps`
   * elsewhere). Without it the demo shows its pages but connects no office.
   */
  app?: AppCredentials;
  logger: Logger;
  /** Where browsers and LeCoffre's webhooks reach this app; default `http://localhost:4000` (`npm start`'s port). */
  publicUrl?: string;
  /** Keeps the deeds, their folders and the offices' tokens across restarts (`demo-host.json`); memory only without. */
  dataDir?: string;
  /** The API as browsers reach it (the consent screen, the widgets' script and calls); default `apiBaseUrl`. */
  browserApiUrl?: string;
}

export const WEBHOOK_PATH = '/webhooks/lecoffre';
export const CALLBACK_PATH = '/oauth/callback';
const STATE_COOKIE = 'demo_oauth_state';
const DEFAULT_PUBLIC_URL = 'http://localhost:4000';
const FALLBACK_DEED_TYPES: DeedTypeOption[] = [
  { code: 'vente', label: 'Vente' },
  { code: 'succession', label: 'Succession' },
  { code: 'donation', label: 'Donation' },
];
const NOTICES: Record<string, string> = {
  connected: 'Office connecté : le logiciel peut créer ses dossiers dans LeCoffre.',
  disconnected: 'Office déconnecté : le logiciel n’a plus accès à ses dossiers.',
};

const cookie = (req: Request, name: string) =>
  (req.get('cookie') ?? '')
    .split(';')
    .map((part) => part.trim().split('='))
    .find(([key]) => key === name)?.[1];

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
 * A sample drafting software ("Logiciel de rédaction — démo") that embeds LeCoffre as a vendor serving many
 * offices would: each office connects it through LeCoffre's consent screen (OAuth 2.0 app, PKCE), its deeds
 * are filed per office, each deed's LeCoffre folder is made with that office's token and its page embeds
 * `<lecoffre-folder>` with a widget session of that office's notary, and one endpoint receives every
 * connected office's webhooks, checked with the app's secret.
 */
export async function createDemoHost(options: DemoHostOptions): Promise<Express> {
  const { logger, app: credentials } = options;
  const browserApiUrl = (options.browserApiUrl ?? options.apiBaseUrl).replace(/\/+$/, '');
  const deeds = await DeedStore.open(options.dataDir);
  const connections = credentials
    ? new OfficeConnections({ apiBaseUrl: options.apiBaseUrl, browserApiUrl, app: credentials }, deeds, logger)
    : undefined;
  const link = new LeCoffreLink(deeds, logger);
  const inbox = new WebhookInbox(credentials?.webhookSecret, logger, async (event) => {
    // The office ended the connection from LeCoffre (or a refresh token was reused): its tokens are dead.
    if (event.type === 'app.deauthorized') await connections?.forget(event.officeId);
  });

  let deedTypes: Promise<DeedTypeOption[]> | undefined;
  const listDeedTypes = () => {
    // The catalogue is the same for every office: any connected office's token reads it.
    const first = deeds.offices()[0];
    const client = first && connections?.client(first.officeId);
    if (!client) return Promise.resolve(FALLBACK_DEED_TYPES);
    deedTypes ??= client.catalogue.deedTypes
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
  /** The deed and its office's client, or a page saying why not. */
  const deedWithClient = (id: string, res: Response) => {
    const deed = deeds.get(id);
    const office = deed && deeds.office(deed.officeId);
    const client = deed && connections?.client(deed.officeId);
    if (!deed || !office || !client) {
      const [title, text] = deed
        ? ['Office déconnecté', 'L’office de cet acte n’est plus connecté au logiciel : connectez-le de nouveau.']
        : ['Acte introuvable', 'Cet acte n’existe pas dans le logiciel.'];
      res
        .status(deed ? 409 : 404)
        .type('html')
        .send(problemPage(title, text));
      return undefined;
    }
    return { deed, office, client };
  };
  const script = deedPageScript();

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

  app.get('/', async (req, res) => {
    const notice = NOTICES[String(req.query.notice)];
    res
      .set('Cache-Control', 'no-store')
      .type('html')
      .send(deedListPage(deeds.list(), await listDeedTypes(), deeds.offices(), notice));
  });

  // "Connecter un office": a link, not a form (the pages' form-action policy stops a form's redirect to LeCoffre).
  app.get('/offices/connecter', async (_req, res) => {
    if (!connections) {
      res.status(503).type('html').send(problemPage('Connexion impossible', 'Le logiciel n’a pas d’application LeCoffre.'));
      return;
    }
    const { url, state } = await connections.start();
    res.cookie(STATE_COOKIE, state, { httpOnly: true, sameSite: 'lax', path: CALLBACK_PATH, maxAge: ATTEMPT_MS });
    res.set('Cache-Control', 'no-store').redirect(302, url);
  });

  app.get(CALLBACK_PATH, async (req, res) => {
    res.clearCookie(STATE_COOKIE, { path: CALLBACK_PATH });
    try {
      if (!connections) throw new ConnectionError('Le logiciel n’a pas d’application LeCoffre.');
      await connections.complete(new URL(req.originalUrl, options.publicUrl ?? DEFAULT_PUBLIC_URL).href, cookie(req, STATE_COOKIE));
      res.redirect(303, '/?notice=connected');
    } catch (error) {
      if (!(error instanceof ConnectionError || error instanceof OAuthError)) throw error;
      const denied = error instanceof OAuthError && error.error === 'access_denied';
      const text = denied ? 'Le notaire a refusé l’accès : aucun office n’a été connecté.' : error.message;
      res.status(400).type('html').send(problemPage('Office non connecté', text));
    }
  });

  app.post('/offices/:officeId/deconnecter', async (req, res) => {
    await connections?.disconnect(req.params.officeId);
    res.redirect(303, '/?notice=disconnected');
  });

  app.post('/actes', express.urlencoded({ extended: false, limit: '10kb' }), async (req, res) => {
    const title = String(req.body?.title ?? '').trim();
    const officeId = String(req.body?.officeId ?? '');
    const type = (await listDeedTypes()).find((candidate) => candidate.code === req.body?.deedType);
    if (!title || title.length > 200 || !type || !deeds.office(officeId)) {
      const text = 'Choisissez un office connecté, donnez un intitulé (200 caractères au plus) et un type d’acte.';
      res.status(422).type('html').send(problemPage('Acte non créé', text));
      return;
    }
    const deed = await deeds.add({ officeId, title, deedType: type.code, deedTypeLabel: type.label });
    res.redirect(303, `/actes/${encodeURIComponent(deed.id)}`);
  });

  app.get('/actes/:id', async (req, res) => {
    const found = deedWithClient(req.params.id, res);
    if (!found) return;
    const { deed, office, client } = found;
    const folderId = await link.ensureFolder(deed, client);
    const session = await link.widgetSession({ ...deed, folderId }, client);
    res
      .set('Cache-Control', 'no-store')
      .type('html')
      .send(deedPage({ deed, folderId, token: session.token, apiUrl: browserApiUrl, office }));
  });

  // A fresh widget session for the same folder, for the page script's `tokenProvider`: the element asks
  // for it when the API refuses the one the page was served with.
  app.post('/actes/:id/session', async (req, res) => {
    const deed = deeds.get(req.params.id);
    const client = deed && connections?.client(deed.officeId);
    if (!deed?.folderId || !client) {
      res.status(404).json({ error: 'no such deed with a folder, in a connected office' });
      return;
    }
    const session = await link.widgetSession({ ...deed, folderId: deed.folderId }, client);
    res.set('Cache-Control', 'no-store').json({ token: session.token, expiresAt: session.expiresAt });
  });

  app.get('/webhooks', (_req, res) => {
    res
      .set('Cache-Control', 'no-store')
      .type('html')
      .send(webhooksPage(inbox.list(), deeds.list(), inbox.problem, deeds.offices()));
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
