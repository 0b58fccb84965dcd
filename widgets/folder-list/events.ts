import type { Folder } from '@lecoffre/sdk';

// The folder list's and the creation form's own events, added to the shared map (see core/events.ts).
declare module '../core/events.js' {
  interface LeCoffreEventMap {
    /** "Créer un dossier" was clicked in the list: the page shows the creation form. */
    'lecoffre-create-folder': Record<string, never>;
    /** The creation form created a folder (its access already set). */
    'lecoffre-folder-created': { folder: Folder };
    /** "Retour" / "Annuler" on the creation form. */
    'lecoffre-create-cancelled': Record<string, never>;
  }
}

declare global {
  interface HTMLElementEventMap {
    'lecoffre-create-folder': CustomEvent<Record<string, never>>;
    'lecoffre-folder-created': CustomEvent<{ folder: Folder }>;
    'lecoffre-create-cancelled': CustomEvent<Record<string, never>>;
  }
}
