export type Language = 'fr' | 'en';

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

/** Who the message greets ("Bonjour Claire Michou") and on whose behalf it speaks. */
export interface Salutation {
  recipientName: string;
  officeName: string;
  /** The office's zone (IANA): the times a message states are the office's. Default Europe/Paris. */
  timeZone?: string;
}

export interface FolderOnlineParams extends Salutation {
  clientSpaceUrl: string;
}

export interface RequestedDocumentLine {
  label: string;
  /** ISO date (YYYY-MM-DD) or null. */
  dueDate: string | null;
}

export interface DocumentsRequestedParams extends Salutation {
  documents: RequestedDocumentLine[];
  clientSpaceUrl: string;
}

export interface DocumentRefusedParams extends Salutation {
  documentLabel: string;
  fileName: string;
  /** The notary's reason; null when none was given. */
  reason: string | null;
  reuploadUrl: string;
}

export interface BankDetailsSharedParams extends Salutation {
  clientSpaceUrl: string;
}

export interface OfficeDocumentSharedParams extends Salutation {
  clientSpaceUrl: string;
  /** What the office called the document. */
  documentLabel: string;
}

export interface UploadedFileLine {
  clientName: string;
  /** The request's label, or null for an extra file ("documents supplémentaires"). */
  documentLabel: string | null;
  fileName: string;
}

export interface UploadsDigestParams extends Salutation {
  folderNumber: string;
  folderTitle: string;
  files: UploadedFileLine[];
  folderUrl: string;
}

export interface ReminderDocumentLine {
  label: string;
  /** ISO date (YYYY-MM-DD). */
  dueDate: string;
  overdue: boolean;
}

export interface RequestReminderParams extends Salutation {
  documents: ReminderDocumentLine[];
  clientSpaceUrl: string;
}

export interface EndpointDisabledParams extends Salutation {
  endpointUrl: string;
  /** `gone`: the receiver answered 410; `failing`: every attempt failed for 5 days. */
  reason: 'gone' | 'failing';
  /** ISO date-time of the first failure of the run, for `failing`. */
  failingSince: string | null;
}

/** Every message in one language. Both languages implement all of them: the compiler checks it. */
export interface MessageCatalogue {
  folderOnline(p: FolderOnlineParams): RenderedEmail;
  documentsRequested(p: DocumentsRequestedParams): RenderedEmail;
  documentRefused(p: DocumentRefusedParams): RenderedEmail;
  bankDetailsShared(p: BankDetailsSharedParams): RenderedEmail;
  officeDocumentShared(p: OfficeDocumentSharedParams): RenderedEmail;
  uploadsDigest(p: UploadsDigestParams): RenderedEmail;
  requestReminder(p: RequestReminderParams): RenderedEmail;
  /** The SMS twin of the reminder: short, no personal data beyond what the e-mail link leads to. */
  requestReminderSms(p: RequestReminderParams): string;
  endpointDisabled(p: EndpointDisabledParams): RenderedEmail;
}
