/**
 * The Node entry's types, compiled with Node's types by sdk/type-tests.test.ts (`tsc -p
 * sdk/type-tests/tsconfig.node.json`), never run: webhook verification is Node-only.
 */
import { type WebhookEvent, webhooks } from '../node.js';

// A raw body, headers and a secret give back a typed event.
declare const rawBody: Uint8Array;
const event: WebhookEvent = webhooks.verify(rawBody, { 'webhook-id': 'msg_1' }, 'whsec_x');
// @ts-expect-error the raw body, not parsed JSON
webhooks.verify({ type: 'folder.created' }, {}, 'whsec_x');
void event;
