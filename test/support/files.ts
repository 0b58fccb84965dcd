import { createHash, randomBytes } from 'node:crypto';
import type { Database } from '../../api/db/database.js';
import type { Actor } from '../../api/services/context.js';
import { type FileTarget, recordDocumentFile, resolveFileTarget } from '../../api/services/files/record-document-file.js';
import type { DocumentFile } from '../../api/services/files/views.js';

/**
 * Records a file as if a client had uploaded it, through the same service the upload endpoint calls
 * once the bytes are stored. For workflow tests that are about review, not bytes.
 */
export async function recordUploadedFile(db: Database, actor: Actor, target: FileTarget, name = 'scan.pdf'): Promise<DocumentFile> {
  const ctx = { db, actor };
  const where = await resolveFileTarget(ctx, target);
  const bytes = randomBytes(64);
  return recordDocumentFile(ctx, where, {
    originalName: name,
    contentType: 'application/pdf',
    size: bytes.length,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    sha256Source: 'client',
    storageKey: `test/${randomBytes(8).toString('hex')}`,
    wrappedDataKey: 'test',
    masterKeyId: 'test',
  });
}

export function officeActor(officeId: string): Actor {
  return { kind: 'api_key', officeId, credentialId: 'test', memberId: null, role: null, folderId: null, ip: '127.0.0.1' };
}

export function clientActor(officeId: string, clientId: string): Actor {
  return { kind: 'client', officeId, clientId, credentialId: 'test', folderId: null, ip: '127.0.0.1' };
}
