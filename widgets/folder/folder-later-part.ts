import { FolderPart } from './folder-part.js';
import type { AllFolderMessages } from './messages.js';
import { allMessagesFor } from './messages-later.js';

/**
 * Base of the folder's parts loaded after its first screen (the dialogs, the documents sent, anchoring):
 * their words, beyond the first screen's, come in their own chunk with them (messages-later.ts).
 */
export class FolderLaterPart extends FolderPart {
  protected override get t(): AllFolderMessages {
    return allMessagesFor(this.language, this);
  }
}
