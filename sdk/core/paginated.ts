/** One page of a list, as the contract sends it: `nextCursor` is null (or absent) on the last page. */
export interface Page<T> {
  data: T[];
  nextCursor?: string | null;
}

export type PageFetcher<T> = (cursor: string | undefined) => Promise<Page<T>>;

/**
 * A list call. Nothing is sent until it is read: `for await` walks every item across pages, following
 * `nextCursor`; `page()` fetches one page (to drive paging yourself, pass its `nextCursor` back as `cursor`).
 */
export class Paginated<T> implements AsyncIterable<T> {
  constructor(
    private readonly fetchPage: PageFetcher<T>,
    private readonly startCursor: string | undefined,
  ) {}

  /** The first page (from the `cursor` given to `list`, if any). */
  page(): Promise<Page<T>> {
    return this.fetchPage(this.startCursor);
  }

  /** Every page in turn, each fetched only when the previous one has been consumed. */
  async *pages(): AsyncGenerator<Page<T>, void, undefined> {
    let cursor = this.startCursor;
    for (;;) {
      const page = await this.fetchPage(cursor);
      yield page;
      if (!page.nextCursor) return;
      // A server bug that hands back the cursor it was given would otherwise loop forever.
      if (page.nextCursor === cursor) throw new Error(`LeCoffre returned the same cursor twice (${cursor}).`);
      cursor = page.nextCursor;
    }
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<T, void, undefined> {
    for await (const page of this.pages()) yield* page.data;
  }

  /** Every item in memory. `max` stops early (and caps memory) on a list that may be long. */
  async toArray({ max = Number.POSITIVE_INFINITY }: { max?: number } = {}): Promise<T[]> {
    const items: T[] = [];
    if (max <= 0) return items;
    for await (const item of this) {
      items.push(item);
      if (items.length >= max) break;
    }
    return items;
  }
}
