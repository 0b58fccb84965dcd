import { createHash } from 'node:crypto';
import { type AnyCertificate, chainAnchorOf, FORMAT_SPECIFICATION, isLegacyCertificate } from '@lecoffre/proof';
import { PDFDocument, type PDFFont, PDFHexString, type PDFPage, rgb, StandardFonts } from 'pdf-lib';
import { DEFAULT_TIME_ZONE } from '../../domain/time-zones.js';
import { PROOF_FORMAT_PUBLIC_PATH } from './proof-format-path.js';

/**
 * "Certificat de dépôt.pdf": the human side of the proof, modelled on the guide's "Certificat de dépôt
 * international" (date and time with zone, folder hash, depositors, technical partner, explorer link), plus a
 * short "how to verify". Deterministic: same certificate -> same bytes (fixed dates, a document ID derived
 * from the certificate, no random object ids), so a proof bundle downloaded twice is byte-identical.
 * Fonts: the standard Helvetica (WinAnsi); characters it cannot draw are transliterated or replaced by "?".
 */
export interface CertificatePdfOptions {
  technicalPartner: string;
  /** The office's zone (IANA): the certificate's times are the office's. Default Europe/Paris. */
  timeZone?: string;
  /** The command a reader can run; shown in "Comment vérifier". */
  verifyCommand?: string;
}

const PAGE = { width: 595.28, height: 841.89, margin: 56 }; // A4
const INK = rgb(0.1, 0.1, 0.12);
const MUTED = rgb(0.38, 0.38, 0.42);
const ALERT = rgb(0.7, 0.05, 0.05);

export async function renderCertificatePdf(certificate: AnyCertificate, options: CertificatePdfOptions): Promise<Uint8Array> {
  const pdf = await PDFDocument.create({ updateMetadata: false });
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const mono = await pdf.embedFont(StandardFonts.Courier);
  const anchor = chainAnchorOf(certificate);
  const at = new Date(anchor.timestamp);
  pdf.setTitle(`Certificat de dépôt — dossier ${certificate.folder.number}`);
  pdf.setAuthor(certificate.folder.office);
  pdf.setSubject(`Empreinte du dossier ${certificate.folder.root}`);
  pdf.setCreator('LeCoffre');
  pdf.setProducer('LeCoffre (pdf-lib)');
  pdf.setCreationDate(at);
  pdf.setModificationDate(at);
  const id = createHash('sha256').update(certificate.folder.root).update(anchor.operationHash).digest('hex').slice(0, 32);
  pdf.context.trailerInfo.ID = pdf.context.obj([PDFHexString.of(id), PDFHexString.of(id)]);

  const writer = new PageWriter(pdf, { regular, bold, mono });
  const { folder } = certificate;
  writer.line('Certificat de dépôt', { font: 'bold', size: 20 });
  writer.line('Deposit certificate', { size: 11, color: MUTED });
  writer.gap(10);
  writer.line(formatOfficeTime(at, options.timeZone), { font: 'bold', size: 13 });
  writer.field('Empreinte du dossier (SHA-256)', folder.root, 'mono');
  writer.gap(6);

  writer.heading('Dossier');
  writer.field('Numéro', folder.number);
  writer.field('Intitulé', folder.title);
  writer.field("Type d'acte", folder.deedType);

  writer.heading('Déposant(s)');
  writer.field('Office', isLegacyCertificate(certificate) ? folder.office : `${folder.office} (CRPCEN ${certificate.folder.crpcen})`);
  writer.field('Notaire', folder.notary);
  if (!isLegacyCertificate(certificate)) writer.field('Clients déposants', certificate.folder.depositors.join(', '));
  writer.field('Partenaire technique', options.technicalPartner);

  writer.heading('Ancrage');
  if (anchor.kind === 'tezos') {
    writer.field('Réseau', `Tezos ${anchor.network} (chaîne ${anchor.chainId})`);
    writer.field('Contrat', anchor.contract, 'mono');
    writer.field('Opération', anchor.operationHash, 'mono');
    writer.field('Bloc', `${anchor.level} — ${anchor.blockHash}`, 'mono');
    writer.field('Empreinte ancrée (lot)', certificate.batch.root, 'mono');
    writer.heading('Explorateur blockchain');
    writer.line(anchor.explorerUrl ?? `Opération ${anchor.operationHash} sur le réseau ${anchor.network}`, { font: 'mono', size: 9 });
  } else {
    writer.line('DÉVELOPPEMENT LOCAL — NON ANCRÉ SUR UNE BLOCKCHAIN PUBLIQUE', { font: 'bold', size: 11, color: ALERT });
    writer.paragraph(anchor.notice.fr, { color: ALERT });
    writer.paragraph(anchor.notice.en, { color: ALERT, size: 9 });
    writer.field('Signature Ed25519 de', anchor.publicKey, 'mono');
    writer.field('Empreinte signée (lot)', certificate.batch.root, 'mono');
  }

  writer.heading(`Documents du client (${certificate.files.length})`);
  for (const file of certificate.files) {
    writer.line(`${file.client} — ${file.documentType} — ${file.name}`, { size: 9 });
    if ('validatedBy' in file) {
      const when = `déposé le ${formatOfficeTime(new Date(file.uploadedAt), options.timeZone)}, validé le ${formatOfficeTime(new Date(file.validatedAt), options.timeZone)}`;
      writer.line(`${file.mediaType}, ${file.size} octets, ${when} par ${file.validatedBy}`, { size: 7.5, color: MUTED });
    }
    writer.line(`SHA-256 ${file.sha256}`, { font: 'mono', size: 7.5, color: MUTED });
  }
  if (!isLegacyCertificate(certificate)) {
    writer.heading('Journal d’audit');
    const events = `${certificate.audit.events} ${certificate.audit.events === 1 ? 'événement' : 'événements'}`;
    writer.field(`Tête de chaîne après ${events}, ancrée avec le dossier`, certificate.audit.head, 'mono');
  }

  writer.heading('Comment vérifier');
  const command = options.verifyCommand ?? 'npx lecoffre verify <archive>.zip --tezos-rpc <URL d’un nœud Tezos>';
  writer.paragraph(
    '1. Chaque document de « Documents du client » a pour empreinte SHA-256 celle indiquée dans certificate.json. ' +
      "2. Le chemin de Merkle de chaque empreinte mène à l'empreinte du dossier, puis le chemin du lot mène à l'empreinte ancrée. " +
      "3. Sur l'explorateur ou auprès de tout nœud Tezos, l'opération du bloc indiqué appelle le contrat avec exactement cette empreinte. " +
      'Un outil libre fait tout cela :',
  );
  writer.line(command, { font: 'mono', size: 8.5 });
  writer.paragraph(
    'How to verify: every document hashes to its SHA-256 in certificate.json; the Merkle paths lead to the folder hash and on to ' +
      'the anchored hash; the Tezos operation in that block carries exactly that hash. The command above checks it all.',
    { size: 8.5, color: MUTED },
  );
  writer.paragraph(
    `Format de la preuve, règles de calcul et vecteurs de test : ${PROOF_FORMAT_PUBLIC_PATH} sur le site de vérification ` +
      `(page /verify), et ${FORMAT_SPECIFICATION} dans le dépôt LeCoffre.`,
    { size: 8.5 },
  );
  return pdf.save({ useObjectStreams: false });
}

