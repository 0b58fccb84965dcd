/** What the console shows, from its URL: `/app`, `/app/nouveau`, `/app/office`, `/app/dossiers/{id}`. */
export type ConsoleRoute = { view: 'home' } | { view: 'create' } | { view: 'office' } | { view: 'folder'; folderId: string };

const FOLDER_PATH = /^\/app\/dossiers\/([a-z]{2,5}_[0-9a-z]{26})\/?$/;

export function routeOf(pathname: string): ConsoleRoute {
  if (/^\/app\/nouveau\/?$/.test(pathname)) return { view: 'create' };
  if (/^\/app\/office\/?$/.test(pathname)) return { view: 'office' };
  const folder = FOLDER_PATH.exec(pathname);
  return folder ? { view: 'folder', folderId: folder[1] } : { view: 'home' };
}

export function pathOf(route: ConsoleRoute): string {
  if (route.view === 'create') return '/app/nouveau';
  if (route.view === 'office') return '/app/office';
  if (route.view === 'folder') return `/app/dossiers/${route.folderId}`;
  return '/app';
}
