/**
 * `/assets/lecoffre-loader.js`: defines each LeCoffre element the first time the page uses it, and downloads
 * that element's code only then. A client's page with `<lecoffre-upload>` loads the upload element, never the
 * notary's folder view; a notary's page the reverse. Elements already in the page when the script runs are
 * found at once, later ones as they are added to the document (a MutationObserver). Properties set on an
 * element before its code arrives (`tokenProvider`, `token`…) are kept and applied when it upgrades (lit).
 *
 * `/assets/lecoffre-widgets.js` (widgets/index.ts) still registers every element up front and exports their
 * classes, for pages that want them at once or put the elements inside their own shadow roots (which the
 * observer does not see: call `defineElement(tag)` there).
 */
const ELEMENTS = {
  'lecoffre-folder': () => import('./folder/folder.js'),
  'lecoffre-upload': () => import('./upload/upload.js'),
  'lecoffre-folder-list': () => import('./folder-list/folder-list.js'),
  'lecoffre-create-folder': () => import('./folder-list/create-folder.js'),
  'lecoffre-completion-bar': () => import('./completion-bar.js'),
} as const;

export type LeCoffreTag = keyof typeof ELEMENTS;

const loading = new Map<LeCoffreTag, Promise<CustomElementConstructor>>();

const isTag = (name: string): name is LeCoffreTag => Object.hasOwn(ELEMENTS, name);

/** Downloads and defines the element `tag` (once); resolves with its class when defined. */
export function defineElement(tag: LeCoffreTag): Promise<CustomElementConstructor> {
  let pending = loading.get(tag);
  if (!pending) {
    pending = ELEMENTS[tag]().then(() => customElements.whenDefined(tag));
    // A failed download (network) is tried again the next time the element is seen.
    pending.catch(() => loading.delete(tag));
    loading.set(tag, pending);
  }
  return pending;
}

function defineWithin(root: ParentNode): void {
  for (const tag of Object.keys(ELEMENTS) as LeCoffreTag[]) {
    if (!loading.has(tag) && root.querySelector(tag)) void defineElement(tag).catch(() => {});
  }
}

function watch(): void {
  defineWithin(document);
  new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (!(node instanceof Element)) continue;
        const name = node.localName;
        if (isTag(name) && !loading.has(name)) void defineElement(name).catch(() => {});
        if (node.firstElementChild) defineWithin(node);
      }
    }
  }).observe(document.documentElement, { childList: true, subtree: true });
}

watch();
