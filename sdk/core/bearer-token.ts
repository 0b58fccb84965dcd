/** Answers a fresh token, e.g. by asking the page's own server to mint a new widget session. */
export type TokenProvider = () => Promise<string>;

interface Renewal {
  refused: string;
  fresh: Promise<string | undefined>;
}

/**
 * A bearer credential that can be replaced when the API refuses it (401). Every client and upload made
 * with the same instance shares it: one renewal serves all the calls refused together.
 *
 * ```ts
 * const token = new BearerToken(session.token, async () => (await fetch('/my-server/lecoffre-session', { method: 'POST' })).text());
 * const lecoffre = new LeCoffre({ token, baseUrl });
 * ```
 */
export class BearerToken {
  private renewal?: Renewal;

  /** `provider` may answer undefined: none for now (a page may set one later), which is not a failure. */
  constructor(
    private current: string,
    private readonly provider?: () => Promise<string> | undefined,
  ) {}

  /** The token to send now. */
  get value(): string {
    return this.current;
  }

  /**
   * The token to retry with once `refused` got a 401: the current one if another call renewed it
   * meanwhile, else the provider's. Undefined without a provider, or when it failed or answered the
   * refused token again: the session is over. The provider is asked once per refused token, and its
   * failure is kept, so that a dead session does not call it on every request.
   */
  renew(refused: string): Promise<string | undefined> {
    if (refused !== this.current) return Promise.resolve(this.current);
    const provider = this.provider;
    if (!provider) return Promise.resolve(undefined);
    if (this.renewal?.refused !== refused) {
      const renewal: Renewal = {
        refused,
        // Through a promise: a provider that throws instead of rejecting fails the same way.
        fresh: Promise.resolve()
          .then(provider)
          .then(
            (token) => {
              if (token === undefined && this.renewal === renewal) this.renewal = undefined;
              if (typeof token !== 'string' || token === '' || token === refused) return undefined;
              this.current = token;
              return token;
            },
            () => undefined,
          ),
      };
      this.renewal = renewal;
    }
    return this.renewal.fresh;
  }
}
