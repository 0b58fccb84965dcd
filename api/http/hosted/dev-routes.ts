import express, { type Router } from 'express';
import { readDevOutbox } from '../../composition.js';
import { appServices } from '../app-services.js';
import { escapeHtml, plainPage } from './plain-page.js';

/**
 * Embedded mode only (app.ts never mounts it in production): `GET /dev/outbox` lists the SMS and e-mails
 * "sent", newest first — JSON by default, a page for a browser. `?to=` keeps one recipient's messages.
 */
export function devRoutes(): Router {
  const router = express.Router();
  router.get('/outbox', async (req, res, next) => {
    try {
      const to = typeof req.query.to === 'string' && req.query.to ? req.query.to : undefined;
      const limit = typeof req.query.limit === 'string' ? Number.parseInt(req.query.limit, 10) || undefined : undefined;
      const messages = await readDevOutbox(appServices(req).db, { to, limit });
      res.set('Cache-Control', 'no-store');
      if (req.accepts(['json', 'html']) === 'html') {
        const items = messages
          .map(
            (m) => `<li><strong>${m.kind === 'sms' ? 'SMS' : 'E-mail'}</strong> → ${escapeHtml(m.to)} · <time>${m.createdAt}</time>
${m.subject ? `<div><em>${escapeHtml(m.subject)}</em></div>` : ''}<pre>${escapeHtml(m.text)}</pre></li>`,
          )
          .join('\n');
        const body = `<h1>Boîte d’envoi de développement / Dev outbox</h1>
<p>Messages « envoyés » en mode embarqué, du plus récent au plus ancien.</p>
<ul class="outbox">${items || '<li>Aucun message / No message</li>'}</ul>`;
        res.type('html').send(plainPage({ title: 'Boîte d’envoi (dev)', body }));
        return;
      }
      res.json({ data: messages });
    } catch (error) {
      next(error);
    }
  });
  return router;
}
