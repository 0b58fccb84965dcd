/**
 * Brings a page to a state worth a picture, by events: no request of the page in flight (the live event
 * streams aside, they never end), every lit element rendered, the bundled font loaded, two frames drawn.
 * Then it fixes what the data cannot: dates and times the server stamped, ids, hashes (see FROZEN_TEXT),
 * and forces the font and a still page (no animation, transition or caret) in every shadow root too.
 */
import type { Page, Request } from 'playwright-core';
import { patience } from '../../support/patience.js';
import { FONT_FAMILY } from './fonts.js';

/** Long-lived requests that never finish while the page is open: the live event streams. */
const longLived = (request: Request) => /\/live(\?|$)/.test(new URL(request.url()).pathname) || request.resourceType() === 'eventsource';

const inFlight = new WeakMap<Page, Set<Request>>();

/** Starts counting the page's requests; call right after the page is made. */
export function trackRequests(page: Page): void {
  const open = new Set<Request>();
  inFlight.set(page, open);
  page.on('request', (request) => {
    if (!longLived(request)) open.add(request);
  });
  const done = (request: Request) => open.delete(request);
  page.on('requestfinished', done);
  page.on('requestfailed', done);
}

/** Resolves once no request of the page is in flight (polled on the test side; requests are events there). */
async function requestsDone(page: Page, held?: RegExp): Promise<void> {
  const open = inFlight.get(page);
  if (!open) throw new Error('trackRequests(page) was not called');
  const deadline = Date.now() + patience(15_000);
  const waiting = () => [...open].filter((request) => !held?.test(request.url())).length;
  while (waiting() > 0) {
    if (Date.now() > deadline) throw new Error(`requests still in flight: ${[...open].map((r) => r.url()).join(', ')}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/**
 * Text the product computes from the clock or from randomness, replaced by a fixed text of the same
 * shape. Everything else on the pictures comes from fixed seed data.
 */
export const FROZEN_TEXT: ReadonlyArray<readonly [RegExp, string]> = [
  // "2 décembre 2026", "1er mars 2026": dates the server stamped (uploads, creation, anchoring).
  [/\b(1er|\d{1,2}) (janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre) \d{4}\b/g, '12 mars 2026'],
  [/\b(January|February|March|April|May|June|July|August|September|October|November|December) \d{1,2}, \d{4}\b/g, 'March 12, 2026'],
  [/\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})/g, '2026-03-12T09:30:00Z'],
  [/\b\d{2}\/\d{2}\/\d{4}\b/g, '12/03/2026'],
  [/\b\d{4}-\d{2}-\d{2}\b/g, '2026-03-12'],
  [/\b\d{1,2}:\d{2}:\d{2}\b/g, '09:30:00'],
  [/\b\d{1,2}:\d{2}\b/g, '09:30'],
  [/\b\d{1,2} h \d{2}\b/g, '9 h 30'],
  // Ids: a prefix and 26 base32 characters (time + randomness), and UUIDs.
  [/\b([a-z]{2,5})_[0-9a-z]{26}\b/g, '$1_00000000000000000000000000'],
  [/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/g, '00000000-0000-0000-0000-000000000000'],
  // SHA-256 digests and Merkle roots of bundles that carry dates; Tezos operation and block hashes.
  [/\b[0-9a-f]{64}\b/g, '0'.repeat(64)],
  [/\b[oB][1-9A-HJ-NP-Za-km-z]{50}\b/g, 'o'.padEnd(51, '1')],
  // The demo drafting software numbers its deeds by year.
  [/\bR-\d{4}-/g, 'R-2026-'],
];

/**
 * The in-page half, as JavaScript text: tsx compiles functions handed to `page.evaluate` with helpers
 * (`__name`) that do not exist in the page, so the page gets plain source instead.
 */
const IN_PAGE = `window.__visual ??= (() => {
  const roots = () => {
    const found = [document];
    const visit = (root) => {
      for (const element of root.querySelectorAll('*')) {
        if (element.shadowRoot) {
          found.push(element.shadowRoot);
          visit(element.shadowRoot);
        }
      }
    };
    visit(document);
    return found;
  };
  return {
    // Every lit element rendered (updateComplete answers true once nothing more is pending).
    async rendered() {
      for (let round = 0; round < 5; round++) {
        const pending = [];
        for (const root of roots()) for (const element of root.querySelectorAll('*')) if (element.updateComplete) pending.push(element.updateComplete);
        if ((await Promise.all(pending)).every((done) => done === true)) return;
      }
    },
    // The bundled font on everything, and nothing moving, in the document and every shadow root.
    still(family) {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync("*, *::before, *::after { font-family: '" + family + "' !important; animation: none !important;" +
        " transition: none !important; caret-color: transparent !important; scroll-behavior: auto !important; }");
      for (const root of roots()) {
        if (root.adoptedStyleSheets.some((s) => s.visualStill)) continue;
        sheet.visualStill = true;
        root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
      }
    },
    // FROZEN_TEXT on every text node.
    freeze(rules) {
      const compiled = rules.map(([source, flags, replacement]) => [new RegExp(source, flags), replacement]);
      for (const root of roots()) {
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          let text = node.nodeValue;
          for (const [pattern, replacement] of compiled) text = text.replace(pattern, replacement);
          if (text !== node.nodeValue) node.nodeValue = text;
        }
      }
    },
    async painted() {
      await document.fonts.ready;
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    },
  };
})();`;

const inPage = async (page: Page, call: string) =>
  page.evaluate(`${IN_PAGE}
${call}`);

/** `held`: requests the test holds on purpose (an upload kept in progress), not waited for. */
export async function settle(page: Page, held?: RegExp): Promise<void> {
  const rules = JSON.stringify(FROZEN_TEXT.map(([pattern, replacement]) => [pattern.source, pattern.flags, replacement]));
  await requestsDone(page, held);
  await inPage(page, 'window.__visual.rendered()');
  await inPage(page, `window.__visual.still(${JSON.stringify(FONT_FAMILY)})`);
  await inPage(page, `window.__visual.freeze(${rules})`);
  await inPage(page, 'window.__visual.painted()');
  // A request the last render started (an image, a preview) is part of the state too.
  await requestsDone(page, held);
  await inPage(page, 'window.__visual.rendered()');
  await inPage(page, `window.__visual.freeze(${rules})`);
  await inPage(page, 'window.__visual.painted()');
}
