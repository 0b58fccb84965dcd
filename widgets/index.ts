// Registers every LeCoffre element: the browser bundle's entry (`/assets/lecoffre-widgets.js`).
// One import per element, nothing else: each module defines its element when imported.
import './completion-bar.js';
import './folder/folder.js';
import './folder-list/folder-list.js';
import './upload/upload.js';

export * from './core/index.js';
