import { createRequire } from 'node:module';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { ExpressInstrumentation, ExpressLayerType } from '@opentelemetry/instrumentation-express';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { NodeSDK } from '@opentelemetry/sdk-node';

/** The service name traces carry unless OTEL_SERVICE_NAME says otherwise. */
export const SERVICE_NAME = 'lecoffre-api';

/**
 * Starts the SDK: spans of incoming HTTP requests, of their Express routes and of the PostgreSQL queries
 * made for them, exported over OTLP/HTTP to OTEL_EXPORTER_OTLP_ENDPOINT (`/v1/traces` appended).
 */
export function startTracing(): NodeSDK {
  const sdk = new NodeSDK({
    serviceName: process.env.OTEL_SERVICE_NAME || SERVICE_NAME,
    traceExporter: new OTLPTraceExporter(),
    // Traces only: metrics are Prometheus's (/metrics) and logs go to stdout, whatever OTEL_*_EXPORTER say.
    metricReaders: [],
    logRecordProcessors: [],
    instrumentations: [
      new HttpInstrumentation(),
      // One span for the route handler; not one per middleware (helmet, CORS, body parser…) or per router
      // the request passes through (the app mounts a dozen).
      new ExpressInstrumentation({ ignoreLayersType: [ExpressLayerType.MIDDLEWARE, ExpressLayerType.ROUTER] }),
      // Only queries made for a traced request: pg-boss polls every few seconds and would fill the traces.
      new PgInstrumentation({ requireParentSpan: true }),
    ],
  });
  sdk.start();
  // The instrumentations hook require(); the API imports express and pg as ES modules, which does not go
  // through it. Requiring them here, once patched, puts the patched modules in the cache the imports share.
  const require = createRequire(import.meta.url);
  require('express');
  require('pg');
  // Spans still batched when the process stops are sent first (main.ts exits once its own stop is done).
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, () => void sdk.shutdown().catch(() => {}));
  return sdk;
}
