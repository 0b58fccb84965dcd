/**
 * Who is told what, and when: the guide's e-mails to clients, the office's grouped upload e-mail and
 * the reminders, through the real embedded adapters (dev outbox for e-mail and SMS) and a manual clock.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { clientActor, officeActor, recordUploadedFile } from '../../../test/support/files.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { devOutboxMailer } from '../../adapters/mail/dev-outbox-mailer.js';
import { type DevOutboxMessage, devOutboxSmsSender, listDevOutbox } from '../../adapters/sms/dev-outbox.js';
import { newId } from '../../domain/ids.js';
import { dispatchOutbox } from '../../jobs/dispatch-outbox.js';
import type { ServiceContext } from '../context.js';
import { refuseFile } from '../files/review-file.js';
import { addFolderClient } from '../folders/add-folder-client.js';
import { createFolder } from '../folders/create-folder.js';
import { createBankDetails } from '../office/bank-details.js';
import { shareBankDetails } from '../office/shared-documents.js';
import { createDocumentRequests } from '../requests/create-document-requests.js';
import { DAY, ManualClock, MINUTE } from '../webhooks/manual-clock.test-support.js';

const HOUR = 60 * MINUTE;

import { addDays, calendarDay, localHour } from '../../domain/time-zones.js';
import { planReminders } from './reminders.js';
import { sendDueNotifications } from './send.js';
import { updateNotificationSettings } from './settings.js';
import { flushDueDigests } from './upload-digests.js';

let t: TestApp;
let ctx: ServiceContext;
const clock = new ManualClock(new Date());
let documentTypes: Array<{ id: string; label: string }>;

before(async () => {
  t = await createTestApp();
  ctx = { db: t.db, actor: officeActor(t.office.id) };
  documentTypes = (await t.db.models.DocumentType.findAll({ where: { officeId: null } })).map((d) => ({ id: d.id, label: d.label }));
});
after(() => t.close());

const typeId = (label: string) => documentTypes.find((d) => d.label === label)?.id as string;
/** One turn of the notification workers at the clock's time. */
async function pump(): Promise<void> {
  await dispatchOutbox({ db: t.db, clock });
  await flushDueDigests(t.db, clock.now());
  await sendDueNotifications({ db: t.db, clock, mailer: devOutboxMailer(t.db), sms: devOutboxSmsSender(t.db), baseUrl: t.config.baseUrl });
}
const mailsTo = async (to: string): Promise<DevOutboxMessage[]> => (await listDevOutbox(t.db, { to, kind: 'email', limit: 200 })).reverse();

let folderCount = 0;
async function folderWithClients(...names: Array<[string, string]>) {
  const folder = await createFolder(ctx, { number: `N-${++folderCount}`, title: `Succession ${folderCount}`, deedType: 'succession' });
  const clients: Array<{ id: string; email: string }> = [];
  for (const [firstName, lastName] of names) {
    const email = `client-${folderCount}-${clients.length + 1}@example.fr`;
    const added = await addFolderClient(ctx, folder.id, {
      client: { firstName, lastName, email, mobile: `06 26 59 7${folderCount % 10} ${10 + clients.length}` },
    });
    clients.push({ id: added.client.id, email });
  }
  return { folder, clients };
}

async function addMember(role: 'notary' | 'collaborator', firstName: string): Promise<{ id: string; email: string }> {
  const id = newId('mbr');
  const email = `${firstName.toLowerCase()}.${id.slice(-6)}@notaires.fr`;
  await t.db.models.Member.create({
    id,
    officeId: t.office.id,
    idnotSubject: null,
    firstName,
    lastName: 'Pallut',
    email,
    role,
    status: 'active',
  });
  return { id, email };
}

