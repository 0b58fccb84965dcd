import express, { type Request, type Response, type Router } from 'express';
import type { Config } from '../../config.js';
import type { Database } from '../../db/database.js';
import { APP_SCOPE_WORDS, isAppScope } from '../../domain/app-scopes.js';
import { DomainError } from '../../domain/errors.js';
import { DEFAULT_TIME_ZONE } from '../../domain/time-zones.js';
import type { AppAuthorizationServer } from '../../ports/app-authorization.js';
import { disconnectApp } from '../../services/apps/end-app-connection.js';
import { listAppConnections } from '../../services/apps/list-app-connections.js';
import { type Authenticated, authenticateToken } from '../../services/auth/authenticate-token.js';
import { identityDependencies, refuseCrossOrigin } from '../authentication.js';
import { escapeHtml, plainPage } from '../hosted/plain-page.js';
import { readSessionCookie } from '../hosted/session-cookie.js';

const PATH = '/app/applications';

/** In the office's zone: the page is the office's. */
const when = (iso: string | null, timeZone: string) => (iso ? new Date(iso).toLocaleString('fr-FR', { timeZone }) : 'jamais');

/**
 * `/app/applications`: the apps connected to the office, what each may do and when it last called the API,
 * with « Déconnecter » for notaries. Server-rendered forms, no script; the same rules as the API
 * (`apps:read`, `apps:disconnect`), through the same services.
 */
export function connectedAppsRoutes(config: Config, db: Database, server: AppAuthorizationServer): Router {
  const signedIn = async (req: Request): Promise<Authenticated | null> => {
    const cookie = readSessionCookie(req, config);
    if (!cookie) return null;
    const who = await authenticateToken(
      { db, policy: config.sessions, now: identityDependencies(req).clock.now(), ip: req.ip ?? null },
      cookie,
    );
    return who && who.actor.kind === 'member' && !who.pending ? who : null;
  };
  const send = (res: Response, status: number, body: string) => {
    res.status(status).set({ 'Cache-Control': 'no-store', 'Referrer-Policy': 'same-origin' }).type('html').send(body);
  };

  const router = express.Router();
  router.get(PATH, async (req, res, next) => {
    try {
      const who = await signedIn(req);
      if (!who) return res.set('Cache-Control', 'no-store').redirect(303, `/auth/idnot/login?returnTo=${encodeURIComponent(PATH)}`);
      const notary = who.actor.kind === 'member' && who.actor.role === 'notary';
      const [connections, office] = await Promise.all([
        listAppConnections({ db, actor: who.actor }),
        db.models.Office.findByPk(who.actor.officeId),
      ]);
      const timeZone = office?.timeZone ?? DEFAULT_TIME_ZONE;
      const items = connections.map((c) => {
        const scopes = c.scopes.map((s) => `<li>${escapeHtml(isAppScope(s) ? APP_SCOPE_WORDS[s].fr : s)}</li>`).join('');
        const disconnect = notary
          ? `<form method="post" action="${PATH}/${encodeURIComponent(c.id)}/deconnecter"><button type="submit">Déconnecter</button></form>`
          : '';
        return `<li><h2>${escapeHtml(c.app.name)}</h2>
<p>Connectée le ${escapeHtml(when(c.authorizedAt, timeZone))} — dernière utilisation : ${escapeHtml(when(c.lastUsedAt, timeZone))}</p>
<ul>${scopes}</ul>${disconnect}</li>`;
      });
      send(
        res,
        200,
        plainPage({
          title: 'Applications connectées — LeCoffre',
          body: `<h1>Applications connectées</h1>
<p><em lang="en">Connected apps</em></p>
${items.length > 0 ? `<ul>${items.join('\n')}</ul>` : '<p>Aucune application n’est connectée à votre office.</p>'}
<p><a href="/app">Retour à l’espace notaire</a></p>`,
        }),
      );
    } catch (error) {
      next(error);
    }
  });
  router.post(`${PATH}/:id/deconnecter`, async (req, res, next) => {
    try {
      refuseCrossOrigin(req, config.baseUrl);
      const who = await signedIn(req);
      if (!who) return res.set('Cache-Control', 'no-store').redirect(303, `/auth/idnot/login?returnTo=${encodeURIComponent(PATH)}`);
      const { grantId } = await disconnectApp({ db, actor: who.actor }, String(req.params.id));
      await server.revokeGrant(grantId);
      res.set('Cache-Control', 'no-store').redirect(303, PATH);
    } catch (error) {
      if (error instanceof DomainError) {
        return send(
          res,
          error.kind === 'not_found' ? 404 : 403,
          plainPage({ title: 'LeCoffre', body: `<p>${escapeHtml(error.message)}</p>` }),
        );
      }
      next(error);
    }
  });
  return router;
}
