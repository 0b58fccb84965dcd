/**
 * Links put in e-mails. The hosted pages own these paths: keep both in step (the client space is the
 * guide's "espace client"; a client who is not signed in is sent to sign in, then back here).
 */
export const links = {
  clientSpace: (baseUrl: string) => `${baseUrl}/espace-client`,
  /** Straight to the request whose file was refused, to send it again. */
  reupload: (baseUrl: string, folderId: string, requestId: string | null) =>
    requestId
      ? `${baseUrl}/espace-client/dossiers/${encodeURIComponent(folderId)}/demandes/${encodeURIComponent(requestId)}`
      : `${baseUrl}/espace-client/dossiers/${encodeURIComponent(folderId)}`,
  /** The folder in the hosted notary console. */
  staffFolder: (baseUrl: string, folderId: string) => `${baseUrl}/app/dossiers/${encodeURIComponent(folderId)}`,
};
