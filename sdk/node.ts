/**
 * The SDK's Node entry (`lecoffre/sdk/node`): everything from the universal entry, plus what needs Node
 * (webhook verification uses node:crypto; it is not on the browser path).
 */
export * from './index.js';
export { verifyWebhook, type WebhookHeaders, WebhookVerificationError, webhooks } from './webhooks/verify-webhook.js';
