/**
 * A real SMTP round trip: the notification pipeline sends through nodemailer to an smtp-server sink on
 * loopback, and the message is parsed back with mailparser, as a mail client would read it.
 */
import assert from 'node:assert/strict';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { clientActor, officeActor, recordUploadedFile } from '../../../test/support/files.js';
import { patience } from '../../../test/support/patience.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { dispatchOutbox } from '../../jobs/dispatch-outbox.js';
import { refuseFile } from '../../services/files/review-file.js';
import { addFolderClient } from '../../services/folders/add-folder-client.js';
import { createFolder } from '../../services/folders/create-folder.js';
import { sendDueNotifications } from '../../services/notifications/send.js';
import { createDocumentRequests } from '../../services/requests/create-document-requests.js';
import { ManualClock, MINUTE } from '../../services/webhooks/manual-clock.test-support.js';
import { devOutboxSmsSender } from '../sms/dev-outbox.js';
import { type SmtpMailer, smtpMailer } from './smtp-mailer.js';

interface Received {
  rcptTo: string[];
  raw: string;
  parsed: ParsedMail;
}

const BASE_URL = 'https://lecoffre.example';
let t: TestApp;
let sink: SMTPServer;
let port: number;
let mailer: SmtpMailer;
const received: Received[] = [];
const clock = new ManualClock();

async function startSink(): Promise<void> {
  sink = new SMTPServer({
    // The sink's built-in certificate has expired: no STARTTLS on loopback.
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (address.address.startsWith('unknown')) return callback(Object.assign(new Error('5.1.1 No such mailbox'), { responseCode: 550 }));
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', async () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        received.push({ rcptTo: session.envelope.rcptTo.map((r) => r.address), raw, parsed: await simpleParser(raw) });
        callback();
      });
    },
  });
  sink.listen(port ?? 0, '127.0.0.1');
  await once(sink.server, 'listening');
  port = (sink.server.address() as AddressInfo).port;
}

before(async () => {
  t = await createTestApp({ LECOFFRE_BASE_URL: BASE_URL });
  await startSink();
  mailer = smtpMailer({ url: `smtp://127.0.0.1:${port}/?ignoreTLS=true`, from: 'no-reply@lecoffre.example', timeoutMs: patience(2000) });
});
after(async () => {
  mailer.close();
  sink.close();
  await t.close();
});

const ctx = () => ({ db: t.db, actor: officeActor(t.office.id) });
async function pump() {
  await dispatchOutbox({ db: t.db, clock });
  return sendDueNotifications({ db: t.db, clock, mailer, sms: devOutboxSmsSender(t.db), baseUrl: t.config.baseUrl });
}
const to = (address: string) => received.filter((r) => r.rcptTo.includes(address));

