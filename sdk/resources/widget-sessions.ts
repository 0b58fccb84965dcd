import type { PostOptions } from '../core/http-client.js';
import { Resource } from '../core/resource.js';
import type { CreateWidgetSessionInput, WidgetSession } from '../types.js';

/**
 * Short-lived tokens (`lcw_…`) a back end mints with its API key for the widgets in its users' browsers:
 * `/v1/widget-sessions`. The browser then uses `new LeCoffre({ token })`.
 */
export class WidgetSessions extends Resource {
  create(body: CreateWidgetSessionInput, options?: PostOptions): Promise<WidgetSession> {
    return this.call('POST /v1/widget-sessions', { json: body }, options);
  }
}
