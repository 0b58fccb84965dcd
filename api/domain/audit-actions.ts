/**
 * Audit actions renamed since rows were first written under them: the stored name, and the name now.
 * Stored rows are never rewritten: their hash covers the action as recorded (domain/audit-chain.ts), so
 * readers show the current name and keep the recorded one beside it for whoever re-hashes the chain.
 * Every action naming what a client sends says `document.*`, as the webhook events do.
 */
export const RENAMED_AUDIT_ACTIONS: Readonly<Record<string, string>> = {
  'file.integrity_failed': 'document.integrity_failed',
};

/** The name an action goes by now, whatever name it was recorded under. */
export function currentAuditAction(recorded: string): string {
  return RENAMED_AUDIT_ACTIONS[recorded] ?? recorded;
}
