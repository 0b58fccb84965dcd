/**
 * OpenTelemetry traces, on only when OTEL_EXPORTER_OTLP_ENDPOINT is set (the standard variable; the other
 * OTEL_* variables apply as the SDK documents them). Off, nothing of the SDK is even loaded.
 *
 * Instrumentation patches http, express and pg as they load, so this module must finish before the API's
 * modules are imported: `scripts/start.ts` awaits it before importing main.ts, and any other entry runs it
 * first with `node --import tsx --import ./api/tracing.ts <entry>`.
 */
if (process.env.OTEL_EXPORTER_OTLP_ENDPOINT) {
  const { startTracing } = await import('./observability/otel-sdk.js');
  startTracing();
}
