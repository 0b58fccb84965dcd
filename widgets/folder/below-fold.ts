// What `<lecoffre-folder>` shows below the clients, in one chunk fetched while the folder itself is read
// (folder.ts): the documents the office sent with their sending forms, and archive, anchoring and proof.
// Neither is needed to show the folder's first screen, so the element's first download goes without them.
import './folder-anchor.js';
import './folder-shared.js';
