let loading: Promise<unknown> | undefined;

/**
 * The dialogs (dialogs.ts) are a chunk of their own: the folder shows sooner, and the widgets' first
 * download stays within budget. Their elements sit in the templates from the start, undefined until the
 * chunk runs; lit keeps the properties set on them meanwhile and applies them when they upgrade.
 */
export function loadDialogs(): Promise<unknown> {
  loading ??= import('./dialogs.js');
  // A failed download (network) is tried again on the next click.
  loading.catch(() => {
    loading = undefined;
  });
  return loading;
}

/** The dialog element `selector` of `root`, once the dialogs are defined. */
export async function dialogIn<T extends Element>(root: ParentNode, selector: string): Promise<T | null> {
  await loadDialogs();
  return root.querySelector<T>(selector);
}

/** Fetches the dialogs when the browser is idle after the folder's first render, so a first click finds them. */
export function prefetchDialogs(): void {
  const whenIdle = window.requestIdleCallback ?? ((callback: () => void) => setTimeout(callback, 200));
  whenIdle(() => void loadDialogs().catch(() => {}));
}
