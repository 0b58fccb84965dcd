/**
 * One capture: the page settled (settle.ts), a full-page PNG at each width, then the checks every capture
 * gets: Chromium drew all text in the bundled font, axe finds no WCAG 2.0/2.1 A or AA violation, and the
 * picture matches its baseline. Problems are collected, so that one run reports (and, when accepting,
 * writes) every capture, and asserted at the end of the test.
 */
import assert from 'node:assert/strict';
import type { Locator, Page } from 'playwright-core';
import { axeViolations } from './axe.js';
import { compareWithBaseline } from './compare.js';
import { fallbackFonts } from './fonts.js';
import { settle } from './settle.js';

export const PHONE = 360;
export const DESKTOP = 1280;

export interface CaptureOptions {
  /** Widths in px (default: both). */
  widths?: number[];
  /** Only the viewport (a dialog over the page), not the full page. */
  viewportOnly?: boolean;
  /** Parts drawn by something else than the page (a PDF in a frame): painted over in one colour. */
  mask?: (page: Page) => Locator[];
  /**
   * Texts known to need a glyph the bundled font lacks (the product's to fix): allowed, and to be masked
   * with `mask` so that the picture does not depend on the machine's fallback font.
   */
  knownFallbacks?: string[];
  /** Requests the test holds on purpose (their URL), not waited for. */
  held?: RegExp;
  /** Runs after each resize, before settling (e.g. reopen what a resize closed). */
  prepare?: (page: Page, width: number) => Promise<void>;
}

export class Captures {
  readonly problems: string[] = [];
  readonly names: string[] = [];

  async shoot(page: Page, name: string, options: CaptureOptions = {}): Promise<void> {
    for (const width of options.widths ?? [PHONE, DESKTOP]) {
      const file = `${name}.${width}`;
      this.names.push(file);
      await page.setViewportSize({ width, height: 800 });
      await options.prepare?.(page, width);
      await settle(page, options.held);
      const picture = await page.screenshot({
        fullPage: !options.viewportOnly,
        animations: 'disabled',
        caret: 'hide',
        scale: 'css',
        mask: options.mask?.(page),
        maskColor: '#7f7f7f',
      });
      for (const font of await fallbackFonts(page)) {
        if (!options.knownFallbacks?.some((text) => font.endsWith(`"${text}"`)))
          this.problems.push(`${file}: not the bundled font: ${font}`);
      }
      for (const violation of await axeViolations(page)) this.problems.push(`${file}: axe: ${violation}`);
      const mismatch = await compareWithBaseline(file, picture);
      if (mismatch) this.problems.push(mismatch);
    }
  }

  /** Fails the test with every problem found, one per line. */
  assertClean(): void {
    assert.deepEqual(this.problems, [], `${this.problems.length} problem(s):\n${this.problems.join('\n')}`);
  }
}
