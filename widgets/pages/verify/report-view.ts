import type { Bilingual, VerificationReport } from '@lecoffre/sdk';
import { html, nothing, type TemplateResult } from 'lit';
import { ANCHOR_STATUS_LABELS, FILE_STATUS_LABELS, VERDICT_LABELS, type VerifyMessages } from './messages.js';

/** French first, English second, each marked with its language so that screen readers switch voice. */
const bilingual = (text: Bilingual) => html`<span lang="fr">${text.fr}</span> <span lang="en" class="en">${text.en}</span>`;

/** Green only for `valid`: a proof that holds but is not publicly anchored is amber, never a success. */
const VERDICT_CLASSES = { valid: 'verdict ok', warning: 'verdict warning', invalid: 'verdict failed' } as const;

/**
 * The verifier's report: the overall verdict, the folder, one row per document, the anchor, and any
 * problem not already told beside a document or the anchor (as the CLI's `describeReport` does).
 */
export function renderReport(report: VerificationReport, t: VerifyMessages): TemplateResult {
  const told = new Set<Bilingual>([
    report.summary,
    ...report.files.map((file) => file.message),
    ...(report.anchor ? [report.anchor.message] : []),
  ]);
  const others = report.problems.filter((problem) => !told.has(problem.message));
  return html`
    <section part="verdict" class=${VERDICT_CLASSES[report.verdict]} data-ok=${String(report.ok)} data-verdict=${report.verdict}>
      <p class="badge">${VERDICT_LABELS[report.verdict]}</p>
      <h2>${bilingual(report.summary)}</h2>
      ${
        report.folder
          ? html`<dl>
              <dt>${t.folder}</dt>
              <dd>${report.folder.number} — ${report.folder.title}</dd>
              <dt>${t.folderHash}</dt>
              <dd><code>${report.folder.root}</code></dd>
            </dl>`
          : nothing
      }
    </section>
    ${report.files.length || report.folder ? renderFiles(report, t) : nothing} ${report.anchor ? renderAnchor(report, t) : nothing}
    ${
      others.length
        ? html`<section part="problems">
            <h3>${t.otherProblems}</h3>
            <ul>
              ${others.map(
                (problem) =>
                  html`<li data-code=${problem.code}>
                    <code>${problem.culprit}${problem.detail ? ` (${problem.detail})` : ''}</code> : ${bilingual(problem.message)}
                  </li>`,
              )}
            </ul>
          </section>`
        : nothing
    }
  `;
}

function renderFiles(report: VerificationReport, t: VerifyMessages): TemplateResult {
  return html`<section part="files">
    <h3>${t.documents}</h3>
    ${
      report.files.length === 0
        ? html`<p>${t.noDocuments}</p>`
        : html`<table>
            <thead>
              <tr>
                <th scope="col">${t.document}</th>
                <th scope="col">${t.result}</th>
                <th scope="col">${t.detail}</th>
              </tr>
            </thead>
            <tbody>
              ${report.files.map(
                (file) => html`<tr data-status=${file.status}>
                  <th scope="row"><code>${file.path}</code>${file.foundAt ? html`<br /><code>→ ${file.foundAt}</code>` : nothing}</th>
                  <td><span class=${file.status === 'ok' ? 'badge validated' : 'badge refused'}>${FILE_STATUS_LABELS[file.status]}</span></td>
                  <td>${bilingual(file.message)}</td>
                </tr>`,
              )}
            </tbody>
          </table>`
    }
  </section>`;
}

/** The link comes from the bundle, which anyone may have edited: only an https address becomes a link. */
function explorerLink(url: string | null): boolean {
  return url !== null && /^https:\/\//i.test(url);
}

function renderAnchor(report: VerificationReport, t: VerifyMessages): TemplateResult | typeof nothing {
  const anchor = report.anchor;
  if (!anchor) return nothing;
  const badge = anchor.status === 'verified' ? 'badge validated' : anchor.status === 'failed' ? 'badge refused' : 'badge pending';
  return html`<section part="anchor" data-anchor-status=${anchor.status}>
    <h3>${t.anchor}</h3>
    <p><span class=${badge}>${ANCHOR_STATUS_LABELS[anchor.status]}</span></p>
    <p>${bilingual(anchor.message)}</p>
    <dl>
      <dt>${t.network}</dt>
      <dd>${anchor.kind === 'tezos' ? `Tezos ${anchor.network}` : anchor.network}</dd>
      <dt>${t.operation}</dt>
      <dd><code>${anchor.operationHash}</code></dd>
    </dl>
    ${explorerLink(anchor.explorerUrl) ? html`<p><a href=${anchor.explorerUrl as string} target="_blank" rel="noopener noreferrer">${t.explorer}</a></p>` : nothing}
  </section>`;
}
