/**
 * What the guide's end-to-end test needs around the browser: the dev outbox (the e-mails and SMS the
 * product "sent"), document files with real magic bytes, the proof verifier's command line, screenshots, and
 * one step after another that stops at the first failure (each later step is skipped, not left to time out).
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { TestContext } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { Page } from 'playwright-core';
import { patience } from '../support/patience.js';

export interface OutboxMessage {
  kind: 'sms' | 'email';
  to: string;
  subject: string | null;
  text: string;
  createdAt: string;
}

/**
 * Polls `/dev/outbox` until a message matches (the product's jobs send them a moment after the change);
 * `idleTimeoutMs` is the limit on an idle machine, scaled by `patience`.
 */
export async function waitForMessage(
  apiUrl: string,
  match: (message: OutboxMessage) => boolean,
  what: string,
  idleTimeoutMs = 20_000,
): Promise<OutboxMessage> {
  const timeoutMs = patience(idleTimeoutMs);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const res = await fetch(`${apiUrl}/dev/outbox?limit=200`, { headers: { accept: 'application/json' } });
    const found = ((await res.json()) as { data: OutboxMessage[] }).data.find(match);
    if (found) return found;
    if (Date.now() > deadline) assert.fail(`no ${what} in the dev outbox after ${timeoutMs} ms`);
    await sleep(100);
  }
}

/** The first link of `text` under `prefix` (e-mails carry the client-space link in their text part). */
export function linkIn(text: string, prefix: string): string {
  const escaped = prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const link = new RegExp(`${escaped}\\S*`).exec(text)?.[0];
  assert.ok(link, `a link to ${prefix} in:\n${text}`);
  return link;
}

/** A one-page PDF that says what it is: the server checks magic bytes, so the file must be a real PDF. */
export async function pdfFile(dir: string, name: string, text: string): Promise<string> {
  const pdf = await PDFDocument.create();
  const page = pdf.addPage([595, 842]);
  page.drawText(text, { x: 60, y: 760, size: 18, font: await pdf.embedFont(StandardFonts.Helvetica) });
  const file = path.join(dir, name);
  await writeFile(file, await pdf.save());
  return file;
}

/** Numbered screenshots of each step, into test/screenshots/guide/ (git-ignored). */
export class Screenshots {
  private count = 0;
  constructor(private readonly dir: string) {}

  async take(page: Page, name: string): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    this.count += 1;
    await page.screenshot({ path: path.join(this.dir, `${String(this.count).padStart(2, '0')}-${name}.png`), fullPage: true });
  }
}

/** Collects what the browser complained about (script errors, CSP refusals, failed loads) on a page. */
export function watchBrowserProblems(page: Page, who: string, problems: string[]): void {
  page.on('pageerror', (error) => problems.push(`${who}: page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`${who}: console: ${message.text()} (${message.location().url})`);
  });
}

/**
 * Runs the guide's steps in order; after one fails, the others are skipped with the reason. A failing
 * step leaves a screenshot of every page and what the browser complained about, to see why at once.
 */
export class StepChain {
  private failed: string | undefined;
  readonly problems: string[] = [];

  constructor(
    private readonly shots: Screenshots,
    private readonly pages: () => Page[],
  ) {}

  run(body: () => Promise<void>): (ctx: TestContext) => Promise<void> {
    return async (ctx) => {
      if (this.failed) {
        ctx.skip(`an earlier step failed: ${this.failed}`);
        return;
      }
      try {
        await body();
      } catch (error) {
        this.failed = ctx.name;
        for (const page of this.pages()) await this.shots.take(page, 'ECHEC').catch(() => {});
        for (const problem of this.problems) ctx.diagnostic(problem);
        throw error;
      }
    };
  }
}

/** `lecoffre verify <zip>` as a third party runs it (proof/cli.ts): what it printed and its exit code. */
export async function verifyWithCli(zip: string): Promise<{ stdout: string; code: number }> {
  const cwd = fileURLToPath(new URL('../../', import.meta.url));
  return promisify(execFile)('npx', ['tsx', 'proof/cli.ts', 'verify', zip], { cwd }).then(
    (done) => ({ stdout: done.stdout, code: 0 }),
    (error: { stdout: string; code: number }) => ({ stdout: error.stdout, code: error.code }),
  );
}
