import { isSpanContextValid, trace } from '@opentelemetry/api';

/**
 * A pino mixin: every log line written while a span is active carries its `trace_id` and `span_id`, so a
 * log line leads to its trace and back. Without the SDK (tracing off) there is never an active span and
 * lines are unchanged.
 */
export function traceContextMixin(): Record<string, string> {
  const context = trace.getActiveSpan()?.spanContext();
  if (!context || !isSpanContextValid(context)) return {};
  return { trace_id: context.traceId, span_id: context.spanId };
}
