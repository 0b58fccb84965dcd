import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** A deed ("acte") of the drafting software: its own record, filed under one office, linked to a LeCoffre folder once opened. */
export interface Deed {
  id: string;
  /** The LeCoffre office the deed is filed under (its folder is that office's). */
  officeId: string;
  /** The software's own numbering (per office), also the LeCoffre folder's number. */
  number: string;
  title: string;
  /** A LeCoffre deed type code (`vente`, `succession`…). */
  deedType: string;
  deedTypeLabel: string;
  createdAt: string;
  /** The LeCoffre folder, once created for this deed. */
  folderId: string | null;
}

/** An office that connected the software (OAuth consent by one of its notaries), with the app's tokens for it. */
export interface ConnectedOffice {
  officeId: string;
  name: string;
  crpcen: string;
  /** IANA: the office's times are shown in it. */
  timeZone: string;
  connectedAt: string;
  /** Rotated on every refresh: the SDK hands each new pair to `saveTokens` before using it. */
  tokens: { accessToken: string; refreshToken: string; expiresAt: string };
}

interface SavedState {
  deeds: Deed[];
  offices: ConnectedOffice[];
}

const SAMPLE_DEEDS: Array<Pick<Deed, 'number' | 'title' | 'deedType' | 'deedTypeLabel'>> = [
  { number: 'R-2025-001', title: 'Vente Martin / Durand', deedType: 'vente', deedTypeLabel: 'Vente' },
  { number: 'R-2025-002', title: 'Succession Mme Michou', deedType: 'succession', deedTypeLabel: 'Succession' },
  { number: 'R-2025-003', title: 'Donation Lefèvre', deedType: 'donation', deedTypeLabel: 'Donation' },
];

/**
 * The drafting software's deeds and the offices connected to it: in memory, and in `demo-host.json` under
 * the data dir when there is one, so that a restart keeps the links to LeCoffre folders and each office's
 * tokens (a file readable by its owner only: the tokens are secrets).
 */
export class DeedStore {
  private state: SavedState = { deeds: [], offices: [] };
  private saving: Promise<void> = Promise.resolve();

  private constructor(private readonly file: string | undefined) {}

  static async open(dataDir: string | undefined): Promise<DeedStore> {
    const store = new DeedStore(dataDir ? path.join(dataDir, 'demo-host.json') : undefined);
    const saved = store.file ? await readFile(store.file, 'utf8').catch(() => undefined) : undefined;
    if (saved) {
      const state = JSON.parse(saved) as Partial<SavedState>;
      // A file of the single-office demo (an API key, no offices): its deeds belonged to no connected office.
      store.state = { deeds: (state.deeds ?? []).filter((deed) => deed.officeId), offices: state.offices ?? [] };
    }
    return store;
  }

  list(): readonly Deed[] {
    return this.state.deeds;
  }

  get(id: string): Deed | undefined {
    return this.state.deeds.find((deed) => deed.id === id);
  }

  async add(input: Pick<Deed, 'officeId' | 'title' | 'deedType' | 'deedTypeLabel'>): Promise<Deed> {
    const year = new Date().getFullYear();
    const ofOffice = this.state.deeds.filter((deed) => deed.officeId === input.officeId);
    const taken = new Set(ofOffice.map((deed) => deed.number));
    let sequence = ofOffice.length + 1;
    while (taken.has(`R-${year}-${String(sequence).padStart(3, '0')}`)) sequence += 1;
    const deed: Deed = {
      ...input,
      id: randomUUID(),
      number: `R-${year}-${String(sequence).padStart(3, '0')}`,
      createdAt: new Date().toISOString(),
      folderId: null,
    };
    this.state.deeds.push(deed);
    await this.save();
    return deed;
  }

  /** The sample deeds, for an office that connects with none of its own yet here. */
  async addSampleDeeds(officeId: string): Promise<void> {
    if (this.state.deeds.some((deed) => deed.officeId === officeId)) return;
    const now = new Date().toISOString();
    this.state.deeds.push(...SAMPLE_DEEDS.map((deed) => ({ ...deed, officeId, id: randomUUID(), createdAt: now, folderId: null })));
    await this.save();
  }

  async linkFolder(id: string, folderId: string): Promise<void> {
    const deed = this.get(id);
    if (!deed) throw new Error(`no deed ${id}`);
    deed.folderId = folderId;
    await this.save();
  }

  offices(): readonly ConnectedOffice[] {
    return this.state.offices;
  }

  office(officeId: string): ConnectedOffice | undefined {
    return this.state.offices.find((office) => office.officeId === officeId);
  }

  /** A new connection, or the same office connecting again (new tokens). */
  async saveOffice(office: ConnectedOffice): Promise<void> {
    this.state.offices = [...this.state.offices.filter((known) => known.officeId !== office.officeId), office];
    await this.save();
  }

  async saveTokens(officeId: string, tokens: ConnectedOffice['tokens']): Promise<void> {
    const office = this.office(officeId);
    if (!office) return;
    office.tokens = tokens;
    await this.save();
  }

  /** Forgets an office's tokens (disconnected); its deeds stay, read-only until it connects again. */
  async removeOffice(officeId: string): Promise<void> {
    this.state.offices = this.state.offices.filter((office) => office.officeId !== officeId);
    await this.save();
  }

  /** Writes are queued (one at a time) and atomic (a temporary file renamed), readable only by the owner. */
  private save(): Promise<void> {
    const file = this.file;
    if (!file) return Promise.resolve();
    const snapshot = JSON.stringify(this.state, null, 2);
    // A failed write does not block the next ones (each writes the whole state).
    this.saving = this.saving
      .catch(() => {})
      .then(async () => {
        await mkdir(path.dirname(file), { recursive: true });
        await writeFile(`${file}.tmp`, snapshot, { mode: 0o600 });
        await rename(`${file}.tmp`, file);
      });
    return this.saving;
  }
}
