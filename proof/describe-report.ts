import type { FileStatus, Verdict, VerificationReport } from './report.js';

const FILE_LABELS: Record<FileStatus, string> = {
  ok: 'OK',
  modified: 'MODIFIÉ / MODIFIED',
  missing: 'MANQUANT / MISSING',
  renamed: 'RENOMMÉ / RENAMED',
  extra: 'EN TROP / EXTRA',
  certificate_mismatch: 'CERTIFICAT ALTÉRÉ / CERTIFICATE ALTERED',
};

const VERDICT_LABELS: Record<Verdict, string> = {
  valid: '[VALIDE / VALID]',
  warning: '[AVERTISSEMENT / WARNING]',
  invalid: '[INVALIDE / INVALID]',
};

/** The report as plain text lines, French then English on each point: what the CLI prints. */
export function describeReport(report: VerificationReport): string[] {
  const lines: string[] = [];
  if (report.folder) {
    lines.push(`Dossier / Folder ${report.folder.number} — ${report.folder.title}`);
    lines.push(`Empreinte du dossier / Folder hash: ${report.folder.root}`);
    lines.push('');
  }
  if (report.files.length > 0) {
    lines.push('Documents :');
    for (const file of report.files) {
      lines.push(`  [${FILE_LABELS[file.status]}] ${file.path}`);
      if (file.status !== 'ok') {
        lines.push(`      ${file.message.fr}`);
        lines.push(`      ${file.message.en}`);
      }
    }
    lines.push('');
  }
  if (report.anchor) {
    lines.push(`Ancrage / Anchor [${report.anchor.status}] ${report.anchor.network}, ${report.anchor.operationHash}`);
    lines.push(`  ${report.anchor.message.fr}`);
    lines.push(`  ${report.anchor.message.en}`);
    if (report.anchor.explorerUrl) lines.push(`  ${report.anchor.explorerUrl}`);
    lines.push('');
  }
  if (report.timestamp) {
    lines.push(`Horodatage / Timestamp [${report.timestamp.status}]${report.timestamp.tsa ? ` ${report.timestamp.tsa}` : ''}`);
    lines.push(`  ${report.timestamp.message.fr}`);
    lines.push(`  ${report.timestamp.message.en}`);
    lines.push('');
  }
  // Problems already told beside their file, the anchor, the timestamp or as the summary are not repeated.
  const told = new Set([report.summary, ...report.files.map((file) => file.message), report.anchor?.message, report.timestamp?.message]);
  const others = report.problems.filter((problem) => !told.has(problem.message));
  if (others.length > 0) {
    lines.push('Problèmes / Problems:');
    for (const problem of others) {
      lines.push(`  - ${problem.culprit}${problem.detail ? ` (${problem.detail})` : ''}`);
      lines.push(`      ${problem.message.fr}`);
      lines.push(`      ${problem.message.en}`);
    }
    lines.push('');
  }
  lines.push(`${VERDICT_LABELS[report.verdict]}`);
  lines.push(report.summary.fr);
  lines.push(report.summary.en);
  return lines;
}