/** "26/04/2024 10:56:18 UTC+2": the office's local time, with its offset, as on the guide's certificate. */
export function formatOfficeTime(date: Date, timeZone = DEFAULT_TIME_ZONE): string {
  return new Intl.DateTimeFormat('fr-FR', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    timeZoneName: 'shortOffset',
  }).format(date);
}

type FontName = 'regular' | 'bold' | 'mono';
interface LineStyle {
  font?: FontName;
  size?: number;
  color?: ReturnType<typeof rgb>;
}

/** Lays text out top to bottom, wrapping long lines and starting new pages as needed. */
class PageWriter {
  private page: PDFPage;
  private y = PAGE.height - PAGE.margin;

  constructor(
    private readonly pdf: PDFDocument,
    private readonly fonts: Record<FontName, PDFFont>,
  ) {
    this.page = pdf.addPage([PAGE.width, PAGE.height]);
  }

  heading(text: string): void {
    this.gap(8);
    this.line(text, { font: 'bold', size: 12 });
    this.gap(2);
  }

  field(label: string, value: string, font: FontName = 'regular'): void {
    this.line(label, { size: 8.5, color: MUTED });
    this.line(value, { font, size: font === 'mono' ? 9 : 10.5 });
    this.gap(3);
  }

  paragraph(text: string, style: LineStyle = {}): void {
    this.line(text, { size: 9.5, ...style });
    this.gap(4);
  }

  gap(points: number): void {
    this.y -= points;
  }

  line(text: string, style: LineStyle = {}): void {
    const font = this.fonts[style.font ?? 'regular'];
    const size = style.size ?? 10.5;
    for (const piece of wrap(drawable(text, font), font, size, PAGE.width - 2 * PAGE.margin)) {
      if (this.y - size < PAGE.margin) {
        this.page = this.pdf.addPage([PAGE.width, PAGE.height]);
        this.y = PAGE.height - PAGE.margin;
      }
      this.y -= size * 1.3;
      this.page.drawText(piece, { x: PAGE.margin, y: this.y, size, font, color: style.color ?? INK });
    }
  }
}

/** Keeps what the font can draw; strips accents it lacks (NFD), replaces the rest with "?". */
function drawable(text: string, font: PDFFont): string {
  const supported = new Set(font.getCharacterSet());
  let out = '';
  for (const char of text.replace(/[\r\n\t]+/g, ' ')) {
    if (supported.has(char.codePointAt(0) ?? 0)) out += char;
    else {
      const bare = char.normalize('NFD').replace(/\p{M}/gu, '');
      out += [...bare].every((c) => supported.has(c.codePointAt(0) ?? 0)) && bare ? bare : '?';
    }
  }
  return out;
}

/** Splits at spaces to fit `width`; a word longer than a line (a hash, a URL) is cut where it must be. */
function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(' ')) {
    const candidate = current ? `${current} ${word}` : word;
    if (font.widthOfTextAtSize(candidate, size) <= width) {
      current = candidate;
      continue;
    }
    if (current) lines.push(current);
    current = word;
    while (font.widthOfTextAtSize(current, size) > width) {
      let cut = current.length - 1;
      while (cut > 1 && font.widthOfTextAtSize(current.slice(0, cut), size) > width) cut--;
      lines.push(current.slice(0, cut));
      current = current.slice(cut);
    }
  }
  if (current || lines.length === 0) lines.push(current);
  return lines;
}
