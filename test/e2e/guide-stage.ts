/**
 * Where the guide's end-to-end test is played: `npm start` in a child process (API, jobs, demo drafting
 * software) on a fresh data dir, a Chromium with the notary at a desk and the client on a phone, the PDFs the
 * client and the office send, and the locators of the embedded elements the steps use. The steps themselves
 * are in guide.e2e.test.ts.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from '../support/chromium.js';
import { patience } from '../support/patience.js';
import { cleanUpProducts, exited, freePort, type ProductProcess, startProduct } from '../support/product-process.js';
import { pdfFile } from './guide-support.js';

const UI_TIMEOUT_MS = patience(20_000);

export const CLIENT = { lastName: 'Michou', firstName: 'Claire', mobile: '06 26 59 72 92', email: 'claire.michou@example.fr' };

export interface GuideStage {
  dataDir: string;
  /** The API as the configured base URL names it (what e-mails link to, the cookies' host). */
  api: string;
  /** The demo drafting software. */
  demo: string;
  /** The notary's browser page, 1280 × 900. */
  notary: Page;
  /** The client's page, on a 360 × 740 phone. */
  client: Page;
  /** The PDFs sent along the way, by what they are. */
  files: { idCard: string; idCardAgain: string; familyBook: string; extra: string; officeDocument: string };
  close(): Promise<void>;
}

export async function openGuideStage(): Promise<GuideStage> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'lecoffre-guide-'));
  const demoPort = await freePort();
  const chromiumPath = findChromium();
  let product: ProductProcess | undefined;
  let browser: Browser | undefined;
  const close = async () => {
    await browser?.close();
    if (product) {
      product.child.kill('SIGTERM');
      await exited(product.child);
    }
    await cleanUpProducts(dataDir, product ? [product.child] : []);
  };
  try {
    product = await startProduct(dataDir, {
      DEMO_HOST_PORT: String(demoPort),
      LECOFFRE_ANCHOR_INTERVAL: '1',
      // The demo host's app receives its webhooks on loopback (embedded mode only).
      LECOFFRE_WEBHOOKS_ALLOW_LOOPBACK: 'true',
    });
    const files = {
      idCard: await pdfFile(dataDir, 'cni-claire-michou.pdf', "Carte d'identité — Claire Michou (flou)"),
      idCardAgain: await pdfFile(dataDir, 'cni-claire-michou-net.pdf', "Carte d'identité — Claire Michou"),
      familyBook: await pdfFile(dataDir, 'livret-de-famille.pdf', 'Livret de famille — Michou'),
      extra: await pdfFile(dataDir, 'attestation-employeur.pdf', 'Attestation employeur — Claire Michou'),
      officeDocument: await pdfFile(dataDir, 'projet-acte-notoriete.pdf', 'Projet d’acte de notoriété — Succession Michou'),
    };
    browser = await chromium.launch({ executablePath: await chromiumPath, args: CHROMIUM_ARGS });
    const notaryContext = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'fr-FR', acceptDownloads: true });
    const clientContext = await browser.newContext({
      viewport: { width: 360, height: 740 },
      locale: 'fr-FR',
      isMobile: true,
      hasTouch: true,
    });
    for (const context of [notaryContext, clientContext]) context.setDefaultTimeout(UI_TIMEOUT_MS);
    return {
      dataDir,
      api: `http://localhost:${product.port}`,
      demo: `http://localhost:${demoPort}`,
      notary: await notaryContext.newPage(),
      client: await clientContext.newPage(),
      files,
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

/** `<lecoffre-folder>`'s card of the client. */
export const clientCard = (page: Page) =>
  page.locator('lecoffre-folder lecoffre-folder-client').filter({ hasText: `${CLIENT.firstName} ${CLIENT.lastName}` });

/** The client's card for a requested document in `<lecoffre-upload>`. */
export const requestCard = (page: Page, label: string) =>
  page.locator('lecoffre-upload article[data-request-id]').filter({ hasText: label });

/** Opens a file to review in `<lecoffre-folder>` and answers with its viewer dialog. */
export async function openFileToReview(page: Page, label: string) {
  await clientCard(page)
    .locator('li[data-file-id] button.file')
    .filter({ hasText: label })
    .filter({ hasText: 'À valider' })
    .first()
    .click();
  const viewer = page.getByRole('dialog', { name: /^Document : / });
  await viewer.waitFor();
  return viewer;
}
