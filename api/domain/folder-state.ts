import { DomainError } from './errors.js';

export interface FolderState {
  status: 'open' | 'archived';
  anchorStatus: 'anchoring' | 'anchored' | 'anchoring_failed' | null;
}

/**
 * A folder changes only while open and not anchored: once the notary asks to anchor it, its documents
 * are what the proof certifies, so no request, upload or review may change them any more.
 */
export function ensureFolderOpen(folder: FolderState): void {
  if (folder.anchorStatus !== null) {
    throw new DomainError('conflict', 'folder_frozen', 'This folder is anchored (or being anchored): its documents can no longer change.');
  }
  if (folder.status !== 'open') {
    throw new DomainError('conflict', 'folder_not_open', 'This folder is archived; it can no longer change.');
  }
}
