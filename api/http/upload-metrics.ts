import type { Request } from 'express';
import { DomainError } from '../domain/errors.js';
import type { Metrics, UploadOutcome } from '../ports/metrics.js';
import { receivedBodyBytes } from './multipart.js';
import { HttpProblem } from './problem.js';

function outcomeOf(req: Request, error: unknown): { outcome: UploadOutcome; reason?: string } {
  const coded = error instanceof DomainError || (error instanceof HttpProblem && error.status < 500) ? error : undefined;
  // A client that goes away mid-body can surface as a cut-short multipart body rather than as the abort.
  if (coded?.code === 'upload_aborted' || (req.destroyed && !req.complete)) return { outcome: 'aborted' };
  return coded ? { outcome: 'rejected', reason: coded.code } : { outcome: 'failed' };
}

/** Runs an upload and reports how it ended (accepted, rejected with its problem code, aborted, failed). */
export async function countedUpload<T>(req: Request, metrics: Metrics, upload: () => Promise<T>): Promise<T> {
  try {
    const result = await upload();
    metrics.upload({ outcome: 'accepted', bytes: receivedBodyBytes(req) });
    return result;
  } catch (error) {
    metrics.upload({ ...outcomeOf(req, error), bytes: receivedBodyBytes(req) });
    throw error;
  }
}
