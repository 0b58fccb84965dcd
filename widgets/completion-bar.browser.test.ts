import { expect, fixture, html } from '@open-wc/testing';
import './completion-bar.js';
import type { CompletionBar } from './completion-bar.js';

// Mocha globals, provided by @web/test-runner in the browser (@types/mocha is not installed).
declare function describe(name: string, body: () => void): void;
declare function it(name: string, body: () => Promise<void>): void;

function bar(el: CompletionBar): HTMLElement {
  const found = el.shadowRoot?.querySelector<HTMLElement>('[role="progressbar"]');
  if (!found) throw new Error('no progressbar rendered');
  return found;
}

function visibleText(el: CompletionBar): string {
  return el.shadowRoot?.querySelector('.text')?.textContent?.trim() ?? '';
}

describe('<lecoffre-completion-bar>', () => {
  it('renders the value as an accessible progressbar', async () => {
    const el = await fixture<CompletionBar>(
      html`<lecoffre-completion-bar value="42" label="Complétion du dossier"></lecoffre-completion-bar>`,
    );
    const progress = bar(el);
    expect(visibleText(el)).to.equal('42%');
    expect(progress.getAttribute('aria-valuenow')).to.equal('42');
    expect(progress.getAttribute('aria-valuemin')).to.equal('0');
    expect(progress.getAttribute('aria-valuemax')).to.equal('100');
    expect(progress.getAttribute('aria-label')).to.equal('Complétion du dossier');
    expect(el.shadowRoot?.querySelector('[part="fill"]')).to.exist;
    expect(el.hasAttribute('complete')).to.equal(false);
  });

  it('clamps out-of-range values and marks 100 as complete', async () => {
    const high = await fixture<CompletionBar>(html`<lecoffre-completion-bar value="150"></lecoffre-completion-bar>`);
    expect(visibleText(high)).to.equal('100%');
    expect(bar(high).getAttribute('aria-valuenow')).to.equal('100');
    expect(high.hasAttribute('complete')).to.equal(true);

    const low = await fixture<CompletionBar>(html`<lecoffre-completion-bar value="-5"></lecoffre-completion-bar>`);
    expect(visibleText(low)).to.equal('0%');
    expect(bar(low).getAttribute('aria-valuenow')).to.equal('0');
  });

  it('defaults to a French label, English with lang="en"', async () => {
    const fr = await fixture<CompletionBar>(html`<lecoffre-completion-bar value="10"></lecoffre-completion-bar>`);
    expect(bar(fr).getAttribute('aria-label')).to.equal('Complétion');
    const en = await fixture<CompletionBar>(html`<lecoffre-completion-bar value="10" lang="en"></lecoffre-completion-bar>`);
    expect(bar(en).getAttribute('aria-label')).to.equal('Completion');
    en.setAttribute('lang', 'fr');
    await en.updateComplete;
    expect(bar(en).getAttribute('aria-label')).to.equal('Complétion');
  });

  it('takes its colour from --lecoffre-accent', async () => {
    const el = await fixture<CompletionBar>(
      html`<lecoffre-completion-bar value="50" style="--lecoffre-accent: rgb(1, 2, 3)"></lecoffre-completion-bar>`,
    );
    await el.updateComplete;
    const fill = el.shadowRoot?.querySelector('[part="fill"]') as HTMLElement;
    expect(getComputedStyle(fill).backgroundColor).to.equal('rgb(1, 2, 3)');
  });
});