describe('e-mail over SMTP', () => {
  it('delivers the guide’s "dossier mis en ligne": subject, office as sender, French text and HTML, working link, nobody else’s data', async () => {
    const folder = await createFolder(ctx(), { number: '3', title: 'Succession Mme Michou', deedType: 'succession' });
    const added = await addFolderClient(ctx(), folder.id, {
      client: { lastName: 'Michou', firstName: 'Claire', mobile: '06 26 59 72 92', email: 'julie.martin1183@gmail.com' },
    });
    await addFolderClient(ctx(), folder.id, {
      client: { lastName: 'Graglia', firstName: 'Estelle', mobile: '06 11 22 33 44', email: 'estelle.graglia@example.fr' },
    });
    const claire = added.client;
    await createDocumentRequests(ctx(), folder.id, {
      clientId: claire.id,
      documents: [{ label: 'Testament' }, { label: 'Livret de famille' }],
    });
    const summary = await pump();
    assert.equal(summary.sent, 1);

    const [mail] = to('julie.martin1183@gmail.com');
    assert.ok(mail, 'received by the sink');
    assert.deepEqual(mail.rcptTo, ['julie.martin1183@gmail.com'], 'one recipient on the envelope');
    const { parsed } = mail;
    assert.equal(parsed.subject, 'Votre dossier a été mis en ligne par SELAS AP NOTAIRES');
    assert.deepEqual(parsed.from?.value, [{ name: 'SELAS AP NOTAIRES', address: 'no-reply@lecoffre.example' }]);
    const text = parsed.text ?? '';
    assert.match(text, /^Bonjour Claire Michou,/);
    assert.ok(
      text.includes("J'ai le plaisir de vous informer que votre dossier a bien été mis en ligne par votre office SELAS AP NOTAIRES"),
    );
    assert.ok(text.includes('- Déposer tous les documents demandés par votre notaire'));
    assert.ok(text.includes('Merci de votre confiance,'));

    // The link: absolute, on the service's own origin, to the client space, the same in both parts.
    const link = /Accéder à la plateforme : (\S+)/.exec(text)?.[1];
    assert.equal(link, `${BASE_URL}/espace-client`);
    assert.equal(new URL(link as string).origin, BASE_URL);
    const html = String(parsed.html);
    assert.ok(html.includes(`<a href="${link}"`), 'the HTML button points to the same place');
    assert.match(html, /lang="fr"/);

    for (const foreign of ['Estelle', 'Graglia', 'estelle.graglia@example.fr', '+33611223344', 'SCP BRISSON', 'Succession Mme Michou']) {
      assert.ok(!mail.raw.includes(foreign), `${foreign} must not be in Claire's e-mail`);
    }
  });

  it('delivers "document refusé" with the reason and the link to send it again', async () => {
    const folder = await createFolder(ctx(), { number: '4', title: 'Vente', deedType: 'succession' });
    const client = (
      await addFolderClient(ctx(), folder.id, {
        client: { lastName: 'Pallut', firstName: 'Caroline', mobile: '06 26 59 72 93', email: 'c.pallut@example.fr' },
      })
    ).client;
    const [request] = await createDocumentRequests(ctx(), folder.id, {
      clientId: client.id,
      documents: [{ label: "Carte Nationale d'Identité" }],
    });
    const file = await recordUploadedFile(t.db, clientActor(t.office.id, client.id), { kind: 'request', requestId: request.id }, 'cni.jpg');
    await refuseFile(ctx(), file.id, { reason: 'Le verso est illisible' });
    await pump();
    const refused = to('c.pallut@example.fr').find((r) => r.parsed.subject?.includes('pas conforme'));
    assert.ok(refused);
    assert.ok(refused.parsed.text?.includes('Motif du refus : Le verso est illisible'));
    assert.ok(refused.parsed.text?.includes(`${BASE_URL}/espace-client/dossiers/${folder.id}/demandes/${request.id}`));
  });

  it('gives up on a mailbox the server refuses (550) and retries when the server is unreachable', async () => {
    const folder = await createFolder(ctx(), { number: '5', title: 'Donation', deedType: 'succession' });
    const unknown = (
      await addFolderClient(ctx(), folder.id, {
        client: { lastName: 'Inconnu', firstName: 'Jean', mobile: '06 26 59 72 94', email: 'unknown@example.fr' },
      })
    ).client;
    await createDocumentRequests(ctx(), folder.id, { clientId: unknown.id, documents: [{ label: 'RIB' }] });
    assert.deepEqual(await pump(), { sent: 0, skipped: 0, failed: 1, retrying: 0 });
    const [refused] = await t.db.models.Notification.findAll({ where: { clientId: unknown.id } });
    assert.equal(refused.status, 'failed');
    assert.match(refused.lastError ?? '', /550|No such mailbox/);

    const other = (
      await addFolderClient(ctx(), folder.id, {
        client: { lastName: 'Dupont', firstName: 'Marie', mobile: '06 26 59 72 95', email: 'marie.dupont@example.fr' },
      })
    ).client;
    await createDocumentRequests(ctx(), folder.id, { clientId: other.id, documents: [{ label: 'RIB' }] });
    mailer.close();
    sink.close();
    await once(sink, 'close');
    assert.deepEqual(await pump(), { sent: 0, skipped: 0, failed: 0, retrying: 1 });
    const [waiting] = await t.db.models.Notification.findAll({ where: { clientId: other.id } });
    assert.equal(waiting.status, 'pending');
    assert.equal(waiting.dueAt.getTime() - clock.now().getTime(), MINUTE);

    await startSink();
    mailer = smtpMailer({ url: `smtp://127.0.0.1:${port}/?ignoreTLS=true`, from: 'no-reply@lecoffre.example', timeoutMs: patience(2000) });
    clock.advance(MINUTE);
    assert.equal((await pump()).sent, 1);
    assert.equal(to('marie.dupont@example.fr').length, 1);
  });
});
