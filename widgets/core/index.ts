/**
 * The widgets' shared base: connection (SDK client through @lit/context), base element, i18n, theme
 * tokens, events, errors, SHA-256 and browser uploads. Other widgets import from here.
 */
export {
  type ConnectOptions,
  connect,
  connectionContext,
  type LeCoffreConnection,
  provideConnection,
  type WidgetClient,
  type WidgetConnection,
} from './connection.js';
export { openBlobInNewTab, saveBlob } from './download.js';
export { LeCoffreElement } from './element.js';
export { describeError, isTransient } from './errors.js';
export {
  emit,
  type LeCoffreErrorDetail,
  type LeCoffreEventMap,
  type LeCoffreEventName,
  type LeCoffreSessionExpiredDetail,
} from './events.js';
export { type Catalog, defineMessages, formatBytes, formatDate, type Lang, type Message, resolveLang } from './i18n.js';
export { announceChange, type LiveChange, LiveController, type LiveScope } from './live.js';
export { type HashOptions, STREAMING_THRESHOLD_BYTES, sha256Hex } from './sha256.js';
export { controls, tokens } from './theme.js';
export { ACCEPT_ATTRIBUTE, ACCEPTED_FILE_TYPES, hasAcceptedType, type SendFilesOptions, sendFiles, type UploadTarget } from './upload.js';
