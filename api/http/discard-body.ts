import type { IncomingMessage } from 'node:http';

/**
 * Reads what is left of a request's body and drops it, up to `maxBytes`. Resolves true once the body has
 * ended: an answer sent now reaches a client that was still sending. An answer sent while the client
 * still sends is lost behind a proxy: HAProxy closes both sides when the server answers a request it has
 * not finished forwarding, and the client, still writing, sees a broken pipe instead of the answer.
 * Resolves false when the body goes over `maxBytes` (not worth reading: the caller answers with
 * `Connection: close`) or the client went away.
 */
export function discardBody(req: IncomingMessage, maxBytes: number): Promise<boolean> {
  if (req.readableEnded) return Promise.resolve(true);
  return new Promise((resolve) => {
    let seen = 0;
    const done = (ended: boolean) => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('close', onGone);
      req.off('error', onGone);
      resolve(ended);
    };
    const onData = (chunk: Buffer) => {
      seen += chunk.length;
      if (seen <= maxBytes) return;
      req.pause();
      done(false);
    };
    const onEnd = () => done(true);
    const onGone = () => done(false);
    req.on('data', onData);
    req.once('end', onEnd);
    req.once('close', onGone);
    req.once('error', onGone);
  });
}
