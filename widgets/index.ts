// Registers every LeCoffre element: the browser bundle's entry (`/assets/lecoffre-widgets.js`). Each
// module defines its element when imported; the classes are exported too, for `instanceof`, subclassing
// and the React wrappers (react.ts), and so that their `HTMLElementTagNameMap` entries reach vendors' types.
export { CompletionBar } from './completion-bar.js';
export * from './core/index.js';
export { LeCoffreFolder } from './folder/folder.js';
export { LeCoffreFolderList } from './folder-list/folder-list.js';
export { LeCoffreUpload } from './upload/upload.js';
