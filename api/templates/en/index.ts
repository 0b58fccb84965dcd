export { bankDetailsShared } from './bank-details-shared.js';
export { documentRefused } from './document-refused.js';
export { documentsRequested } from './documents-requested.js';
export { endpointDisabled } from './endpoint-disabled.js';
export { folderOnline } from './folder-online.js';
export { officeDocumentShared } from './office-document-shared.js';
export { requestReminder, requestReminderSms } from './request-reminder.js';
export { uploadsDigest } from './uploads-digest.js';
