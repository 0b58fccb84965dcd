/* tslint:disable */
/* eslint-disable */
// WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
import type { TsoaRoute } from '@tsoa/runtime';
import {  fetchMiddlewares, ExpressTemplateService } from '@tsoa/runtime';
// WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
import { WidgetSessionsController } from './../controllers/widget-sessions-controller.js';
// WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
import { WebhookEndpointsController } from './../controllers/webhook-endpoints-controller.js';
// WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
import { OfficeDocumentsController } from './../controllers/office-documents-controller.js';
// WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
import { OfficeController } from './../controllers/office-controller.js';
// WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
import { NotificationSettingsController } from './../controllers/notification-settings-controller.js';
// WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
import { MembersController } from './../controllers/members-controller.js';
// WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
import { MeController } from './../controllers/me-controller.js';
// WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
import { LiveController } from './../controllers/live-controller.js';
// WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
import { FoldersController } from './../controllers/folders-controller.js';
// WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
import { DocumentsController } from './../controllers/documents-controller.js';
// WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
import { FilesController } from './../controllers/files-controller.js';
// WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
import { DocumentRequestsController } from './../controllers/document-requests-controller.js';
// WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
import { ClientsController } from './../controllers/clients-controller.js';
// WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
import { ClientAuthController } from './../controllers/client-auth-controller.js';
// WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
import { CatalogueController } from './../controllers/catalogue-controller.js';
// WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
import { AppConnectionsController } from './../controllers/app-connections-controller.js';
// WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
import { ApiKeysController } from './../controllers/api-keys-controller.js';
// WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
import { AnchoringController } from './../controllers/anchoring-controller.js';
import { expressAuthentication } from './../authentication.js';
// @ts-ignore - no great way to install types from subpackage
import type { Request as ExRequest, Response as ExResponse, RequestHandler, Router } from 'express';

const expressAuthenticationRecasted = expressAuthentication as (req: ExRequest, securityName: string, scopes?: string[], res?: ExResponse) => Promise<any>;


// WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

