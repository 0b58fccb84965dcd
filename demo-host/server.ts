import express, { type Express } from 'express';
import type { Logger } from 'pino';

export interface DemoHostOptions {
  apiBaseUrl: string;
  apiKey: string;
  logger: Logger;
}

/**
 * A sample drafting software ("logiciel de rédaction d'actes") that embeds LeCoffre. For now a page that
 * says where things are; the widgets issue turns it into a real embedding through the SDK.
 */
export function createDemoHost({ apiBaseUrl }: DemoHostOptions): Express {
  const app = express();
  app.disable('x-powered-by');
  app.get('/', (_req, res) => {
    res.type('html').send(`<!doctype html>
<html lang="fr">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Logiciel de rédaction — démo</title></head>
<body>
<h1>Logiciel de rédaction — démo</h1>
<p>Cette application de démonstration intégrera bientôt les composants LeCoffre.</p>
<p>L'API LeCoffre tourne sur <a href="${apiBaseUrl}/docs">${apiBaseUrl}/docs</a>.</p>
</body>
</html>`);
  });
  return app;
}
