/**
 * The one font of every capture: Inter from the npm package @fontsource/inter, served to the page under
 * `/__visual/` (intercepted by the browser context, so any origin has it) and forced on every element, in
 * the document and in every shadow root. Pictures then never depend on the fonts a machine has installed;
 * `fallbackFonts` proves it by asking Chromium which font drew each text node.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { BrowserContext, CDPSession, Page } from 'playwright-core';

export const FONT_FAMILY = 'Inter';
const ROUTE = '/__visual/';
const WEIGHTS = ['400', '500', '600', '700', '400-italic'];
const fontsourceDir = path.dirname(createRequire(import.meta.url).resolve('@fontsource/inter/package.json'));

let stylesheet: Promise<string> | undefined;

/**
 * @fontsource's own @font-face rules, pointed at our route, with `font-display: block`: a text is drawn in
 * Inter or not at all, never in a fallback while Inter loads.
 */
function fontFaces(): Promise<string> {
  stylesheet ??= (async () => {
    const parts = await Promise.all(WEIGHTS.map((weight) => readFile(path.join(fontsourceDir, `${weight}.css`), 'utf8')));
    return parts.join('\n').replaceAll('url(./files/', `url(${ROUTE}files/`).replaceAll('font-display: swap', 'font-display: block');
  })();
  return stylesheet;
}

/** Serves the font files and their stylesheet to every page of `context`. */
export async function serveBundledFont(context: BrowserContext): Promise<void> {
  await context.route(`**${ROUTE}**`, async (route) => {
    const { pathname } = new URL(route.request().url());
    const rest = pathname.slice(pathname.indexOf(ROUTE) + ROUTE.length);
    if (rest === 'inter.css') {
      await route.fulfill({ contentType: 'text/css', body: await fontFaces() });
      return;
    }
    const file = path.basename(rest);
    if (rest.startsWith('files/') && /^inter-[\w-]+\.woff2?$/.test(file)) {
      await route.fulfill({ contentType: 'font/woff2', body: await readFile(path.join(fontsourceDir, 'files', file)) });
      return;
    }
    await route.fulfill({ status: 404, body: '' });
  });
  // The @font-face rules belong to the document (Chromium ignores them inside shadow roots).
  // Plain source: tsx's compiled functions call helpers the page does not have.
  await context.addInitScript(`{
    const add = () => {
      if (document.querySelector('link[data-visual-font]')) return;
      const link = document.createElement('link');
      link.rel = 'stylesheet';
      link.href = '${ROUTE}inter.css';
      link.dataset.visualFont = '';
      document.head.append(link);
    };
    if (document.head) add();
    else document.addEventListener('DOMContentLoaded', add, { once: true });
  }`);
}

/**
 * Chromium's own answer to "which font drew this text?" (DevTools `CSS.getPlatformFontsForNode`) for every
 * element with text of its own, shadow trees included: the families that are not Inter, with a sample of
 * the text each drew.
 */
export async function fallbackFonts(page: Page): Promise<string[]> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  try {
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
    const found = new Map<string, string>();
    const visit = async (node: DomNode): Promise<void> => {
      const own = (node.children ?? []).filter((child) => child.nodeType === 3 && child.nodeValue?.trim());
      if (node.nodeType === 1 && own.length && !['SCRIPT', 'STYLE', 'TEMPLATE'].includes(node.nodeName)) {
        // A node the page removed since the document was read (a list refreshed) has nothing to draw.
        const fonts = await cdp
          .send('CSS.getPlatformFontsForNode', { nodeId: node.nodeId })
          .then((answer) => answer.fonts)
          .catch(() => []);
        for (const font of fonts) {
          // A web font (isCustomFont) named Inter: "Inter", "Inter SemiBold"… are the weights' own names.
          const bundled = font.isCustomFont && font.familyName.startsWith(FONT_FAMILY);
          if (!bundled && !found.has(font.familyName)) {
            found.set(
              font.familyName,
              `${node.nodeName.toLowerCase()}: "${own
                .map((text) => text.nodeValue?.trim())
                .join(' ')
                .slice(0, 60)}"`,
            );
          }
        }
      }
      for (const child of [...(node.shadowRoots ?? []), ...(node.children ?? [])]) await visit(child);
    };
    await visit(root);
    return [...found].map(([family, sample]) => `${family} drew ${sample}`);
  } finally {
    await cdp.detach();
  }
}

interface DomNode {
  nodeId: number;
  nodeType: number;
  nodeName: string;
  nodeValue?: string;
  children?: DomNode[];
  shadowRoots?: DomNode[];
}
