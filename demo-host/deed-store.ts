import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** A deed ("acte") of the drafting software: its own record, linked to a LeCoffre folder once opened. */
export interface Deed {
  id: string;
  /** The software's own numbering, also the LeCoffre folder's number. */
  number: string;
  title: string;
  /** A LeCoffre deed type code (`vente`, `succession`…). */
  deedType: string;
  deedTypeLabel: string;
  createdAt: string;
  /** The LeCoffre folder, once created for this deed. */
  folderId: string | null;
}

/** The webhook endpoint registered for this app, with its secret (shown once by LeCoffre, kept here). */
export interface SavedWebhookEndpoint {
  id: string;
  url: string;
  secret: string;
}

interface SavedState {
  deeds: Deed[];
  webhookEndpoint: SavedWebhookEndpoint | null;
}

const SAMPLE_DEEDS: Array<Pick<Deed, 'number' | 'title' | 'deedType' | 'deedTypeLabel'>> = [
  { number: 'R-2025-001', title: 'Vente Martin / Durand', deedType: 'vente', deedTypeLabel: 'Vente' },
  { number: 'R-2025-002', title: 'Succession Mme Michou', deedType: 'succession', deedTypeLabel: 'Succession' },
  { number: 'R-2025-003', title: 'Donation Lefèvre', deedType: 'donation', deedTypeLabel: 'Donation' },
];

/**
 * The drafting software's deeds and its LeCoffre settings: in memory, and in `demo-host.json` under the
 * data dir when there is one, so that a restart keeps the links to LeCoffre folders and the webhook secret.
 */
export class DeedStore {
  private state: SavedState = { deeds: [], webhookEndpoint: null };
  private saving: Promise<void> = Promise.resolve();

  private constructor(private readonly file: string | undefined) {}

  static async open(dataDir: string | undefined): Promise<DeedStore> {
    const store = new DeedStore(dataDir ? path.join(dataDir, 'demo-host.json') : undefined);
    const saved = store.file ? await readFile(store.file, 'utf8').catch(() => undefined) : undefined;
    if (saved) {
      store.state = JSON.parse(saved) as SavedState;
    } else {
      const now = new Date().toISOString();
      store.state.deeds = SAMPLE_DEEDS.map((deed) => ({ ...deed, id: randomUUID(), createdAt: now, folderId: null }));
      await store.save();
    }
    return store;
  }

  list(): readonly Deed[] {
    return this.state.deeds;
  }

  get(id: string): Deed | undefined {
    return this.state.deeds.find((deed) => deed.id === id);
  }

  async add(input: Pick<Deed, 'title' | 'deedType' | 'deedTypeLabel'>): Promise<Deed> {
    const year = new Date().getFullYear();
    const taken = new Set(this.state.deeds.map((deed) => deed.number));
    let sequence = this.state.deeds.length + 1;
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

  async linkFolder(id: string, folderId: string): Promise<void> {
    const deed = this.get(id);
    if (!deed) throw new Error(`no deed ${id}`);
    deed.folderId = folderId;
    await this.save();
  }

  get webhookEndpoint(): SavedWebhookEndpoint | null {
    return this.state.webhookEndpoint;
  }

  async saveWebhookEndpoint(endpoint: SavedWebhookEndpoint): Promise<void> {
    this.state.webhookEndpoint = endpoint;
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
