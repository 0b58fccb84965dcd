/**
 * For the SDK's tests only (never imported by the SDK's entries): the real API on a fresh embedded
 * PostgreSQL database, listening on a loopback port, optionally behind a small express app that injects
 * faults (a 503, a 429, a cut connection) in front of it before forwarding.
 */
import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { type RequestHandler } from 'express';
import { createTestApp, type TestApp } from '../test/support/test-app.js';

export interface RunningApi {
  baseUrl: string;
  testApp: TestApp;
  close(): Promise<void>;
}

async function listen(handler: express.Express): Promise<{ server: Server; baseUrl: string }> {
  const server = handler.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { server, baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

/** The real API; `inFront` (if any) sees every request first and may answer it or call `next()`. */
export async function startApi(inFront?: RequestHandler): Promise<RunningApi> {
  const testApp = await createTestApp();
  const outer = express();
  if (inFront) outer.use(inFront);
  outer.use(testApp.app);
  const { server, baseUrl } = await listen(outer);
  return {
    baseUrl,
    testApp,
    async close() {
      // fetch keeps connections alive; close() alone would wait for them to time out.
      server.closeAllConnections();
      server.close();
      await testApp.close();
    },
  };
}

/** A problem+json answer like the API's own, for faults injected in front of it. */
export function sendProblem(res: express.Response, status: number, code: string, headers: Record<string, string> = {}): void {
  res
    .set(headers)
    .status(status)
    .type('application/problem+json')
    .send(
      JSON.stringify({
        type: `https://lecoffre.io/problems/${code}`,
        title: 'Injected by the test',
        status,
        code,
        requestId: 'req_injected',
      }),
    );
}
