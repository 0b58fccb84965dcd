// s3rver ships no types; this covers what the S3 adapter's tests use.
declare module 's3rver' {
  interface S3rverOptions {
    address?: string;
    port?: number;
    silent?: boolean;
    directory: string;
    resetOnClose?: boolean;
    configureBuckets?: { name: string; configs?: (string | Buffer)[] }[];
  }
  export default class S3rver {
    constructor(options: S3rverOptions);
    /** Resolves with the bound address once the buckets are configured. */
    run(): Promise<import('node:net').AddressInfo>;
    close(): Promise<void>;
  }
}
