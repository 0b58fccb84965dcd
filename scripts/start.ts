/**
 * `npm start`: the API and, in development, the demo drafting software beside it in one process, so that
 * `npm install && npm start` shows the whole product. The demo host is a vendor's application: it speaks to
 * the API over HTTP with the SDK, and the API does not import it; this launcher is what puts them together.
 */
import { createServer } from 'node:http';

// Tracing (when configured) patches http, express and pg as they load: it starts before the API is imported.
await import('../api/tracing.js');
const { closeServer, listen, startApi } = await import('../api/main.js');
const { createDemoHost } = await import('../demo-host/server.js');

await startApi(async ({ config, logger, demo, demoApp }) => {
  if (!demo) return undefined;
  const server = createServer(
    await createDemoHost({
      apiBaseUrl: config.baseUrl,
      // The demo app's secrets, handed over in this process: never printed, never copied by hand.
      app: demoApp,
      logger,
      publicUrl: `http://localhost:${config.demoHostPort}`,
      dataDir: config.dataDir,
    }),
  );
  await listen(server, config.demoHostPort);
  return { banner: [`  Demo host      http://localhost:${config.demoHostPort}`], close: () => closeServer(server) };
});