const models: TsoaRoute.Models = {
    "FieldError": {
        "dataType": "refObject",
        "properties": {
            "path": {"dataType":"string","required":true},
            "message": {"dataType":"string","required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "Problem": {
        "dataType": "refObject",
        "properties": {
            "type": {"dataType":"string","required":true},
            "title": {"dataType":"string","required":true},
            "status": {"dataType":"double","required":true},
            "detail": {"dataType":"string"},
            "code": {"dataType":"string","required":true},
            "requestId": {"dataType":"string"},
            "errors": {"dataType":"array","array":{"dataType":"refObject","ref":"FieldError"}},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "WidgetComponent": {
        "dataType": "refAlias",
        "type": {"dataType":"enum","enums":["folder","folder-list","upload"],"validators":{}},
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "WidgetSession": {
        "dataType": "refObject",
        "properties": {
            "id": {"dataType":"string","required":true},
            "token": {"dataType":"string","required":true},
            "expiresAt": {"dataType":"string","required":true},
            "memberId": {"dataType":"union","subSchemas":[{"dataType":"string"},{"dataType":"enum","enums":[null]}],"required":true},
            "clientId": {"dataType":"union","subSchemas":[{"dataType":"string"},{"dataType":"enum","enums":[null]}],"required":true},
            "folderId": {"dataType":"union","subSchemas":[{"dataType":"string"},{"dataType":"enum","enums":[null]}],"required":true},
            "components": {"dataType":"array","array":{"dataType":"refAlias","ref":"WidgetComponent"},"required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "CreateWidgetSessionInput": {
        "dataType": "refObject",
        "properties": {
            "memberId": {"dataType":"string"},
            "clientId": {"dataType":"string"},
            "folderId": {"dataType":"string"},
            "components": {"dataType":"array","array":{"dataType":"refAlias","ref":"WidgetComponent"}},
            "expiresInMinutes": {"dataType":"integer","validators":{"minimum":{"value":1},"maximum":{"value":60}}},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "WebhookEventType": {
        "dataType": "refAlias",
        "type": {"dataType":"union","subSchemas":[{"dataType":"enum","enums":["folder.created"]},{"dataType":"enum","enums":["folder.updated"]},{"dataType":"enum","enums":["folder.archived"]},{"dataType":"enum","enums":["folder.completed"]},{"dataType":"enum","enums":["client.added"]},{"dataType":"enum","enums":["document.requested"]},{"dataType":"enum","enums":["document.request_cancelled"]},{"dataType":"enum","enums":["document.uploaded"]},{"dataType":"enum","enums":["document.validated"]},{"dataType":"enum","enums":["document.refused"]},{"dataType":"enum","enums":["folder.anchoring_started"]},{"dataType":"enum","enums":["folder.anchored"]},{"dataType":"enum","enums":["folder.anchoring_failed"]},{"dataType":"enum","enums":["member.pending"]},{"dataType":"enum","enums":["app.authorized"]},{"dataType":"enum","enums":["app.deauthorized"]}],"validators":{}},
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "WebhookEndpoint": {
        "dataType": "refObject",
        "properties": {
            "id": {"dataType":"string","required":true},
            "url": {"dataType":"string","required":true},
            "description": {"dataType":"string","required":true},
            "eventTypes": {"dataType":"array","array":{"dataType":"refAlias","ref":"WebhookEventType"},"required":true},
            "enabled": {"dataType":"boolean","required":true},
            "disabledReason": {"dataType":"union","subSchemas":[{"dataType":"enum","enums":["manual"]},{"dataType":"enum","enums":["gone"]},{"dataType":"enum","enums":["failing"]},{"dataType":"enum","enums":[null]}],"required":true},
            "disabledAt": {"dataType":"union","subSchemas":[{"dataType":"datetime"},{"dataType":"enum","enums":[null]}],"required":true},
            "failingSince": {"dataType":"union","subSchemas":[{"dataType":"datetime"},{"dataType":"enum","enums":[null]}],"required":true},
            "previousSecretExpiresAt": {"dataType":"union","subSchemas":[{"dataType":"datetime"},{"dataType":"enum","enums":[null]}],"required":true},
            "createdAt": {"dataType":"datetime","required":true},
            "updatedAt": {"dataType":"datetime","required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "WebhookEndpointPage": {
        "dataType": "refObject",
        "properties": {
            "data": {"dataType":"array","array":{"dataType":"refObject","ref":"WebhookEndpoint"},"required":true},
            "nextCursor": {"dataType":"union","subSchemas":[{"dataType":"string"},{"dataType":"enum","enums":[null]}],"required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "WebhookEndpointWithSecret": {
        "dataType": "refObject",
        "properties": {
            "id": {"dataType":"string","required":true},
            "url": {"dataType":"string","required":true},
            "description": {"dataType":"string","required":true},
            "eventTypes": {"dataType":"array","array":{"dataType":"refAlias","ref":"WebhookEventType"},"required":true},
            "enabled": {"dataType":"boolean","required":true},
            "disabledReason": {"dataType":"union","subSchemas":[{"dataType":"enum","enums":["manual"]},{"dataType":"enum","enums":["gone"]},{"dataType":"enum","enums":["failing"]},{"dataType":"enum","enums":[null]}],"required":true},
            "disabledAt": {"dataType":"union","subSchemas":[{"dataType":"datetime"},{"dataType":"enum","enums":[null]}],"required":true},
            "failingSince": {"dataType":"union","subSchemas":[{"dataType":"datetime"},{"dataType":"enum","enums":[null]}],"required":true},
            "previousSecretExpiresAt": {"dataType":"union","subSchemas":[{"dataType":"datetime"},{"dataType":"enum","enums":[null]}],"required":true},
            "createdAt": {"dataType":"datetime","required":true},
            "updatedAt": {"dataType":"datetime","required":true},
            "secret": {"dataType":"string","required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "CreateWebhookEndpointInput": {
        "dataType": "refObject",
        "properties": {
            "url": {"dataType":"string","required":true,"validators":{"maxLength":{"value":2048}}},
            "description": {"dataType":"string","validators":{"maxLength":{"value":500}}},
            "eventTypes": {"dataType":"array","array":{"dataType":"refAlias","ref":"WebhookEventType"},"validators":{"maxItems":{"value":50}}},
            "enabled": {"dataType":"boolean"},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "UpdateWebhookEndpointInput": {
        "dataType": "refObject",
        "properties": {
            "url": {"dataType":"string","validators":{"maxLength":{"value":2048}}},
            "description": {"dataType":"string","validators":{"maxLength":{"value":500}}},
            "eventTypes": {"dataType":"array","array":{"dataType":"refAlias","ref":"WebhookEventType"},"validators":{"maxItems":{"value":50}}},
            "enabled": {"dataType":"boolean"},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "WebhookAttempt": {
        "dataType": "refObject",
        "properties": {
            "id": {"dataType":"string","required":true},
            "messageId": {"dataType":"string","required":true},
            "webhookId": {"dataType":"string","required":true},
            "eventType": {"dataType":"string","required":true},
            "attempt": {"dataType":"double","required":true},
            "outcome": {"dataType":"union","subSchemas":[{"dataType":"enum","enums":["succeeded"]},{"dataType":"enum","enums":["failed"]}],"required":true},
            "responseStatus": {"dataType":"union","subSchemas":[{"dataType":"double"},{"dataType":"enum","enums":[null]}],"required":true},
            "error": {"dataType":"union","subSchemas":[{"dataType":"string"},{"dataType":"enum","enums":[null]}],"required":true},
            "responseBody": {"dataType":"union","subSchemas":[{"dataType":"string"},{"dataType":"enum","enums":[null]}],"required":true},
            "durationMs": {"dataType":"double","required":true},
            "attemptedAt": {"dataType":"datetime","required":true},
            "nextAttemptAt": {"dataType":"union","subSchemas":[{"dataType":"datetime"},{"dataType":"enum","enums":[null]}],"required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "WebhookAttemptPage": {
        "dataType": "refObject",
        "properties": {
            "data": {"dataType":"array","array":{"dataType":"refObject","ref":"WebhookAttempt"},"required":true},
            "nextCursor": {"dataType":"union","subSchemas":[{"dataType":"string"},{"dataType":"enum","enums":[null]}],"required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "RecoverResult": {
        "dataType": "refObject",
        "properties": {
            "recovered": {"dataType":"double","required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "RecoverInput": {
        "dataType": "refObject",
        "properties": {
            "since": {"dataType":"datetime","required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "WebhookMessage": {
        "dataType": "refObject",
        "properties": {
            "id": {"dataType":"string","required":true},
            "webhookId": {"dataType":"string","required":true},
            "endpointId": {"dataType":"string","required":true},
            "eventType": {"dataType":"string","required":true},
            "folderId": {"dataType":"union","subSchemas":[{"dataType":"string"},{"dataType":"enum","enums":[null]}],"required":true},
            "status": {"dataType":"union","subSchemas":[{"dataType":"enum","enums":["pending"]},{"dataType":"enum","enums":["delivered"]},{"dataType":"enum","enums":["failed"]},{"dataType":"enum","enums":["cancelled"]}],"required":true},
            "attempts": {"dataType":"double","required":true},
            "nextAttemptAt": {"dataType":"union","subSchemas":[{"dataType":"datetime"},{"dataType":"enum","enums":[null]}],"required":true},
            "deliveredAt": {"dataType":"union","subSchemas":[{"dataType":"datetime"},{"dataType":"enum","enums":[null]}],"required":true},
            "createdAt": {"dataType":"datetime","required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "JsonSchema": {
        "dataType": "refObject",
        "properties": {
        },
        "additionalProperties": {"dataType":"any"},
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "EventTypeInfo": {
        "dataType": "refObject",
        "properties": {
            "name": {"dataType":"string","required":true},
            "description": {"dataType":"string","required":true},
            "schema": {"ref":"JsonSchema","required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "EventTypePage": {
        "dataType": "refObject",
        "properties": {
            "data": {"dataType":"array","array":{"dataType":"refObject","ref":"EventTypeInfo"},"required":true},
            "nextCursor": {"dataType":"union","subSchemas":[{"dataType":"string"},{"dataType":"enum","enums":[null]}],"required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "SharedDocument": {
        "dataType": "refObject",
        "properties": {
            "id": {"dataType":"string","required":true},
            "folderId": {"dataType":"string","required":true},
            "kind": {"dataType":"union","subSchemas":[{"dataType":"enum","enums":["bank_details"]},{"dataType":"enum","enums":["file"]}],"required":true},
            "label": {"dataType":"string","required":true},
            "bankDetails": {"dataType":"union","subSchemas":[{"dataType":"nestedObjectLiteral","nestedProperties":{"bic":{"dataType":"union","subSchemas":[{"dataType":"string"},{"dataType":"enum","enums":[null]}],"required":true},"iban":{"dataType":"string","required":true},"holder":{"dataType":"string","required":true},"label":{"dataType":"string","required":true}}},{"dataType":"enum","enums":[null]}],"required":true},
            "fileId": {"dataType":"union","subSchemas":[{"dataType":"string"},{"dataType":"enum","enums":[null]}],"required":true},
            "sharedAt": {"dataType":"datetime","required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "Office": {
        "dataType": "refObject",
        "properties": {
            "id": {"dataType":"string","required":true},
            "name": {"dataType":"string","required":true},
            "crpcen": {"dataType":"string","required":true},
            "address": {"dataType":"string","required":true},
            "timeZone": {"dataType":"string","required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "OfficePatch": {
        "dataType": "refObject",
        "properties": {
            "timeZone": {"dataType":"string"},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "BankDetails": {
        "dataType": "refObject",
        "properties": {
            "id": {"dataType":"string","required":true},
            "label": {"dataType":"string","required":true},
            "holder": {"dataType":"string","required":true},
            "iban": {"dataType":"string","required":true},
            "ibanDisplay": {"dataType":"string","required":true},
            "bic": {"dataType":"union","subSchemas":[{"dataType":"string"},{"dataType":"enum","enums":[null]}],"required":true},
            "version": {"dataType":"double","required":true},
            "createdAt": {"dataType":"datetime","required":true},
            "updatedAt": {"dataType":"datetime","required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "BankDetailsInput": {
        "dataType": "refObject",
        "properties": {
            "label": {"dataType":"string","required":true,"validators":{"minLength":{"value":1},"maxLength":{"value":80}}},
            "holder": {"dataType":"string","required":true,"validators":{"minLength":{"value":1},"maxLength":{"value":140}}},
            "iban": {"dataType":"string","required":true,"validators":{"maxLength":{"value":42}}},
            "bic": {"dataType":"string","validators":{"maxLength":{"value":14}}},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "BankDetailsPatch": {
        "dataType": "refObject",
        "properties": {
            "label": {"dataType":"string","validators":{"minLength":{"value":1},"maxLength":{"value":80}}},
            "holder": {"dataType":"string","validators":{"minLength":{"value":1},"maxLength":{"value":140}}},
            "iban": {"dataType":"string","validators":{"maxLength":{"value":42}}},
            "bic": {"dataType":"string","validators":{"maxLength":{"value":14}}},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "ShareDocumentInput": {
        "dataType": "refObject",
        "properties": {
            "bankDetailsId": {"dataType":"string","required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "NotificationSettings": {
        "dataType": "refObject",
        "properties": {
            "reminderDaysBefore": {"dataType":"integer","required":true,"validators":{"minimum":{"value":0},"maximum":{"value":60}}},
            "reminderEveryDays": {"dataType":"integer","required":true,"validators":{"minimum":{"value":1},"maximum":{"value":60}}},
            "reminderMaxCount": {"dataType":"integer","required":true,"validators":{"minimum":{"value":0},"maximum":{"value":10}}},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "NotificationSettingsPatch": {
        "dataType": "refObject",
        "properties": {
            "reminderDaysBefore": {"dataType":"integer","validators":{"minimum":{"value":0},"maximum":{"value":60}}},
            "reminderEveryDays": {"dataType":"integer","validators":{"minimum":{"value":1},"maximum":{"value":60}}},
            "reminderMaxCount": {"dataType":"integer","validators":{"minimum":{"value":0},"maximum":{"value":10}}},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "Member": {
        "dataType": "refObject",
        "properties": {
            "id": {"dataType":"string","required":true},
            "firstName": {"dataType":"string","required":true},
            "lastName": {"dataType":"string","required":true},
            "email": {"dataType":"string","required":true},
            "role": {"dataType":"union","subSchemas":[{"dataType":"enum","enums":["notary"]},{"dataType":"enum","enums":["collaborator"]}],"required":true},
            "status": {"dataType":"union","subSchemas":[{"dataType":"enum","enums":["pending"]},{"dataType":"enum","enums":["active"]}],"required":true},
            "idnotSubject": {"dataType":"union","subSchemas":[{"dataType":"string"},{"dataType":"enum","enums":[null]}],"required":true},
            "createdAt": {"dataType":"string","required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "MemberPage": {
        "dataType": "refObject",
        "properties": {
            "data": {"dataType":"array","array":{"dataType":"refObject","ref":"Member"},"required":true},
            "nextCursor": {"dataType":"union","subSchemas":[{"dataType":"string"},{"dataType":"enum","enums":[null]}],"required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "Capability": {
        "dataType": "refAlias",
        "type": {"dataType":"enum","enums":["me:read","office:read","office:write","catalogue:read","catalogue:write","folders:read","folders:create","folders:write","live:read","folders:audit","clients:read","clients:create","clients:write","requests:read","requests:write","files:read","files:upload","files:review","bank_details:read","bank_details:write","shared_documents:read","shared_documents:write","anchoring:write","proofs:read","members:read","members:approve","api_keys:manage","apps:read","apps:disconnect","widget_sessions:create","webhooks:read","webhooks:write","notifications:read","notifications:write","client_auth:password"],"validators":{}},
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "Me": {
        "dataType": "refObject",
        "properties": {
            "kind": {"dataType":"union","subSchemas":[{"dataType":"enum","enums":["member"]},{"dataType":"enum","enums":["client"]},{"dataType":"enum","enums":["api_key"]},{"dataType":"enum","enums":["widget"]},{"dataType":"enum","enums":["app"]}],"required":true},
            "office": {"dataType":"nestedObjectLiteral","nestedProperties":{"timeZone":{"dataType":"string","required":true},"crpcen":{"dataType":"string","required":true},"name":{"dataType":"string","required":true},"id":{"dataType":"string","required":true}},"required":true},
            "member": {"dataType":"union","subSchemas":[{"dataType":"nestedObjectLiteral","nestedProperties":{"status":{"dataType":"union","subSchemas":[{"dataType":"enum","enums":["pending"]},{"dataType":"enum","enums":["active"]}],"required":true},"role":{"dataType":"union","subSchemas":[{"dataType":"enum","enums":["notary"]},{"dataType":"enum","enums":["collaborator"]}],"required":true},"email":{"dataType":"string","required":true},"lastName":{"dataType":"string","required":true},"firstName":{"dataType":"string","required":true},"id":{"dataType":"string","required":true}}},{"dataType":"enum","enums":[null]}],"required":true},
            "client": {"dataType":"union","subSchemas":[{"dataType":"nestedObjectLiteral","nestedProperties":{"email":{"dataType":"string","required":true},"lastName":{"dataType":"string","required":true},"firstName":{"dataType":"string","required":true},"id":{"dataType":"string","required":true}}},{"dataType":"enum","enums":[null]}],"required":true},
            "apiKey": {"dataType":"union","subSchemas":[{"dataType":"nestedObjectLiteral","nestedProperties":{"mode":{"dataType":"union","subSchemas":[{"dataType":"enum","enums":["live"]},{"dataType":"enum","enums":["test"]}],"required":true},"name":{"dataType":"string","required":true},"id":{"dataType":"string","required":true}}},{"dataType":"enum","enums":[null]}],"required":true},
            "app": {"dataType":"union","subSchemas":[{"dataType":"nestedObjectLiteral","nestedProperties":{"scopes":{"dataType":"array","array":{"dataType":"string"},"required":true},"name":{"dataType":"string","required":true},"id":{"dataType":"string","required":true}}},{"dataType":"enum","enums":[null]}]},
            "session": {"dataType":"union","subSchemas":[{"dataType":"nestedObjectLiteral","nestedProperties":{"expiresAt":{"dataType":"string","required":true},"kind":{"dataType":"union","subSchemas":[{"dataType":"enum","enums":["session"]},{"dataType":"enum","enums":["widget_session"]}],"required":true},"id":{"dataType":"string","required":true}}},{"dataType":"enum","enums":[null]}],"required":true},
            "folderId": {"dataType":"union","subSchemas":[{"dataType":"string"},{"dataType":"enum","enums":[null]}],"required":true},
            "components": {"dataType":"union","subSchemas":[{"dataType":"array","array":{"dataType":"refAlias","ref":"WidgetComponent"}},{"dataType":"enum","enums":[null]}],"required":true},
            "permissions": {"dataType":"array","array":{"dataType":"refAlias","ref":"Capability"},"required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "FolderDeedType": {
        "dataType": "refObject",
        "properties": {
            "code": {"dataType":"string","required":true},
            "label": {"dataType":"string","required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "Completion": {
        "dataType": "refObject",
        "properties": {
            "validated": {"dataType":"double","required":true},
            "total": {"dataType":"double","required":true},
            "percent": {"dataType":"double","required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "FolderClient": {
        "dataType": "refObject",
        "properties": {
            "id": {"dataType":"string","required":true},
            "lastName": {"dataType":"string","required":true},
            "firstName": {"dataType":"string","required":true},
            "email": {"dataType":"string","required":true},
            "mobile": {"dataType":"string","required":true},
            "completion": {"ref":"Completion","required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "FolderAnchorSummary": {
        "dataType": "refObject",
        "properties": {
            "status": {"dataType":"union","subSchemas":[{"dataType":"enum","enums":["anchoring"]},{"dataType":"enum","enums":["anchored"]},{"dataType":"enum","enums":["anchoring_failed"]}],"required":true},
            "error": {"dataType":"union","subSchemas":[{"dataType":"string"},{"dataType":"enum","enums":[null]}],"required":true},
            "requestedAt": {"dataType":"datetime","required":true},
            "anchoredAt": {"dataType":"union","subSchemas":[{"dataType":"datetime"},{"dataType":"enum","enums":[null]}],"required":true},
            "network": {"dataType":"union","subSchemas":[{"dataType":"string"},{"dataType":"enum","enums":[null]}],"required":true},
            "operationHash": {"dataType":"union","subSchemas":[{"dataType":"string"},{"dataType":"enum","enums":[null]}],"required":true},
            "explorerUrl": {"dataType":"union","subSchemas":[{"dataType":"string"},{"dataType":"enum","enums":[null]}],"required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "Folder": {
        "dataType": "refObject",
        "properties": {
            "id": {"dataType":"string","required":true},
            "number": {"dataType":"string","required":true},
            "title": {"dataType":"string","required":true},
            "deedType": {"ref":"FolderDeedType","required":true},
            "note": {"dataType":"string","required":true},
            "access": {"dataType":"union","subSchemas":[{"dataType":"enum","enums":["office"]},{"dataType":"enum","enums":["members"]}],"required":true},
            "memberIds": {"dataType":"array","array":{"dataType":"string"},"required":true},
            "status": {"dataType":"union","subSchemas":[{"dataType":"enum","enums":["open"]},{"dataType":"enum","enums":["archived"]}],"required":true},
            "completion": {"ref":"Completion","required":true},
            "actionRequired": {"dataType":"boolean","required":true},
            "clients": {"dataType":"array","array":{"dataType":"refObject","ref":"FolderClient"},"required":true},
            "version": {"dataType":"double","required":true},
            "anchor": {"dataType":"union","subSchemas":[{"ref":"FolderAnchorSummary"},{"dataType":"enum","enums":[null]}],"required":true},
            "completedAt": {"dataType":"union","subSchemas":[{"dataType":"datetime"},{"dataType":"enum","enums":[null]}],"required":true},
            "createdAt": {"dataType":"datetime","required":true},
            "updatedAt": {"dataType":"datetime","required":true},
            "archivedAt": {"dataType":"union","subSchemas":[{"dataType":"datetime"},{"dataType":"enum","enums":[null]}],"required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "FolderPage": {
        "dataType": "refObject",
        "properties": {
            "data": {"dataType":"array","array":{"dataType":"refObject","ref":"Folder"},"required":true},
            "nextCursor": {"dataType":"union","subSchemas":[{"dataType":"string"},{"dataType":"enum","enums":[null]}],"required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "FolderSort": {
        "dataType": "refAlias",
        "type": {"dataType":"union","subSchemas":[{"dataType":"enum","enums":["-createdAt"]},{"dataType":"enum","enums":["createdAt"]}],"validators":{}},
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "CreateFolderInput": {
        "dataType": "refObject",
        "properties": {
            "number": {"dataType":"string","required":true,"validators":{"minLength":{"value":1},"maxLength":{"value":50},"pattern":{"value":"^[^\\u0000-\\u001f]*$"}}},
            "title": {"dataType":"string","required":true,"validators":{"minLength":{"value":1},"maxLength":{"value":200},"pattern":{"value":"^[^\\u0000-\\u001f]*$"}}},
            "deedType": {"dataType":"string","required":true},
            "note": {"dataType":"string","validators":{"maxLength":{"value":5000}}},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "UpdateFolderInput": {
        "dataType": "refObject",
        "properties": {
            "number": {"dataType":"string","validators":{"minLength":{"value":1},"maxLength":{"value":50},"pattern":{"value":"^[^\\u0000-\\u001f]*$"}}},
            "title": {"dataType":"string","validators":{"minLength":{"value":1},"maxLength":{"value":200},"pattern":{"value":"^[^\\u0000-\\u001f]*$"}}},
            "deedType": {"dataType":"string"},
            "note": {"dataType":"string","validators":{"maxLength":{"value":5000}}},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "SetFolderAccessInput": {
        "dataType": "refObject",
        "properties": {
            "access": {"dataType":"union","subSchemas":[{"dataType":"enum","enums":["office"]},{"dataType":"enum","enums":["members"]}],"required":true},
            "memberIds": {"dataType":"array","array":{"dataType":"string"},"required":true,"validators":{"maxItems":{"value":200}}},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "AuditEvent": {
        "dataType": "refObject",
        "properties": {
            "id": {"dataType":"string","required":true},
            "action": {"dataType":"string","required":true},
            "recordedAction": {"dataType":"string"},
            "subjectType": {"dataType":"string","required":true},
            "subjectId": {"dataType":"string","required":true},
            "actorKind": {"dataType":"string","required":true},
            "actorId": {"dataType":"union","subSchemas":[{"dataType":"string"},{"dataType":"enum","enums":[null]}],"required":true},
            "credentialId": {"dataType":"union","subSchemas":[{"dataType":"string"},{"dataType":"enum","enums":[null]}],"required":true},
            "ip": {"dataType":"union","subSchemas":[{"dataType":"string"},{"dataType":"enum","enums":[null]}],"required":true},
            "data": {"dataType":"any","required":true},
            "occurredAt": {"dataType":"string","required":true},
            "hash": {"dataType":"string","required":true},
            "prevHash": {"dataType":"string","required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "DocumentFile": {
        "dataType": "refObject",
        "properties": {
            "id": {"dataType":"string","required":true},
            "folderId": {"dataType":"string","required":true},
            "clientId": {"dataType":"string","required":true},
            "requestId": {"dataType":"union","subSchemas":[{"dataType":"string"},{"dataType":"enum","enums":[null]}],"required":true},
            "name": {"dataType":"string","required":true},
            "contentType": {"dataType":"string","required":true},
            "size": {"dataType":"double","required":true},
            "sha256": {"dataType":"string","required":true},
            "sha256Source": {"dataType":"union","subSchemas":[{"dataType":"enum","enums":["client"]},{"dataType":"enum","enums":["server"]}],"required":true},
            "status": {"dataType":"union","subSchemas":[{"dataType":"enum","enums":["pending"]},{"dataType":"enum","enums":["validated"]},{"dataType":"enum","enums":["refused"]}],"required":true},
            "refusalReason": {"dataType":"union","subSchemas":[{"dataType":"string"},{"dataType":"enum","enums":[null]}],"required":true},
            "reviewedBy": {"dataType":"union","subSchemas":[{"dataType":"string"},{"dataType":"enum","enums":[null]}],"required":true},
            "reviewedAt": {"dataType":"union","subSchemas":[{"dataType":"datetime"},{"dataType":"enum","enums":[null]}],"required":true},
            "createdAt": {"dataType":"datetime","required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "RefuseFileInput": {
        "dataType": "refObject",
        "properties": {
            "reason": {"dataType":"string","validators":{"maxLength":{"value":1000}}},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "ExtraFileList": {
        "dataType": "refObject",
        "properties": {
            "data": {"dataType":"array","array":{"dataType":"refObject","ref":"DocumentFile"},"required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "DocumentRequest": {
        "dataType": "refObject",
        "properties": {
            "id": {"dataType":"string","required":true},
            "folderId": {"dataType":"string","required":true},
            "clientId": {"dataType":"string","required":true},
            "documentTypeId": {"dataType":"union","subSchemas":[{"dataType":"string"},{"dataType":"enum","enums":[null]}],"required":true},
            "label": {"dataType":"string","required":true},
            "note": {"dataType":"string","required":true},
            "dueDate": {"dataType":"union","subSchemas":[{"dataType":"string"},{"dataType":"enum","enums":[null]}],"required":true},
            "status": {"dataType":"union","subSchemas":[{"dataType":"enum","enums":["requested"]},{"dataType":"enum","enums":["submitted"]},{"dataType":"enum","enums":["validated"]}],"required":true},
            "files": {"dataType":"array","array":{"dataType":"refObject","ref":"DocumentFile"},"required":true},
            "createdAt": {"dataType":"datetime","required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "RequestedDocument": {
        "dataType": "refObject",
        "properties": {
            "documentType": {"dataType":"string","validators":{"maxLength":{"value":100}}},
            "documentTypeId": {"dataType":"string"},
            "label": {"dataType":"string","validators":{"maxLength":{"value":120}}},
            "note": {"dataType":"string","validators":{"maxLength":{"value":1000}}},
            "dueDate": {"dataType":"string","validators":{"pattern":{"value":"^\\d{4}-\\d{2}-\\d{2}$"}}},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "CreateDocumentRequestsInput": {
        "dataType": "refObject",
        "properties": {
            "clientId": {"dataType":"string","required":true},
            "documents": {"dataType":"array","array":{"dataType":"refObject","ref":"RequestedDocument"},"required":true,"validators":{"minItems":{"value":1},"maxItems":{"value":50}}},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "Client": {
        "dataType": "refObject",
        "properties": {
            "id": {"dataType":"string","required":true},
            "lastName": {"dataType":"string","required":true},
            "firstName": {"dataType":"string","required":true},
            "email": {"dataType":"string","required":true},
            "mobile": {"dataType":"string","required":true},
            "language": {"dataType":"union","subSchemas":[{"dataType":"enum","enums":["fr"]},{"dataType":"enum","enums":["en"]}],"required":true},
            "createdAt": {"dataType":"datetime","required":true},
            "updatedAt": {"dataType":"datetime","required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "ClientPage": {
        "dataType": "refObject",
        "properties": {
            "data": {"dataType":"array","array":{"dataType":"refObject","ref":"Client"},"required":true},
            "nextCursor": {"dataType":"union","subSchemas":[{"dataType":"string"},{"dataType":"enum","enums":[null]}],"required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "ClientFields": {
        "dataType": "refObject",
        "properties": {
            "lastName": {"dataType":"string","required":true,"validators":{"minLength":{"value":1},"maxLength":{"value":100},"pattern":{"value":"^[^\\u0000-\\u001f]*$"}}},
            "firstName": {"dataType":"string","required":true,"validators":{"minLength":{"value":1},"maxLength":{"value":100},"pattern":{"value":"^[^\\u0000-\\u001f]*$"}}},
            "email": {"dataType":"string","required":true,"validators":{"maxLength":{"value":254}}},
            "mobile": {"dataType":"string","required":true,"validators":{"maxLength":{"value":32}}},
            "language": {"dataType":"union","subSchemas":[{"dataType":"enum","enums":["fr"]},{"dataType":"enum","enums":["en"]}]},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "ClientFieldsPatch": {
        "dataType": "refObject",
        "properties": {
            "lastName": {"dataType":"string","validators":{"minLength":{"value":1},"maxLength":{"value":100},"pattern":{"value":"^[^\\u0000-\\u001f]*$"}}},
            "firstName": {"dataType":"string","validators":{"minLength":{"value":1},"maxLength":{"value":100},"pattern":{"value":"^[^\\u0000-\\u001f]*$"}}},
            "email": {"dataType":"string","validators":{"maxLength":{"value":254}}},
            "mobile": {"dataType":"string","validators":{"maxLength":{"value":32}}},
            "language": {"dataType":"union","subSchemas":[{"dataType":"enum","enums":["fr"]},{"dataType":"enum","enums":["en"]}]},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "FolderClientLink": {
        "dataType": "refObject",
        "properties": {
            "client": {"ref":"FolderClient","required":true},
            "folder": {"ref":"Folder","required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "AddFolderClientInput": {
        "dataType": "refObject",
        "properties": {
            "clientId": {"dataType":"string"},
            "client": {"ref":"ClientFields"},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "ClientLoginStarted": {
        "dataType": "refObject",
        "properties": {
            "attempt": {"dataType":"string","required":true},
            "expiresAt": {"dataType":"string","required":true},
            "resendAfter": {"dataType":"string","required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "StartClientLoginInput": {
        "dataType": "refObject",
        "properties": {
            "email": {"dataType":"string","required":true,"validators":{"maxLength":{"value":254}}},
            "officeId": {"dataType":"string"},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "ClientSignedIn": {
        "dataType": "refObject",
        "properties": {
            "client": {"dataType":"nestedObjectLiteral","nestedProperties":{"lastName":{"dataType":"string","required":true},"firstName":{"dataType":"string","required":true},"id":{"dataType":"string","required":true}},"required":true},
            "passwordSet": {"dataType":"boolean","required":true},
            "sessionExpiresAt": {"dataType":"string","required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "VerifyClientCodeInput": {
        "dataType": "refObject",
        "properties": {
            "attempt": {"dataType":"string","required":true},
            "code": {"dataType":"string","required":true,"validators":{"pattern":{"value":"^[0-9]{6}$"}}},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "SetClientPasswordInput": {
        "dataType": "refObject",
        "properties": {
            "password": {"dataType":"string","required":true,"validators":{"maxLength":{"value":128}}},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "ClientPasswordLoginInput": {
        "dataType": "refObject",
        "properties": {
            "email": {"dataType":"string","required":true,"validators":{"maxLength":{"value":254}}},
            "password": {"dataType":"string","required":true,"validators":{"maxLength":{"value":128}}},
            "officeId": {"dataType":"string"},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "DocumentType": {
        "dataType": "refObject",
        "properties": {
            "id": {"dataType":"string","required":true},
            "code": {"dataType":"union","subSchemas":[{"dataType":"string"},{"dataType":"enum","enums":[null]}],"required":true},
            "label": {"dataType":"string","required":true},
            "labelEn": {"dataType":"union","subSchemas":[{"dataType":"string"},{"dataType":"enum","enums":[null]}],"required":true},
            "description": {"dataType":"union","subSchemas":[{"dataType":"string"},{"dataType":"enum","enums":[null]}],"required":true},
            "origin": {"dataType":"union","subSchemas":[{"dataType":"enum","enums":["catalogue"]},{"dataType":"enum","enums":["office"]}],"required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "DeedType": {
        "dataType": "refObject",
        "properties": {
            "id": {"dataType":"string","required":true},
            "code": {"dataType":"string","required":true},
            "label": {"dataType":"string","required":true},
            "labelEn": {"dataType":"string","required":true},
            "suggestedDocumentTypes": {"dataType":"array","array":{"dataType":"refObject","ref":"DocumentType"},"required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "DeedTypeList": {
        "dataType": "refObject",
        "properties": {
            "data": {"dataType":"array","array":{"dataType":"refObject","ref":"DeedType"},"required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "DocumentTypeList": {
        "dataType": "refObject",
        "properties": {
            "data": {"dataType":"array","array":{"dataType":"refObject","ref":"DocumentType"},"required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "CreateDocumentTypeInput": {
        "dataType": "refObject",
        "properties": {
            "label": {"dataType":"string","required":true,"validators":{"minLength":{"value":1},"maxLength":{"value":120}}},
            "description": {"dataType":"string","validators":{"maxLength":{"value":500}}},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "AppConnectionEnd": {
        "dataType": "refAlias",
        "type": {"dataType":"union","subSchemas":[{"dataType":"enum","enums":["disconnected_by_office"]},{"dataType":"enum","enums":["revoked_by_app"]},{"dataType":"enum","enums":["replaced"]},{"dataType":"enum","enums":["token_reuse_detected"]}],"validators":{}},
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "AppConnection": {
        "dataType": "refObject",
        "properties": {
            "id": {"dataType":"string","required":true},
            "officeId": {"dataType":"string","required":true},
            "app": {"dataType":"nestedObjectLiteral","nestedProperties":{"logoUrl":{"dataType":"union","subSchemas":[{"dataType":"string"},{"dataType":"enum","enums":[null]}],"required":true},"name":{"dataType":"string","required":true},"id":{"dataType":"string","required":true}},"required":true},
            "scopes": {"dataType":"array","array":{"dataType":"string"},"required":true},
            "authorizedAt": {"dataType":"string","required":true},
            "authorizedBy": {"dataType":"string","required":true},
            "lastUsedAt": {"dataType":"union","subSchemas":[{"dataType":"string"},{"dataType":"enum","enums":[null]}],"required":true},
            "revokedAt": {"dataType":"union","subSchemas":[{"dataType":"string"},{"dataType":"enum","enums":[null]}],"required":true},
            "revokedReason": {"dataType":"union","subSchemas":[{"ref":"AppConnectionEnd"},{"dataType":"enum","enums":[null]}],"required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "AppConnectionList": {
        "dataType": "refObject",
        "properties": {
            "data": {"dataType":"array","array":{"dataType":"refObject","ref":"AppConnection"},"required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "ApiKey": {
        "dataType": "refObject",
        "properties": {
            "id": {"dataType":"string","required":true},
            "name": {"dataType":"string","required":true},
            "mode": {"dataType":"union","subSchemas":[{"dataType":"enum","enums":["live"]},{"dataType":"enum","enums":["test"]}],"required":true},
            "displayPrefix": {"dataType":"string","required":true},
            "createdByMemberId": {"dataType":"union","subSchemas":[{"dataType":"string"},{"dataType":"enum","enums":[null]}],"required":true},
            "createdAt": {"dataType":"string","required":true},
            "lastUsedAt": {"dataType":"union","subSchemas":[{"dataType":"string"},{"dataType":"enum","enums":[null]}],"required":true},
            "revokedAt": {"dataType":"union","subSchemas":[{"dataType":"string"},{"dataType":"enum","enums":[null]}],"required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "ApiKeyPage": {
        "dataType": "refObject",
        "properties": {
            "data": {"dataType":"array","array":{"dataType":"refObject","ref":"ApiKey"},"required":true},
            "nextCursor": {"dataType":"union","subSchemas":[{"dataType":"string"},{"dataType":"enum","enums":[null]}],"required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "CreatedApiKey": {
        "dataType": "refObject",
        "properties": {
            "id": {"dataType":"string","required":true},
            "name": {"dataType":"string","required":true},
            "mode": {"dataType":"union","subSchemas":[{"dataType":"enum","enums":["live"]},{"dataType":"enum","enums":["test"]}],"required":true},
            "displayPrefix": {"dataType":"string","required":true},
            "createdByMemberId": {"dataType":"union","subSchemas":[{"dataType":"string"},{"dataType":"enum","enums":[null]}],"required":true},
            "createdAt": {"dataType":"string","required":true},
            "lastUsedAt": {"dataType":"union","subSchemas":[{"dataType":"string"},{"dataType":"enum","enums":[null]}],"required":true},
            "revokedAt": {"dataType":"union","subSchemas":[{"dataType":"string"},{"dataType":"enum","enums":[null]}],"required":true},
            "secret": {"dataType":"string","required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
    "CreateApiKeyInput": {
        "dataType": "refObject",
        "properties": {
            "name": {"dataType":"string","required":true,"validators":{"minLength":{"value":1},"maxLength":{"value":100},"pattern":{"value":"^[^\\u0000-\\u001f]*$"}}},
            "mode": {"dataType":"union","subSchemas":[{"dataType":"enum","enums":["live"]},{"dataType":"enum","enums":["test"]}],"required":true},
        },
        "additionalProperties": false,
    },
    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
};
const templateService = new ExpressTemplateService(models, {"noImplicitAdditionalProperties":"throw-on-extras","bodyCoercion":true});

// WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa




export function RegisterRoutes(app: Router) {

    // ###########################################################################################################
    //  NOTE: If you do not see routes for all of your controllers in this file, then you might not have informed tsoa of where to look
    //      Please look into the "controllerPathGlobs" config option described in the readme: https://github.com/lukeautry/tsoa
    // ###########################################################################################################


    
        const argsWidgetSessionsController_createWidgetSession: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
                body: {"in":"body","name":"body","required":true,"ref":"CreateWidgetSessionInput"},
        };
        app.post('/v1/widget-sessions',
            authenticateMiddleware([{"bearer":["widget_sessions:create"]}]),
            ...(fetchMiddlewares<RequestHandler>(WidgetSessionsController)),
            ...(fetchMiddlewares<RequestHandler>(WidgetSessionsController.prototype.createWidgetSession)),

            async function WidgetSessionsController_createWidgetSession(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsWidgetSessionsController_createWidgetSession, request, response });

                const controller = new WidgetSessionsController();

              await templateService.apiHandler({
                methodName: 'createWidgetSession',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: 201,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsWebhookEndpointsController_listWebhookEndpoints: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
                limit: {"in":"query","name":"limit","dataType":"integer","validators":{"isInt":{"errorMsg":"limit"},"minimum":{"value":1},"maximum":{"value":100}}},
                cursor: {"in":"query","name":"cursor","dataType":"string"},
        };
        app.get('/v1/webhook-endpoints',
            authenticateMiddleware([{"bearer":["webhooks:read"]}]),
            ...(fetchMiddlewares<RequestHandler>(WebhookEndpointsController)),
            ...(fetchMiddlewares<RequestHandler>(WebhookEndpointsController.prototype.listWebhookEndpoints)),

            async function WebhookEndpointsController_listWebhookEndpoints(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsWebhookEndpointsController_listWebhookEndpoints, request, response });

                const controller = new WebhookEndpointsController();

              await templateService.apiHandler({
                methodName: 'listWebhookEndpoints',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: undefined,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsWebhookEndpointsController_createWebhookEndpoint: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
                body: {"in":"body","name":"body","required":true,"ref":"CreateWebhookEndpointInput"},
        };
        app.post('/v1/webhook-endpoints',
            authenticateMiddleware([{"bearer":["webhooks:write"]}]),
            ...(fetchMiddlewares<RequestHandler>(WebhookEndpointsController)),
            ...(fetchMiddlewares<RequestHandler>(WebhookEndpointsController.prototype.createWebhookEndpoint)),

            async function WebhookEndpointsController_createWebhookEndpoint(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsWebhookEndpointsController_createWebhookEndpoint, request, response });

                const controller = new WebhookEndpointsController();

              await templateService.apiHandler({
                methodName: 'createWebhookEndpoint',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: 201,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsWebhookEndpointsController_getWebhookEndpoint: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
                id: {"in":"path","name":"id","required":true,"dataType":"string"},
        };
        app.get('/v1/webhook-endpoints/:id',
            authenticateMiddleware([{"bearer":["webhooks:read"]}]),
            ...(fetchMiddlewares<RequestHandler>(WebhookEndpointsController)),
            ...(fetchMiddlewares<RequestHandler>(WebhookEndpointsController.prototype.getWebhookEndpoint)),

            async function WebhookEndpointsController_getWebhookEndpoint(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsWebhookEndpointsController_getWebhookEndpoint, request, response });

                const controller = new WebhookEndpointsController();

              await templateService.apiHandler({
                methodName: 'getWebhookEndpoint',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: undefined,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsWebhookEndpointsController_updateWebhookEndpoint: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
                id: {"in":"path","name":"id","required":true,"dataType":"string"},
                body: {"in":"body","name":"body","required":true,"ref":"UpdateWebhookEndpointInput"},
        };
        app.patch('/v1/webhook-endpoints/:id',
            authenticateMiddleware([{"bearer":["webhooks:write"]}]),
            ...(fetchMiddlewares<RequestHandler>(WebhookEndpointsController)),
            ...(fetchMiddlewares<RequestHandler>(WebhookEndpointsController.prototype.updateWebhookEndpoint)),

            async function WebhookEndpointsController_updateWebhookEndpoint(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsWebhookEndpointsController_updateWebhookEndpoint, request, response });

                const controller = new WebhookEndpointsController();

              await templateService.apiHandler({
                methodName: 'updateWebhookEndpoint',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: undefined,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsWebhookEndpointsController_deleteWebhookEndpoint: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
                id: {"in":"path","name":"id","required":true,"dataType":"string"},
        };
        app.delete('/v1/webhook-endpoints/:id',
            authenticateMiddleware([{"bearer":["webhooks:write"]}]),
            ...(fetchMiddlewares<RequestHandler>(WebhookEndpointsController)),
            ...(fetchMiddlewares<RequestHandler>(WebhookEndpointsController.prototype.deleteWebhookEndpoint)),

            async function WebhookEndpointsController_deleteWebhookEndpoint(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsWebhookEndpointsController_deleteWebhookEndpoint, request, response });

                const controller = new WebhookEndpointsController();

              await templateService.apiHandler({
                methodName: 'deleteWebhookEndpoint',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: 204,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsWebhookEndpointsController_rotateWebhookSecret: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
                id: {"in":"path","name":"id","required":true,"dataType":"string"},
        };
        app.post('/v1/webhook-endpoints/:id/rotate-secret',
            authenticateMiddleware([{"bearer":["webhooks:write"]}]),
            ...(fetchMiddlewares<RequestHandler>(WebhookEndpointsController)),
            ...(fetchMiddlewares<RequestHandler>(WebhookEndpointsController.prototype.rotateWebhookSecret)),

            async function WebhookEndpointsController_rotateWebhookSecret(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsWebhookEndpointsController_rotateWebhookSecret, request, response });

                const controller = new WebhookEndpointsController();

              await templateService.apiHandler({
                methodName: 'rotateWebhookSecret',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: undefined,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsWebhookEndpointsController_listWebhookAttempts: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
                id: {"in":"path","name":"id","required":true,"dataType":"string"},
                limit: {"in":"query","name":"limit","dataType":"integer","validators":{"isInt":{"errorMsg":"limit"},"minimum":{"value":1},"maximum":{"value":100}}},
                cursor: {"in":"query","name":"cursor","dataType":"string"},
        };
        app.get('/v1/webhook-endpoints/:id/attempts',
            authenticateMiddleware([{"bearer":["webhooks:read"]}]),
            ...(fetchMiddlewares<RequestHandler>(WebhookEndpointsController)),
            ...(fetchMiddlewares<RequestHandler>(WebhookEndpointsController.prototype.listWebhookAttempts)),

            async function WebhookEndpointsController_listWebhookAttempts(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsWebhookEndpointsController_listWebhookAttempts, request, response });

                const controller = new WebhookEndpointsController();

              await templateService.apiHandler({
                methodName: 'listWebhookAttempts',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: undefined,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsWebhookEndpointsController_recoverWebhookMessages: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
                id: {"in":"path","name":"id","required":true,"dataType":"string"},
                body: {"in":"body","name":"body","required":true,"ref":"RecoverInput"},
        };
        app.post('/v1/webhook-endpoints/:id/recover',
            authenticateMiddleware([{"bearer":["webhooks:write"]}]),
            ...(fetchMiddlewares<RequestHandler>(WebhookEndpointsController)),
            ...(fetchMiddlewares<RequestHandler>(WebhookEndpointsController.prototype.recoverWebhookMessages)),

            async function WebhookEndpointsController_recoverWebhookMessages(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsWebhookEndpointsController_recoverWebhookMessages, request, response });

                const controller = new WebhookEndpointsController();

              await templateService.apiHandler({
                methodName: 'recoverWebhookMessages',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: undefined,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsWebhookEndpointsController_resendWebhookMessage: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
                id: {"in":"path","name":"id","required":true,"dataType":"string"},
        };
        app.post('/v1/webhook-messages/:id/resend',
            authenticateMiddleware([{"bearer":["webhooks:write"]}]),
            ...(fetchMiddlewares<RequestHandler>(WebhookEndpointsController)),
            ...(fetchMiddlewares<RequestHandler>(WebhookEndpointsController.prototype.resendWebhookMessage)),

            async function WebhookEndpointsController_resendWebhookMessage(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsWebhookEndpointsController_resendWebhookMessage, request, response });

                const controller = new WebhookEndpointsController();

              await templateService.apiHandler({
                methodName: 'resendWebhookMessage',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: 202,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsWebhookEndpointsController_listEventTypes: Record<string, TsoaRoute.ParameterSchema> = {
        };
        app.get('/v1/event-types',
            authenticateMiddleware([{"bearer":["webhooks:read"]}]),
            ...(fetchMiddlewares<RequestHandler>(WebhookEndpointsController)),
            ...(fetchMiddlewares<RequestHandler>(WebhookEndpointsController.prototype.listEventTypes)),

            async function WebhookEndpointsController_listEventTypes(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsWebhookEndpointsController_listEventTypes, request, response });

                const controller = new WebhookEndpointsController();

              await templateService.apiHandler({
                methodName: 'listEventTypes',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: undefined,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsOfficeDocumentsController_shareOfficeFile: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
                id: {"in":"path","name":"id","required":true,"dataType":"string"},
        };
        app.post('/v1/folders/:id/shared-files',
            authenticateMiddleware([{"bearer":["shared_documents:write"]}]),
            ...(fetchMiddlewares<RequestHandler>(OfficeDocumentsController)),
            ...(fetchMiddlewares<RequestHandler>(OfficeDocumentsController.prototype.shareOfficeFile)),

            async function OfficeDocumentsController_shareOfficeFile(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsOfficeDocumentsController_shareOfficeFile, request, response });

                const controller = new OfficeDocumentsController();

              await templateService.apiHandler({
                methodName: 'shareOfficeFile',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: 201,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsOfficeDocumentsController_downloadSharedDocument: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
                id: {"in":"path","name":"id","required":true,"dataType":"string"},
        };
        app.get('/v1/shared-documents/:id/download',
            authenticateMiddleware([{"bearer":["shared_documents:read"]}]),
            ...(fetchMiddlewares<RequestHandler>(OfficeDocumentsController)),
            ...(fetchMiddlewares<RequestHandler>(OfficeDocumentsController.prototype.downloadSharedDocument)),

            async function OfficeDocumentsController_downloadSharedDocument(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsOfficeDocumentsController_downloadSharedDocument, request, response });

                const controller = new OfficeDocumentsController();

              await templateService.apiHandler({
                methodName: 'downloadSharedDocument',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: 200,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsOfficeController_getOffice: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
        };
        app.get('/v1/office',
            authenticateMiddleware([{"bearer":["office:read"]}]),
            ...(fetchMiddlewares<RequestHandler>(OfficeController)),
            ...(fetchMiddlewares<RequestHandler>(OfficeController.prototype.getOffice)),

            async function OfficeController_getOffice(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsOfficeController_getOffice, request, response });

                const controller = new OfficeController();

              await templateService.apiHandler({
                methodName: 'getOffice',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: undefined,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsOfficeController_updateOffice: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
                body: {"in":"body","name":"body","required":true,"ref":"OfficePatch"},
        };
        app.patch('/v1/office',
            authenticateMiddleware([{"bearer":["office:write"]}]),
            ...(fetchMiddlewares<RequestHandler>(OfficeController)),
            ...(fetchMiddlewares<RequestHandler>(OfficeController.prototype.updateOffice)),

            async function OfficeController_updateOffice(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsOfficeController_updateOffice, request, response });

                const controller = new OfficeController();

              await templateService.apiHandler({
                methodName: 'updateOffice',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: undefined,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsOfficeController_listBankDetails: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
        };
        app.get('/v1/office/bank-details',
            authenticateMiddleware([{"bearer":["bank_details:read"]}]),
            ...(fetchMiddlewares<RequestHandler>(OfficeController)),
            ...(fetchMiddlewares<RequestHandler>(OfficeController.prototype.listBankDetails)),

            async function OfficeController_listBankDetails(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsOfficeController_listBankDetails, request, response });

                const controller = new OfficeController();

              await templateService.apiHandler({
                methodName: 'listBankDetails',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: undefined,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsOfficeController_createBankDetails: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
                body: {"in":"body","name":"body","required":true,"ref":"BankDetailsInput"},
        };
        app.post('/v1/office/bank-details',
            authenticateMiddleware([{"bearer":["bank_details:write"]}]),
            ...(fetchMiddlewares<RequestHandler>(OfficeController)),
            ...(fetchMiddlewares<RequestHandler>(OfficeController.prototype.createBankDetails)),

            async function OfficeController_createBankDetails(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsOfficeController_createBankDetails, request, response });

                const controller = new OfficeController();

              await templateService.apiHandler({
                methodName: 'createBankDetails',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: 201,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsOfficeController_getBankDetails: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
                id: {"in":"path","name":"id","required":true,"dataType":"string"},
        };
        app.get('/v1/office/bank-details/:id',
            authenticateMiddleware([{"bearer":["bank_details:read"]}]),
            ...(fetchMiddlewares<RequestHandler>(OfficeController)),
            ...(fetchMiddlewares<RequestHandler>(OfficeController.prototype.getBankDetails)),

            async function OfficeController_getBankDetails(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsOfficeController_getBankDetails, request, response });

                const controller = new OfficeController();

              await templateService.apiHandler({
                methodName: 'getBankDetails',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: undefined,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsOfficeController_updateBankDetails: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
                id: {"in":"path","name":"id","required":true,"dataType":"string"},
                body: {"in":"body","name":"body","required":true,"ref":"BankDetailsPatch"},
                ifMatch: {"in":"header","name":"If-Match","dataType":"string"},
        };
        app.patch('/v1/office/bank-details/:id',
            authenticateMiddleware([{"bearer":["bank_details:write"]}]),
            ...(fetchMiddlewares<RequestHandler>(OfficeController)),
            ...(fetchMiddlewares<RequestHandler>(OfficeController.prototype.updateBankDetails)),

            async function OfficeController_updateBankDetails(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsOfficeController_updateBankDetails, request, response });

                const controller = new OfficeController();

              await templateService.apiHandler({
                methodName: 'updateBankDetails',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: undefined,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsOfficeController_deleteBankDetails: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
                id: {"in":"path","name":"id","required":true,"dataType":"string"},
        };
        app.delete('/v1/office/bank-details/:id',
            authenticateMiddleware([{"bearer":["bank_details:write"]}]),
            ...(fetchMiddlewares<RequestHandler>(OfficeController)),
            ...(fetchMiddlewares<RequestHandler>(OfficeController.prototype.deleteBankDetails)),

            async function OfficeController_deleteBankDetails(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsOfficeController_deleteBankDetails, request, response });

                const controller = new OfficeController();

              await templateService.apiHandler({
                methodName: 'deleteBankDetails',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: 204,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsOfficeController_shareDocument: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
                id: {"in":"path","name":"id","required":true,"dataType":"string"},
                body: {"in":"body","name":"body","required":true,"ref":"ShareDocumentInput"},
        };
        app.post('/v1/folders/:id/shared-documents',
            authenticateMiddleware([{"bearer":["shared_documents:write"]}]),
            ...(fetchMiddlewares<RequestHandler>(OfficeController)),
            ...(fetchMiddlewares<RequestHandler>(OfficeController.prototype.shareDocument)),

            async function OfficeController_shareDocument(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsOfficeController_shareDocument, request, response });

                const controller = new OfficeController();

              await templateService.apiHandler({
                methodName: 'shareDocument',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: 201,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsOfficeController_listSharedDocuments: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
                id: {"in":"path","name":"id","required":true,"dataType":"string"},
        };
        app.get('/v1/folders/:id/shared-documents',
            authenticateMiddleware([{"bearer":["shared_documents:read"]}]),
            ...(fetchMiddlewares<RequestHandler>(OfficeController)),
            ...(fetchMiddlewares<RequestHandler>(OfficeController.prototype.listSharedDocuments)),

            async function OfficeController_listSharedDocuments(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsOfficeController_listSharedDocuments, request, response });

                const controller = new OfficeController();

              await templateService.apiHandler({
                methodName: 'listSharedDocuments',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: undefined,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsNotificationSettingsController_getNotificationSettings: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
        };
        app.get('/v1/office/notification-settings',
            authenticateMiddleware([{"bearer":["notifications:read"]}]),
            ...(fetchMiddlewares<RequestHandler>(NotificationSettingsController)),
            ...(fetchMiddlewares<RequestHandler>(NotificationSettingsController.prototype.getNotificationSettings)),

            async function NotificationSettingsController_getNotificationSettings(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsNotificationSettingsController_getNotificationSettings, request, response });

                const controller = new NotificationSettingsController();

              await templateService.apiHandler({
                methodName: 'getNotificationSettings',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: undefined,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsNotificationSettingsController_updateNotificationSettings: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
                body: {"in":"body","name":"body","required":true,"ref":"NotificationSettingsPatch"},
        };
        app.patch('/v1/office/notification-settings',
            authenticateMiddleware([{"bearer":["notifications:write"]}]),
            ...(fetchMiddlewares<RequestHandler>(NotificationSettingsController)),
            ...(fetchMiddlewares<RequestHandler>(NotificationSettingsController.prototype.updateNotificationSettings)),

            async function NotificationSettingsController_updateNotificationSettings(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsNotificationSettingsController_updateNotificationSettings, request, response });

                const controller = new NotificationSettingsController();

              await templateService.apiHandler({
                methodName: 'updateNotificationSettings',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: undefined,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsMembersController_listMembers: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
                status: {"in":"query","name":"status","dataType":"union","subSchemas":[{"dataType":"enum","enums":["pending"]},{"dataType":"enum","enums":["active"]}]},
                limit: {"in":"query","name":"limit","dataType":"integer","validators":{"isInt":{"errorMsg":"limit"},"minimum":{"value":1},"maximum":{"value":100}}},
                cursor: {"in":"query","name":"cursor","dataType":"string"},
        };
        app.get('/v1/members',
            authenticateMiddleware([{"bearer":["members:read"]}]),
            ...(fetchMiddlewares<RequestHandler>(MembersController)),
            ...(fetchMiddlewares<RequestHandler>(MembersController.prototype.listMembers)),

            async function MembersController_listMembers(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsMembersController_listMembers, request, response });

                const controller = new MembersController();

              await templateService.apiHandler({
                methodName: 'listMembers',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: undefined,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsMembersController_approveMember: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
                id: {"in":"path","name":"id","required":true,"dataType":"string"},
        };
        app.post('/v1/members/:id/approve',
            authenticateMiddleware([{"bearer":["members:approve"]}]),
            ...(fetchMiddlewares<RequestHandler>(MembersController)),
            ...(fetchMiddlewares<RequestHandler>(MembersController.prototype.approveMember)),

            async function MembersController_approveMember(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsMembersController_approveMember, request, response });

                const controller = new MembersController();

              await templateService.apiHandler({
                methodName: 'approveMember',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: undefined,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsMeController_getMe: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
        };
        app.get('/v1/me',
            authenticateMiddleware([{"bearer":["me:read"]}]),
            ...(fetchMiddlewares<RequestHandler>(MeController)),
            ...(fetchMiddlewares<RequestHandler>(MeController.prototype.getMe)),

            async function MeController_getMe(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsMeController_getMe, request, response });

                const controller = new MeController();

              await templateService.apiHandler({
                methodName: 'getMe',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: undefined,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsLiveController_followFolder: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
                id: {"in":"path","name":"id","required":true,"dataType":"string"},
                follow: {"in":"query","name":"follow","dataType":"boolean"},
                lastEventId: {"in":"query","name":"lastEventId","dataType":"string"},
        };
        app.get('/v1/folders/:id/live',
            authenticateMiddleware([{"bearer":["live:read"]}]),
            ...(fetchMiddlewares<RequestHandler>(LiveController)),
            ...(fetchMiddlewares<RequestHandler>(LiveController.prototype.followFolder)),

            async function LiveController_followFolder(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsLiveController_followFolder, request, response });

                const controller = new LiveController();

              await templateService.apiHandler({
                methodName: 'followFolder',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: 200,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsLiveController_followOffice: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
                follow: {"in":"query","name":"follow","dataType":"boolean"},
                lastEventId: {"in":"query","name":"lastEventId","dataType":"string"},
        };
        app.get('/v1/office/live',
            authenticateMiddleware([{"bearer":["live:read"]}]),
            ...(fetchMiddlewares<RequestHandler>(LiveController)),
            ...(fetchMiddlewares<RequestHandler>(LiveController.prototype.followOffice)),

            async function LiveController_followOffice(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsLiveController_followOffice, request, response });

                const controller = new LiveController();

              await templateService.apiHandler({
                methodName: 'followOffice',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: 200,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsFoldersController_listFolders: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
                status: {"in":"query","name":"status","dataType":"union","subSchemas":[{"dataType":"enum","enums":["open"]},{"dataType":"enum","enums":["archived"]}]},
                q: {"in":"query","name":"q","dataType":"string"},
                limit: {"in":"query","name":"limit","dataType":"integer","validators":{"isInt":{"errorMsg":"limit"},"minimum":{"value":1},"maximum":{"value":100}}},
                cursor: {"in":"query","name":"cursor","dataType":"string"},
                needsAction: {"in":"query","name":"needsAction","dataType":"boolean"},
                updatedSince: {"in":"query","name":"updatedSince","dataType":"datetime"},
                deedType: {"in":"query","name":"deedType","dataType":"string"},
                clientId: {"in":"query","name":"clientId","dataType":"string"},
                sort: {"in":"query","name":"sort","ref":"FolderSort"},
        };
        app.get('/v1/folders',
            authenticateMiddleware([{"bearer":["folders:read"]}]),
            ...(fetchMiddlewares<RequestHandler>(FoldersController)),
            ...(fetchMiddlewares<RequestHandler>(FoldersController.prototype.listFolders)),

            async function FoldersController_listFolders(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsFoldersController_listFolders, request, response });

                const controller = new FoldersController();

              await templateService.apiHandler({
                methodName: 'listFolders',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: undefined,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsFoldersController_createFolder: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
                body: {"in":"body","name":"body","required":true,"ref":"CreateFolderInput"},
        };
        app.post('/v1/folders',
            authenticateMiddleware([{"bearer":["folders:create"]}]),
            ...(fetchMiddlewares<RequestHandler>(FoldersController)),
            ...(fetchMiddlewares<RequestHandler>(FoldersController.prototype.createFolder)),

            async function FoldersController_createFolder(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsFoldersController_createFolder, request, response });

                const controller = new FoldersController();

              await templateService.apiHandler({
                methodName: 'createFolder',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: 201,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsFoldersController_getFolder: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
                id: {"in":"path","name":"id","required":true,"dataType":"string"},
        };
        app.get('/v1/folders/:id',
            authenticateMiddleware([{"bearer":["folders:read"]}]),
            ...(fetchMiddlewares<RequestHandler>(FoldersController)),
            ...(fetchMiddlewares<RequestHandler>(FoldersController.prototype.getFolder)),

            async function FoldersController_getFolder(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsFoldersController_getFolder, request, response });

                const controller = new FoldersController();

              await templateService.apiHandler({
                methodName: 'getFolder',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: undefined,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsFoldersController_updateFolder: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
                id: {"in":"path","name":"id","required":true,"dataType":"string"},
                body: {"in":"body","name":"body","required":true,"ref":"UpdateFolderInput"},
                ifMatch: {"in":"header","name":"If-Match","dataType":"string"},
        };
        app.patch('/v1/folders/:id',
            authenticateMiddleware([{"bearer":["folders:write"]}]),
            ...(fetchMiddlewares<RequestHandler>(FoldersController)),
            ...(fetchMiddlewares<RequestHandler>(FoldersController.prototype.updateFolder)),

            async function FoldersController_updateFolder(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsFoldersController_updateFolder, request, response });

                const controller = new FoldersController();

              await templateService.apiHandler({
                methodName: 'updateFolder',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: undefined,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsFoldersController_setFolderAccess: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
                id: {"in":"path","name":"id","required":true,"dataType":"string"},
                body: {"in":"body","name":"body","required":true,"ref":"SetFolderAccessInput"},
        };
        app.put('/v1/folders/:id/members',
            authenticateMiddleware([{"bearer":["folders:write"]}]),
            ...(fetchMiddlewares<RequestHandler>(FoldersController)),
            ...(fetchMiddlewares<RequestHandler>(FoldersController.prototype.setFolderAccess)),

            async function FoldersController_setFolderAccess(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsFoldersController_setFolderAccess, request, response });

                const controller = new FoldersController();

              await templateService.apiHandler({
                methodName: 'setFolderAccess',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: undefined,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsFoldersController_archiveFolder: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
                id: {"in":"path","name":"id","required":true,"dataType":"string"},
        };
        app.post('/v1/folders/:id/archive',
            authenticateMiddleware([{"bearer":["folders:write"]}]),
            ...(fetchMiddlewares<RequestHandler>(FoldersController)),
            ...(fetchMiddlewares<RequestHandler>(FoldersController.prototype.archiveFolder)),

            async function FoldersController_archiveFolder(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsFoldersController_archiveFolder, request, response });

                const controller = new FoldersController();

              await templateService.apiHandler({
                methodName: 'archiveFolder',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: undefined,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsFoldersController_listFolderEvents: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
                id: {"in":"path","name":"id","required":true,"dataType":"string"},
        };
        app.get('/v1/folders/:id/events',
            authenticateMiddleware([{"bearer":["folders:audit"]}]),
            ...(fetchMiddlewares<RequestHandler>(FoldersController)),
            ...(fetchMiddlewares<RequestHandler>(FoldersController.prototype.listFolderEvents)),

            async function FoldersController_listFolderEvents(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsFoldersController_listFolderEvents, request, response });

                const controller = new FoldersController();

              await templateService.apiHandler({
                methodName: 'listFolderEvents',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: undefined,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsDocumentsController_retrieveDocument: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
                id: {"in":"path","name":"id","required":true,"dataType":"string"},
        };
        app.get('/v1/documents/:id',
            authenticateMiddleware([{"bearer":["files:read"]}]),
            ...(fetchMiddlewares<RequestHandler>(DocumentsController)),
            ...(fetchMiddlewares<RequestHandler>(DocumentsController.prototype.retrieveDocument)),

            async function DocumentsController_retrieveDocument(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsDocumentsController_retrieveDocument, request, response });

                const controller = new DocumentsController();

              await templateService.apiHandler({
                methodName: 'retrieveDocument',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: undefined,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsDocumentsController_validateDocument: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
                id: {"in":"path","name":"id","required":true,"dataType":"string"},
        };
        app.post('/v1/documents/:id/validate',
            authenticateMiddleware([{"bearer":["files:review"]}]),
            ...(fetchMiddlewares<RequestHandler>(DocumentsController)),
            ...(fetchMiddlewares<RequestHandler>(DocumentsController.prototype.validateDocument)),

            async function DocumentsController_validateDocument(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsDocumentsController_validateDocument, request, response });

                const controller = new DocumentsController();

              await templateService.apiHandler({
                methodName: 'validateDocument',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: undefined,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsDocumentsController_refuseDocument: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
                id: {"in":"path","name":"id","required":true,"dataType":"string"},
                body: {"in":"body","name":"body","required":true,"ref":"RefuseFileInput"},
        };
        app.post('/v1/documents/:id/refuse',
            authenticateMiddleware([{"bearer":["files:review"]}]),
            ...(fetchMiddlewares<RequestHandler>(DocumentsController)),
            ...(fetchMiddlewares<RequestHandler>(DocumentsController.prototype.refuseDocument)),

            async function DocumentsController_refuseDocument(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsDocumentsController_refuseDocument, request, response });

                const controller = new DocumentsController();

              await templateService.apiHandler({
                methodName: 'refuseDocument',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: undefined,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsDocumentsController_uploadRequestDocuments: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
                id: {"in":"path","name":"id","required":true,"dataType":"string"},
        };
        app.post('/v1/document-requests/:id/documents',
            authenticateMiddleware([{"bearer":["files:upload"]}]),
            ...(fetchMiddlewares<RequestHandler>(DocumentsController)),
            ...(fetchMiddlewares<RequestHandler>(DocumentsController.prototype.uploadRequestDocuments)),

            async function DocumentsController_uploadRequestDocuments(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsDocumentsController_uploadRequestDocuments, request, response });

                const controller = new DocumentsController();

              await templateService.apiHandler({
                methodName: 'uploadRequestDocuments',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: 201,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsDocumentsController_uploadExtraDocuments: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
                id: {"in":"path","name":"id","required":true,"dataType":"string"},
        };
        app.post('/v1/folders/:id/extra-documents',
            authenticateMiddleware([{"bearer":["files:upload"]}]),
            ...(fetchMiddlewares<RequestHandler>(DocumentsController)),
            ...(fetchMiddlewares<RequestHandler>(DocumentsController.prototype.uploadExtraDocuments)),

            async function DocumentsController_uploadExtraDocuments(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsDocumentsController_uploadExtraDocuments, request, response });

                const controller = new DocumentsController();

              await templateService.apiHandler({
                methodName: 'uploadExtraDocuments',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: 201,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsDocumentsController_listExtraDocuments: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
                id: {"in":"path","name":"id","required":true,"dataType":"string"},
        };
        app.get('/v1/folders/:id/extra-documents',
            authenticateMiddleware([{"bearer":["files:read"]}]),
            ...(fetchMiddlewares<RequestHandler>(DocumentsController)),
            ...(fetchMiddlewares<RequestHandler>(DocumentsController.prototype.listExtraDocuments)),

            async function DocumentsController_listExtraDocuments(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsDocumentsController_listExtraDocuments, request, response });

                const controller = new DocumentsController();

              await templateService.apiHandler({
                methodName: 'listExtraDocuments',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: undefined,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsDocumentsController_previewDocument: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
                id: {"in":"path","name":"id","required":true,"dataType":"string"},
        };
        app.get('/v1/documents/:id/preview',
            authenticateMiddleware([{"bearer":["files:read"]}]),
            ...(fetchMiddlewares<RequestHandler>(DocumentsController)),
            ...(fetchMiddlewares<RequestHandler>(DocumentsController.prototype.previewDocument)),

            async function DocumentsController_previewDocument(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsDocumentsController_previewDocument, request, response });

                const controller = new DocumentsController();

              await templateService.apiHandler({
                methodName: 'previewDocument',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: 200,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsDocumentsController_downloadDocument: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
                id: {"in":"path","name":"id","required":true,"dataType":"string"},
        };
        app.get('/v1/documents/:id/download',
            authenticateMiddleware([{"bearer":["files:read"]}]),
            ...(fetchMiddlewares<RequestHandler>(DocumentsController)),
            ...(fetchMiddlewares<RequestHandler>(DocumentsController.prototype.downloadDocument)),

            async function DocumentsController_downloadDocument(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsDocumentsController_downloadDocument, request, response });

                const controller = new DocumentsController();

              await templateService.apiHandler({
                methodName: 'downloadDocument',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: 200,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsFilesController_getFile: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
                id: {"in":"path","name":"id","required":true,"dataType":"string"},
        };
        app.get('/v1/files/:id',
            authenticateMiddleware([{"bearer":["files:read"]}]),
            ...(fetchMiddlewares<RequestHandler>(FilesController)),
            ...(fetchMiddlewares<RequestHandler>(FilesController.prototype.getFile)),

            async function FilesController_getFile(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsFilesController_getFile, request, response });

                const controller = new FilesController();

              await templateService.apiHandler({
                methodName: 'getFile',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: undefined,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsFilesController_validateFile: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
                id: {"in":"path","name":"id","required":true,"dataType":"string"},
        };
        app.post('/v1/files/:id/validate',
            authenticateMiddleware([{"bearer":["files:review"]}]),
            ...(fetchMiddlewares<RequestHandler>(FilesController)),
            ...(fetchMiddlewares<RequestHandler>(FilesController.prototype.validateFile)),

            async function FilesController_validateFile(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsFilesController_validateFile, request, response });

                const controller = new FilesController();

              await templateService.apiHandler({
                methodName: 'validateFile',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: undefined,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsFilesController_refuseFile: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
                id: {"in":"path","name":"id","required":true,"dataType":"string"},
                body: {"in":"body","name":"body","required":true,"ref":"RefuseFileInput"},
        };
        app.post('/v1/files/:id/refuse',
            authenticateMiddleware([{"bearer":["files:review"]}]),
            ...(fetchMiddlewares<RequestHandler>(FilesController)),
            ...(fetchMiddlewares<RequestHandler>(FilesController.prototype.refuseFile)),

            async function FilesController_refuseFile(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsFilesController_refuseFile, request, response });

                const controller = new FilesController();

              await templateService.apiHandler({
                methodName: 'refuseFile',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: undefined,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsFilesController_uploadRequestFiles: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
                id: {"in":"path","name":"id","required":true,"dataType":"string"},
        };
        app.post('/v1/document-requests/:id/files',
            authenticateMiddleware([{"bearer":["files:upload"]}]),
            ...(fetchMiddlewares<RequestHandler>(FilesController)),
            ...(fetchMiddlewares<RequestHandler>(FilesController.prototype.uploadRequestFiles)),

            async function FilesController_uploadRequestFiles(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsFilesController_uploadRequestFiles, request, response });

                const controller = new FilesController();

              await templateService.apiHandler({
                methodName: 'uploadRequestFiles',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: 201,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsFilesController_uploadExtraFiles: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
                id: {"in":"path","name":"id","required":true,"dataType":"string"},
        };
        app.post('/v1/folders/:id/extra-files',
            authenticateMiddleware([{"bearer":["files:upload"]}]),
            ...(fetchMiddlewares<RequestHandler>(FilesController)),
            ...(fetchMiddlewares<RequestHandler>(FilesController.prototype.uploadExtraFiles)),

            async function FilesController_uploadExtraFiles(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsFilesController_uploadExtraFiles, request, response });

                const controller = new FilesController();

              await templateService.apiHandler({
                methodName: 'uploadExtraFiles',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: 201,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsFilesController_listExtraFiles: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
                id: {"in":"path","name":"id","required":true,"dataType":"string"},
        };
        app.get('/v1/folders/:id/extra-files',
            authenticateMiddleware([{"bearer":["files:read"]}]),
            ...(fetchMiddlewares<RequestHandler>(FilesController)),
            ...(fetchMiddlewares<RequestHandler>(FilesController.prototype.listExtraFiles)),

            async function FilesController_listExtraFiles(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsFilesController_listExtraFiles, request, response });

                const controller = new FilesController();

              await templateService.apiHandler({
                methodName: 'listExtraFiles',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: undefined,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsFilesController_previewFile: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
                id: {"in":"path","name":"id","required":true,"dataType":"string"},
        };
        app.get('/v1/files/:id/preview',
            authenticateMiddleware([{"bearer":["files:read"]}]),
            ...(fetchMiddlewares<RequestHandler>(FilesController)),
            ...(fetchMiddlewares<RequestHandler>(FilesController.prototype.previewFile)),

            async function FilesController_previewFile(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsFilesController_previewFile, request, response });

                const controller = new FilesController();

              await templateService.apiHandler({
                methodName: 'previewFile',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: 200,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsFilesController_downloadFile: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
                id: {"in":"path","name":"id","required":true,"dataType":"string"},
        };
        app.get('/v1/files/:id/download',
            authenticateMiddleware([{"bearer":["files:read"]}]),
            ...(fetchMiddlewares<RequestHandler>(FilesController)),
            ...(fetchMiddlewares<RequestHandler>(FilesController.prototype.downloadFile)),

            async function FilesController_downloadFile(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsFilesController_downloadFile, request, response });

                const controller = new FilesController();

              await templateService.apiHandler({
                methodName: 'downloadFile',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: 200,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsDocumentRequestsController_listDocumentRequests: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
                id: {"in":"path","name":"id","required":true,"dataType":"string"},
                clientId: {"in":"query","name":"clientId","dataType":"string"},
        };
        app.get('/v1/folders/:id/document-requests',
            authenticateMiddleware([{"bearer":["requests:read"]}]),
            ...(fetchMiddlewares<RequestHandler>(DocumentRequestsController)),
            ...(fetchMiddlewares<RequestHandler>(DocumentRequestsController.prototype.listDocumentRequests)),

            async function DocumentRequestsController_listDocumentRequests(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsDocumentRequestsController_listDocumentRequests, request, response });

                const controller = new DocumentRequestsController();

              await templateService.apiHandler({
                methodName: 'listDocumentRequests',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: undefined,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsDocumentRequestsController_createDocumentRequests: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
                id: {"in":"path","name":"id","required":true,"dataType":"string"},
                body: {"in":"body","name":"body","required":true,"ref":"CreateDocumentRequestsInput"},
        };
        app.post('/v1/folders/:id/document-requests',
            authenticateMiddleware([{"bearer":["requests:write"]}]),
            ...(fetchMiddlewares<RequestHandler>(DocumentRequestsController)),
            ...(fetchMiddlewares<RequestHandler>(DocumentRequestsController.prototype.createDocumentRequests)),

            async function DocumentRequestsController_createDocumentRequests(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsDocumentRequestsController_createDocumentRequests, request, response });

                const controller = new DocumentRequestsController();

              await templateService.apiHandler({
                methodName: 'createDocumentRequests',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: 201,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsDocumentRequestsController_cancelDocumentRequest: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
                id: {"in":"path","name":"id","required":true,"dataType":"string"},
        };
        app.delete('/v1/document-requests/:id',
            authenticateMiddleware([{"bearer":["requests:write"]}]),
            ...(fetchMiddlewares<RequestHandler>(DocumentRequestsController)),
            ...(fetchMiddlewares<RequestHandler>(DocumentRequestsController.prototype.cancelDocumentRequest)),

            async function DocumentRequestsController_cancelDocumentRequest(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsDocumentRequestsController_cancelDocumentRequest, request, response });

                const controller = new DocumentRequestsController();

              await templateService.apiHandler({
                methodName: 'cancelDocumentRequest',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: 204,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsClientsController_listClients: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
                q: {"in":"query","name":"q","dataType":"string"},
                limit: {"in":"query","name":"limit","dataType":"integer","validators":{"isInt":{"errorMsg":"limit"},"minimum":{"value":1},"maximum":{"value":100}}},
                cursor: {"in":"query","name":"cursor","dataType":"string"},
        };
        app.get('/v1/clients',
            authenticateMiddleware([{"bearer":["clients:read"]}]),
            ...(fetchMiddlewares<RequestHandler>(ClientsController)),
            ...(fetchMiddlewares<RequestHandler>(ClientsController.prototype.listClients)),

            async function ClientsController_listClients(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsClientsController_listClients, request, response });

                const controller = new ClientsController();

              await templateService.apiHandler({
                methodName: 'listClients',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: undefined,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsClientsController_createClient: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
                body: {"in":"body","name":"body","required":true,"ref":"ClientFields"},
        };
        app.post('/v1/clients',
            authenticateMiddleware([{"bearer":["clients:create"]}]),
            ...(fetchMiddlewares<RequestHandler>(ClientsController)),
            ...(fetchMiddlewares<RequestHandler>(ClientsController.prototype.createClient)),

            async function ClientsController_createClient(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsClientsController_createClient, request, response });

                const controller = new ClientsController();

              await templateService.apiHandler({
                methodName: 'createClient',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: 201,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsClientsController_getClient: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
                id: {"in":"path","name":"id","required":true,"dataType":"string"},
        };
        app.get('/v1/clients/:id',
            authenticateMiddleware([{"bearer":["clients:read"]}]),
            ...(fetchMiddlewares<RequestHandler>(ClientsController)),
            ...(fetchMiddlewares<RequestHandler>(ClientsController.prototype.getClient)),

            async function ClientsController_getClient(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsClientsController_getClient, request, response });

                const controller = new ClientsController();

              await templateService.apiHandler({
                methodName: 'getClient',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: undefined,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsClientsController_updateClient: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
                id: {"in":"path","name":"id","required":true,"dataType":"string"},
                body: {"in":"body","name":"body","required":true,"ref":"ClientFieldsPatch"},
        };
        app.patch('/v1/clients/:id',
            authenticateMiddleware([{"bearer":["clients:write"]}]),
            ...(fetchMiddlewares<RequestHandler>(ClientsController)),
            ...(fetchMiddlewares<RequestHandler>(ClientsController.prototype.updateClient)),

            async function ClientsController_updateClient(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsClientsController_updateClient, request, response });

                const controller = new ClientsController();

              await templateService.apiHandler({
                methodName: 'updateClient',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: undefined,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsClientsController_addFolderClient: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
                id: {"in":"path","name":"id","required":true,"dataType":"string"},
                body: {"in":"body","name":"body","required":true,"ref":"AddFolderClientInput"},
        };
        app.post('/v1/folders/:id/clients',
            authenticateMiddleware([{"bearer":["clients:write"]}]),
            ...(fetchMiddlewares<RequestHandler>(ClientsController)),
            ...(fetchMiddlewares<RequestHandler>(ClientsController.prototype.addFolderClient)),

            async function ClientsController_addFolderClient(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsClientsController_addFolderClient, request, response });

                const controller = new ClientsController();

              await templateService.apiHandler({
                methodName: 'addFolderClient',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: undefined,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsClientsController_removeFolderClient: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
                id: {"in":"path","name":"id","required":true,"dataType":"string"},
                clientId: {"in":"path","name":"clientId","required":true,"dataType":"string"},
        };
        app.delete('/v1/folders/:id/clients/:clientId',
            authenticateMiddleware([{"bearer":["clients:write"]}]),
            ...(fetchMiddlewares<RequestHandler>(ClientsController)),
            ...(fetchMiddlewares<RequestHandler>(ClientsController.prototype.removeFolderClient)),

            async function ClientsController_removeFolderClient(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsClientsController_removeFolderClient, request, response });

                const controller = new ClientsController();

              await templateService.apiHandler({
                methodName: 'removeFolderClient',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: 204,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsClientAuthController_start: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
                body: {"in":"body","name":"body","required":true,"ref":"StartClientLoginInput"},
        };
        app.post('/v1/client-auth/start',
            ...(fetchMiddlewares<RequestHandler>(ClientAuthController)),
            ...(fetchMiddlewares<RequestHandler>(ClientAuthController.prototype.start)),

            async function ClientAuthController_start(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsClientAuthController_start, request, response });

                const controller = new ClientAuthController();

              await templateService.apiHandler({
                methodName: 'start',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: 202,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsClientAuthController_verify: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
                body: {"in":"body","name":"body","required":true,"ref":"VerifyClientCodeInput"},
        };
        app.post('/v1/client-auth/verify',
            ...(fetchMiddlewares<RequestHandler>(ClientAuthController)),
            ...(fetchMiddlewares<RequestHandler>(ClientAuthController.prototype.verify)),

            async function ClientAuthController_verify(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsClientAuthController_verify, request, response });

                const controller = new ClientAuthController();

              await templateService.apiHandler({
                methodName: 'verify',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: undefined,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsClientAuthController_setPassword: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
                body: {"in":"body","name":"body","required":true,"ref":"SetClientPasswordInput"},
        };
        app.post('/v1/client-auth/password',
            authenticateMiddleware([{"bearer":["client_auth:password"]}]),
            ...(fetchMiddlewares<RequestHandler>(ClientAuthController)),
            ...(fetchMiddlewares<RequestHandler>(ClientAuthController.prototype.setPassword)),

            async function ClientAuthController_setPassword(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsClientAuthController_setPassword, request, response });

                const controller = new ClientAuthController();

              await templateService.apiHandler({
                methodName: 'setPassword',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: 204,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsClientAuthController_login: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
                body: {"in":"body","name":"body","required":true,"ref":"ClientPasswordLoginInput"},
        };
        app.post('/v1/client-auth/login',
            ...(fetchMiddlewares<RequestHandler>(ClientAuthController)),
            ...(fetchMiddlewares<RequestHandler>(ClientAuthController.prototype.login)),

            async function ClientAuthController_login(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsClientAuthController_login, request, response });

                const controller = new ClientAuthController();

              await templateService.apiHandler({
                methodName: 'login',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: undefined,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsClientAuthController_logout: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
        };
        app.post('/v1/client-auth/logout',
            ...(fetchMiddlewares<RequestHandler>(ClientAuthController)),
            ...(fetchMiddlewares<RequestHandler>(ClientAuthController.prototype.logout)),

            async function ClientAuthController_logout(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsClientAuthController_logout, request, response });

                const controller = new ClientAuthController();

              await templateService.apiHandler({
                methodName: 'logout',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: 204,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsCatalogueController_listDeedTypes: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
        };
        app.get('/v1/deed-types',
            authenticateMiddleware([{"bearer":["catalogue:read"]}]),
            ...(fetchMiddlewares<RequestHandler>(CatalogueController)),
            ...(fetchMiddlewares<RequestHandler>(CatalogueController.prototype.listDeedTypes)),

            async function CatalogueController_listDeedTypes(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsCatalogueController_listDeedTypes, request, response });

                const controller = new CatalogueController();

              await templateService.apiHandler({
                methodName: 'listDeedTypes',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: undefined,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsCatalogueController_listDocumentTypes: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
        };
        app.get('/v1/document-types',
            authenticateMiddleware([{"bearer":["catalogue:read"]}]),
            ...(fetchMiddlewares<RequestHandler>(CatalogueController)),
            ...(fetchMiddlewares<RequestHandler>(CatalogueController.prototype.listDocumentTypes)),

            async function CatalogueController_listDocumentTypes(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsCatalogueController_listDocumentTypes, request, response });

                const controller = new CatalogueController();

              await templateService.apiHandler({
                methodName: 'listDocumentTypes',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: undefined,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsCatalogueController_createDocumentType: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
                body: {"in":"body","name":"body","required":true,"ref":"CreateDocumentTypeInput"},
        };
        app.post('/v1/document-types',
            authenticateMiddleware([{"bearer":["catalogue:write"]}]),
            ...(fetchMiddlewares<RequestHandler>(CatalogueController)),
            ...(fetchMiddlewares<RequestHandler>(CatalogueController.prototype.createDocumentType)),

            async function CatalogueController_createDocumentType(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsCatalogueController_createDocumentType, request, response });

                const controller = new CatalogueController();

              await templateService.apiHandler({
                methodName: 'createDocumentType',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: 201,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsAppConnectionsController_listAppConnections: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
        };
        app.get('/v1/app-connections',
            authenticateMiddleware([{"bearer":["apps:read"]}]),
            ...(fetchMiddlewares<RequestHandler>(AppConnectionsController)),
            ...(fetchMiddlewares<RequestHandler>(AppConnectionsController.prototype.listAppConnections)),

            async function AppConnectionsController_listAppConnections(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsAppConnectionsController_listAppConnections, request, response });

                const controller = new AppConnectionsController();

              await templateService.apiHandler({
                methodName: 'listAppConnections',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: undefined,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsAppConnectionsController_disconnectApp: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
                id: {"in":"path","name":"id","required":true,"dataType":"string"},
        };
        app.delete('/v1/app-connections/:id',
            authenticateMiddleware([{"bearer":["apps:disconnect"]}]),
            ...(fetchMiddlewares<RequestHandler>(AppConnectionsController)),
            ...(fetchMiddlewares<RequestHandler>(AppConnectionsController.prototype.disconnectApp)),

            async function AppConnectionsController_disconnectApp(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsAppConnectionsController_disconnectApp, request, response });

                const controller = new AppConnectionsController();

              await templateService.apiHandler({
                methodName: 'disconnectApp',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: 204,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsApiKeysController_listApiKeys: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
                limit: {"in":"query","name":"limit","dataType":"integer","validators":{"isInt":{"errorMsg":"limit"},"minimum":{"value":1},"maximum":{"value":100}}},
                cursor: {"in":"query","name":"cursor","dataType":"string"},
        };
        app.get('/v1/api-keys',
            authenticateMiddleware([{"bearer":["api_keys:manage"]}]),
            ...(fetchMiddlewares<RequestHandler>(ApiKeysController)),
            ...(fetchMiddlewares<RequestHandler>(ApiKeysController.prototype.listApiKeys)),

            async function ApiKeysController_listApiKeys(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsApiKeysController_listApiKeys, request, response });

                const controller = new ApiKeysController();

              await templateService.apiHandler({
                methodName: 'listApiKeys',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: undefined,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsApiKeysController_createApiKey: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
                body: {"in":"body","name":"body","required":true,"ref":"CreateApiKeyInput"},
        };
        app.post('/v1/api-keys',
            authenticateMiddleware([{"bearer":["api_keys:manage"]}]),
            ...(fetchMiddlewares<RequestHandler>(ApiKeysController)),
            ...(fetchMiddlewares<RequestHandler>(ApiKeysController.prototype.createApiKey)),

            async function ApiKeysController_createApiKey(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsApiKeysController_createApiKey, request, response });

                const controller = new ApiKeysController();

              await templateService.apiHandler({
                methodName: 'createApiKey',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: 201,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsApiKeysController_revokeApiKey: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
                id: {"in":"path","name":"id","required":true,"dataType":"string"},
        };
        app.delete('/v1/api-keys/:id',
            authenticateMiddleware([{"bearer":["api_keys:manage"]}]),
            ...(fetchMiddlewares<RequestHandler>(ApiKeysController)),
            ...(fetchMiddlewares<RequestHandler>(ApiKeysController.prototype.revokeApiKey)),

            async function ApiKeysController_revokeApiKey(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsApiKeysController_revokeApiKey, request, response });

                const controller = new ApiKeysController();

              await templateService.apiHandler({
                methodName: 'revokeApiKey',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: 204,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsAnchoringController_anchorFolder: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
                id: {"in":"path","name":"id","required":true,"dataType":"string"},
        };
        app.post('/v1/folders/:id/anchor',
            authenticateMiddleware([{"bearer":["anchoring:write"]}]),
            ...(fetchMiddlewares<RequestHandler>(AnchoringController)),
            ...(fetchMiddlewares<RequestHandler>(AnchoringController.prototype.anchorFolder)),

            async function AnchoringController_anchorFolder(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsAnchoringController_anchorFolder, request, response });

                const controller = new AnchoringController();

              await templateService.apiHandler({
                methodName: 'anchorFolder',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: 202,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        const argsAnchoringController_getProof: Record<string, TsoaRoute.ParameterSchema> = {
                req: {"in":"request","name":"req","required":true,"dataType":"object"},
                id: {"in":"path","name":"id","required":true,"dataType":"string"},
        };
        app.get('/v1/folders/:id/proof',
            authenticateMiddleware([{"bearer":["proofs:read"]}]),
            ...(fetchMiddlewares<RequestHandler>(AnchoringController)),
            ...(fetchMiddlewares<RequestHandler>(AnchoringController.prototype.getProof)),

            async function AnchoringController_getProof(request: ExRequest, response: ExResponse, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            let validatedArgs: any[] = [];
            try {
                validatedArgs = templateService.getValidatedArgs({ args: argsAnchoringController_getProof, request, response });

                const controller = new AnchoringController();

              await templateService.apiHandler({
                methodName: 'getProof',
                controller,
                response,
                next,
                validatedArgs,
                successStatus: 200,
              });
            } catch (err) {
                return next(err);
            }
        });
        // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa


    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

    function authenticateMiddleware(security: TsoaRoute.Security[] = []) {
        return async function runAuthenticationMiddleware(request: any, response: any, next: any) {

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            // keep track of failed auth attempts so we can hand back the most
            // recent one.  This behavior was previously existing so preserving it
            // here
            const failedAttempts: any[] = [];
            const pushAndRethrow = (error: any) => {
                failedAttempts.push(error);
                throw error;
            };

            const secMethodOrPromises: Promise<any>[] = [];
            for (const secMethod of security) {
                if (Object.keys(secMethod).length > 1) {
                    const secMethodAndPromises: Promise<any>[] = [];

                    for (const name in secMethod) {
                        secMethodAndPromises.push(
                            expressAuthenticationRecasted(request, name, secMethod[name], response)
                                .catch(pushAndRethrow)
                        );
                    }

                    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

                    secMethodOrPromises.push(Promise.all(secMethodAndPromises)
                        .then(users => { return users[0]; }));
                } else {
                    for (const name in secMethod) {
                        secMethodOrPromises.push(
                            expressAuthenticationRecasted(request, name, secMethod[name], response)
                                .catch(pushAndRethrow)
                        );
                    }
                }
            }

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa

            try {
                request['user'] = await Promise.any(secMethodOrPromises);

                // Response was sent in middleware, abort
                if (response.writableEnded) {
                    return;
                }

                next();
            }
            catch(err) {
                // Show most recent error as response
                const error = failedAttempts.pop();
                error.status = error.status || 401;

                // Response was sent in middleware, abort
                if (response.writableEnded) {
                    return;
                }
                next(error);
            }

            // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
        }
    }

    // WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
}

// WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa
