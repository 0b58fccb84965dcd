// Every dialog of the folder, in one chunk loaded on first use (load-dialogs.ts): opening a document,
// requesting documents or adding a client comes after the folder is on screen, not before.
import './folder-access.js';
import './folder-client-dialog.js';
import './folder-confirm.js';
import './folder-request-dialog.js';
import './folder-viewer.js';