describe('client e-mails of the guide', () => {
  it('"dossier mis en ligne" once, to the client asked for documents, then "documents demandés" for later requests', async () => {
    const { folder, clients } = await folderWithClients(['Claire', 'Michou'], ['Estelle', 'Graglia']);
    const [claire, estelle] = clients;
    await createDocumentRequests(ctx, folder.id, {
      clientId: claire.id,
      documents: [
        { documentTypeId: typeId("Carte Nationale d'Identité recto-verso") },
        { documentTypeId: typeId("Avis d'imposition N-2") },
      ],
    });
    await pump();
    let mails = await mailsTo(claire.email);
    assert.equal(mails.length, 1, 'one e-mail for the two requests made together');
    assert.equal(mails[0].subject, 'Votre dossier a été mis en ligne par SELAS AP NOTAIRES');
    assert.match(mails[0].text, /^Bonjour Claire Michou,/);
    assert.match(mails[0].text, /votre dossier a bien été mis en ligne par votre office SELAS AP NOTAIRES/);
    assert.ok(mails[0].text.includes(`${t.config.baseUrl}/espace-client`));
    assert.equal((await mailsTo(estelle.email)).length, 0, 'nothing for a client nothing was asked of');

    clock.advance(DAY);
    await createDocumentRequests(ctx, folder.id, {
      clientId: claire.id,
      documents: [{ documentTypeId: typeId('Justificatif de domicile'), dueDate: addDays(calendarDay(clock.now(), 'Europe/Paris'), 10) }],
    });
    await pump();
    mails = await mailsTo(claire.email);
    assert.equal(mails.length, 2);
    assert.equal(mails[1].subject, 'Un nouveau document vous est demandé');
    assert.match(mails[1].text, /- Justificatif de domicile \(avant le \d\d\/\d\d\/\d{4}\)/);
    await pump();
    assert.equal((await mailsTo(claire.email)).length, 2, 'nothing sent twice');
  });

  it('"document refusé" with the reason and a link to send that document again', async () => {
    const { folder, clients } = await folderWithClients(['Caroline', 'Pallut']);
    const [cni] = await createDocumentRequests(ctx, folder.id, {
      clientId: clients[0].id,
      documents: [{ documentTypeId: typeId("Carte Nationale d'Identité recto-verso") }],
    });
    const file = await recordUploadedFile(t.db, clientActor(t.office.id, clients[0].id), { kind: 'request', requestId: cni.id }, 'cni.jpg');
    await refuseFile(ctx, file.id, { reason: 'Le verso est illisible' });
    await pump();
    const refused = (await mailsTo(clients[0].email)).find((m) => m.subject?.includes('pas conforme'));
    assert.ok(refused, 'refusal e-mail sent');
    assert.match(refused.text, /L'un des documents que vous avez transmis à votre notaire n'est pas conforme\./);
    assert.match(refused.text, /Document : Carte Nationale d'Identité recto-verso \(cni\.jpg\)\nMotif du refus : Le verso est illisible/);
    const link = `${t.config.baseUrl}/espace-client/dossiers/${folder.id}/demandes/${cni.id}`;
    assert.ok(refused.text.includes(link));
    assert.ok(refused.html?.includes(`href="${link}"`));
  });

  it('tells every client of the folder that the office shared its RIB, without the RIB itself', async () => {
    const { folder, clients } = await folderWithClients(['Claire', 'Michou'], ['Estelle', 'Graglia']);
    const bank = await createBankDetails(ctx, { label: 'Compte office', holder: 'SELAS AP NOTAIRES', iban: 'FR7630006000011234567890189' });
    await shareBankDetails(ctx, folder.id, { bankDetailsId: bank.id });
    await pump();
    for (const client of clients) {
      const [mail] = (await mailsTo(client.email)).filter((m) => m.subject === 'SELAS AP NOTAIRES vous a transmis son RIB');
      assert.ok(mail, `RIB e-mail to ${client.email}`);
      assert.ok(!`${mail.text}${mail.html}`.includes('FR76'), 'no IBAN in an e-mail');
    }
  });

  it('escapes what people typed before it goes into the HTML part', async () => {
    const { folder, clients } = await folderWithClients(['<img src=x onerror=alert(1)>', 'Michou']);
    await createDocumentRequests(ctx, folder.id, { clientId: clients[0].id, documents: [{ label: 'Acte <b>signé</b>' }] });
    await pump();
    const [mail] = await mailsTo(clients[0].email);
    assert.ok(mail.html?.includes('&lt;img src=x onerror=alert(1)&gt;'));
    assert.ok(!mail.html?.includes('<img'));
  });
});

describe('the office is told of client uploads, grouped', () => {
  it('sends the first upload at once, then at most one e-mail per folder per 15 minutes, to the members who see it', async () => {
    const notary = await addMember('notary', 'Caroline');
    const collaborator = await addMember('collaborator', 'Paul');
    const { folder, clients } = await folderWithClients(['Claire', 'Michou']);
    const requests = await createDocumentRequests(ctx, folder.id, {
      clientId: clients[0].id,
      documents: [{ label: 'Pièce 1' }, { label: 'Pièce 2' }, { label: 'Pièce 3' }],
    });
    const asClaire = clientActor(t.office.id, clients[0].id);
    const upload = (i: number) => recordUploadedFile(t.db, asClaire, { kind: 'request', requestId: requests[i].id }, `piece-${i + 1}.pdf`);
    const digests = async (email: string) => (await mailsTo(email)).filter((m) => m.subject?.startsWith(`Dossier ${folder.number}`));

    await upload(0);
    await pump();
    assert.equal((await digests(notary.email)).length, 1, 'the first upload is told at once');
    assert.equal((await digests(collaborator.email)).length, 1, 'the folder is open to the whole office');

    clock.advance(MINUTE);
    await upload(1);
    await pump();
    clock.advance(5 * MINUTE);
    await upload(2);
    await recordUploadedFile(t.db, ctx.actor, { kind: 'extra', folderId: folder.id, clientId: clients[0].id }, 'ajout-office.pdf');
    await pump();
    assert.equal((await digests(notary.email)).length, 1, 'nothing more within 15 minutes');

    clock.advance(9 * MINUTE);
    await pump();
    const mails = await digests(notary.email);
    assert.equal(mails.length, 2);
    assert.equal(mails[1].subject, `Dossier ${folder.number} : 2 documents à valider`);
    assert.match(mails[1].text, /Claire Michou : Pièce 2 \(piece-2\.pdf\)\n- Claire Michou : Pièce 3 \(piece-3\.pdf\)/);
    assert.ok(!mails[1].text.includes('ajout-office.pdf'), 'what the office adds itself is no news to it');
  });
});

/** 09:00 UTC on the day of `instant`: office hours in Paris (10:00 or 11:00) whatever the hour the suite runs at. */
const officeHours = (instant: Date) => new Date(Date.UTC(instant.getUTCFullYear(), instant.getUTCMonth(), instant.getUTCDate(), 9));

describe('reminders', () => {
  it('reminds 3 days before the due date, the day after it, then 7 days later, and stops at 3', async () => {
    const start = officeHours(clock.now());
    const today = calendarDay(start, 'Europe/Paris');
    const due = addDays(today, 5);
    const { folder, clients } = await folderWithClients(['Claire', 'Michou']);
    await createDocumentRequests(ctx, folder.id, {
      clientId: clients[0].id,
      documents: [{ label: 'Titre de propriété', dueDate: due }, { label: 'Sans date' }],
    });
    await pump();
    const remindersOf = async () => (await mailsTo(clients[0].email)).filter((m) => m.subject?.startsWith('Rappel'));
    const mobile = (await t.db.models.Client.findByPk(clients[0].id))?.mobile as string;
    const sms = async () => listDevOutbox(t.db, { to: mobile, kind: 'sms' });

    const daysWithReminders: string[] = [];
    for (let day = 1; day <= 30; day++) {
      clock.set(new Date(start.getTime() + day * DAY));
      for (let run = 0; run < 2; run++) await planReminders({ db: t.db, clock }); // runs hourly: twice a day must not send twice
      const before = (await remindersOf()).length;
      await pump();
      if ((await remindersOf()).length > before) daysWithReminders.push(calendarDay(clock.now(), 'Europe/Paris'));
    }
    assert.deepEqual(daysWithReminders, [addDays(due, -3), addDays(due, 1), addDays(due, 8)]);
    const mails = await remindersOf();
    assert.equal(mails[0].subject, 'Rappel : documents à déposer prochainement');
    assert.match(mails[0].text, /- Titre de propriété \(attendu avant le/);
    assert.ok(!mails[0].text.includes('Sans date'));
    assert.equal(mails[1].subject, 'Rappel : des documents sont attendus par votre notaire');
    assert.match(mails[1].text, /en retard/);
    const texts = (await sms()).map((m) => m.text);
    assert.equal(texts.length, 3, 'each reminder by SMS too');
    assert.ok(texts.every((text) => text.startsWith('SELAS AP NOTAIRES : un document est attendu') && text.includes('/espace-client')));
    clock.set(start);
  });

  it('stops once the document is sent, and follows the office settings', async () => {
    await updateNotificationSettings(ctx, { clock }, { reminderDaysBefore: 1, reminderMaxCount: 1 });
    const start = officeHours(clock.now());
    const due = addDays(calendarDay(start, 'Europe/Paris'), 3);
    const { folder, clients } = await folderWithClients(['Estelle', 'Graglia'], ['Paul', 'Graglia']);
    const [sent] = await createDocumentRequests(ctx, folder.id, { clientId: clients[0].id, documents: [{ label: 'RIB', dueDate: due }] });
    await createDocumentRequests(ctx, folder.id, { clientId: clients[1].id, documents: [{ label: 'Livret de famille', dueDate: due }] });
    await recordUploadedFile(t.db, clientActor(t.office.id, clients[0].id), { kind: 'request', requestId: sent.id }, 'rib.pdf');
    await pump();
    const reminderDays: Record<string, string[]> = { estelle: [], paul: [] };
    for (let day = 1; day <= 20; day++) {
      clock.set(new Date(start.getTime() + day * DAY));
      await planReminders({ db: t.db, clock });
      await pump();
      for (const [name, client] of [
        ['estelle', clients[0]],
        ['paul', clients[1]],
      ] as const) {
        const count = (await mailsTo(client.email)).filter((m) => m.subject?.startsWith('Rappel')).length;
        if (count > reminderDays[name].length) reminderDays[name].push(calendarDay(clock.now(), 'Europe/Paris'));
      }
    }
    assert.deepEqual(reminderDays, { estelle: [], paul: [addDays(due, -1)] });
    await updateNotificationSettings(ctx, { clock }, { reminderDaysBefore: 3, reminderMaxCount: 3 });
    clock.set(start);
  });

  it('follows the office’s own clocks: an office in Tahiti is reminded in its office hours, on its calendar', async () => {
    const office = await t.db.models.Office.findByPk(t.office.id);
    await office?.update({ timeZone: 'Pacific/Tahiti' });
    try {
      const start = officeHours(clock.now()); // 09:00 UTC: 23:00 the day before in Tahiti
      clock.set(start);
      const tahitiToday = calendarDay(start, 'Pacific/Tahiti');
      const due = addDays(tahitiToday, 5); // reminded 3 days before: Tahiti's day after tomorrow
      const { folder, clients } = await folderWithClients(['Teva', 'Tetuanui']);
      await createDocumentRequests(ctx, folder.id, { clientId: clients[0].id, documents: [{ label: 'Acte de naissance', dueDate: due }] });
      await pump();
      const reminders = async () => (await mailsTo(clients[0].email)).filter((m) => m.subject?.startsWith('Rappel')).length;
      const at = async (hoursAfterStart: number) => {
        clock.set(new Date(start.getTime() + hoursAfterStart * HOUR));
        await planReminders({ db: t.db, clock });
        await pump();
        return reminders();
      };

      // The reminder's day in Tahiti, 05:00 there (15:00 in Paris): not yet.
      assert.equal(await at(30), 0, 'nothing at night on the office’s clocks');
      assert.equal(calendarDay(clock.now(), 'Pacific/Tahiti'), addDays(due, -3));
      assert.equal(localHour(clock.now(), 'Pacific/Tahiti'), 5);
      // 11:00 in Tahiti (22:00 in Paris, closed there): reminded.
      assert.equal(await at(36), 1, 'reminded in Tahiti’s morning');
      // 19:00 in Tahiti, still the same day there (the next day in Paris): once a day on Tahiti's calendar.
      assert.equal(await at(44), 1, 'once a day on Tahiti’s calendar');
    } finally {
      await office?.update({ timeZone: 'Europe/Paris' });
      clock.set(officeHours(clock.now()));
    }
  });

  it('sends nothing at night on the office’s clocks', async () => {
    const start = officeHours(clock.now());
    clock.set(start);
    const due = addDays(calendarDay(start, 'Europe/Paris'), 4); // reminded 3 days before: tomorrow
    const { folder, clients } = await folderWithClients(['Nuit', 'Calme']);
    await createDocumentRequests(ctx, folder.id, { clientId: clients[0].id, documents: [{ label: 'Avis d’imposition', dueDate: due }] });
    await pump();
    const reminders = async () => (await mailsTo(clients[0].email)).filter((m) => m.subject?.startsWith('Rappel')).length;
    clock.set(new Date(start.getTime() + 16 * HOUR)); // 01:00 UTC: 02:00 or 03:00 in Paris, on the reminder's day
    await planReminders({ db: t.db, clock });
    await pump();
    assert.equal(await reminders(), 0);
    clock.set(new Date(start.getTime() + 24 * HOUR)); // 10:00 or 11:00 in Paris
    await planReminders({ db: t.db, clock });
    await pump();
    assert.equal(await reminders(), 1, 'sent once the office opens');
    clock.set(start);
  });
});
