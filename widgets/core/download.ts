import { ConnectionError, errorFromResponse } from '@lecoffre/sdk';
import type { LeCoffreConnection } from './connection.js';

/** GETs a binary answer with the connection's credentials (for routes the SDK does not wrap yet). */
export async function fetchBlob(connection: LeCoffreConnection, path: string): Promise<Blob> {
  let response: Response;
  try {
    response = await fetch(`${connection.baseUrl}${path}`, {
      headers: connection.token ? { Authorization: `Bearer ${connection.token}` } : {},
      credentials: connection.token ? 'same-origin' : 'include',
    });
  } catch (error) {
    throw new ConnectionError(`No answer from LeCoffre at ${connection.baseUrl} (GET ${path}).`, error);
  }
  if (!response.ok) throw errorFromResponse(response, await response.text());
  return response.blob();
}

/** Hands a Blob to the browser as a download named `name`. */
export function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.rel = 'noopener';
  link.click();
  // The download has started from the URL by then; revoking later leaves slow browsers time.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * Shows a Blob (PDF, image) in a new tab. The tab is opened before the Blob arrives, while the click
 * still counts as a user gesture: popup blockers refuse a window opened after an await.
 */
export async function openBlobInNewTab(load: () => Promise<Blob>): Promise<void> {
  const tab = window.open('', '_blank');
  try {
    const blob = await load();
    const url = URL.createObjectURL(blob);
    if (tab) tab.location.href = url;
    else window.location.assign(url);
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  } catch (error) {
    tab?.close();
    throw error;
  }
}
