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
