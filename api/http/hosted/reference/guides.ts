import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Tokens } from 'marked';
import { escapeHtml } from '../plain-page.js';

/**
 * The integration guides: written in docs/guides/*.md (read in the repository, checked by
 * test/guides/guides.test.ts), served as HTML at `/docs/guides/<slug>` beside the reference. The HTML is
 * made by marked (a development dependency) when the API builds the reference in memory, or by
 * `npm run build` into dist/reference/guides/: the production server never parses markdown.
 */
export interface Guide {
  slug: string;
  /** The link's text in the pages' header, French first. */
  title: string;
}

export const GUIDES: readonly Guide[] = [
  { slug: 'quick-start', title: 'Démarrage rapide · Quick start' },
  { slug: 'webhooks', title: 'Webhooks' },
  { slug: 'widgets', title: 'Composants web · Widgets' },
  { slug: 'proofs', title: 'Preuves · Proofs' },
  { slug: 'errors', title: 'Erreurs · Errors' },
  { slug: 'security', title: 'Sécurité · Security' },
];

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
export const GUIDES_DIR = path.join(ROOT, 'docs', 'guides');

/** `## Verify a signature` → `verify-a-signature`: the anchors GitHub gives the same headings. */
export function headingId(text: string): string {
  return text
    .toLowerCase()
    .replace(/<[^>]+>/g, '')
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .trim()
    .replace(/\s+/g, '-');
}

/** A link to another guide (`./webhooks.md#retries`) points at its page; every other link stays as written. */
function guideHref(href: string): string {
  const match = /^(?:\.\/)?([a-z-]+)\.md(#.*)?$/.exec(href);
  return match && GUIDES.some((guide) => guide.slug === match[1]) ? `/docs/guides/${match[1]}${match[2] ?? ''}` : href;
}

/** The header of every /docs page: the reference, then each guide. */
export function docsHeader(): string {
  const links = GUIDES.map((guide) => `<a href="/docs/guides/${guide.slug}">${escapeHtml(guide.title)}</a>`).join('\n');
  return `<header>
<a class="home" href="/docs">LeCoffre API</a>
<nav aria-label="Guides">
${links}
</nav>
</header>`;
}

function guidePage(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} — LeCoffre API</title>
<link rel="stylesheet" href="/docs/reference.css">
</head>
<body>
${docsHeader()}
<main class="guide">
${body}
</main>
</body>
</html>`;
}

/** Every guide as a whole HTML page, by slug. */
export async function renderGuides(dir = GUIDES_DIR): Promise<Map<string, string>> {
  // A development dependency: loaded only where guides are rendered (in memory, or by `npm run build`).
  const { Marked } = await import('marked');
  const marked = new Marked({
    gfm: true,
    walkTokens(token) {
      if (token.type === 'link') (token as Tokens.Link).href = guideHref((token as Tokens.Link).href);
    },
    renderer: {
      heading(text: string, level: number, raw: string) {
        return `<h${level} id="${headingId(raw)}">${text}</h${level}>\n`;
      },
    },
  });
  const pages = new Map<string, string>();
  for (const guide of GUIDES) {
    const markdown = await readFile(path.join(dir, `${guide.slug}.md`), 'utf8');
    const title = /^# (.+)$/m.exec(markdown)?.[1] ?? guide.title;
    pages.set(guide.slug, guidePage(title, await marked.parse(markdown, { async: false })));
  }
  return pages;
}
