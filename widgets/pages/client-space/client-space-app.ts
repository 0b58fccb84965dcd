import type { ClientLoginStarted, LeCoffre } from '@lecoffre/sdk';
import { AuthenticationError, createClient, resources } from '@lecoffre/sdk';
import type { PropertyValues } from 'lit';
import { html, nothing, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { sameCredentialAs, type WidgetConnection } from '../../core/connection.js';
import { LeCoffreElement } from '../../core/element.js';
import { controls, tokens } from '../../core/theme.js';
import '../../upload/upload.js';
import { fieldErrors } from './field-errors.js';
import { type ClientSpaceMessages, MESSAGES, SIGN_IN_ERRORS } from './messages.js';
import { hasRememberedPassword, rememberPassword } from './remembered-password.js';
import { clientSpaceStyles } from './styles.js';

type Step = 'checking' | 'email' | 'code' | 'password' | 'set-password' | 'space';

type ClientAuth = LeCoffre['clientAuth'];

/**
 * The sign-in calls, with the connection's credential and address. An element's connection carries the
 * resources the widgets call, and signing in is none of theirs: this page builds its own, once per connection.
 */
const signIns = new WeakMap<WidgetConnection, ClientAuth>();

function clientAuthOf(connection: WidgetConnection): ClientAuth {
  let clientAuth = signIns.get(connection);
  if (!clientAuth) {
    clientAuth = createClient(sameCredentialAs(connection), { clientAuth: resources.ClientAuth }).clientAuth;
    signIns.set(connection, clientAuth);
  }
  return clientAuth;
}

const formValue = (form: HTMLFormElement, name: string) => String(new FormData(form).get(name) ?? '').trim();

/**
 * `/espace-client`: the guide's client journey. E-mail, then the code received by SMS, then a password
 * the first time; later visits from this browser offer the password first. Then `<lecoffre-upload>`.
 * The session is the API's httpOnly cookie: this element never sees it, it only asks `/v1/me`.
 */
@customElement('lecoffre-client-space')
export class LeCoffreClientSpace extends LeCoffreElement {
  static override styles = [tokens, controls, clientSpaceStyles];

  /** From the e-mail's link: the folder and request to open. */
  @property({ attribute: 'folder-id' }) folderId?: string;
  @property({ attribute: 'request-id' }) requestId?: string;
  @property({ type: Number, attribute: 'max-file-size' }) maxFileSize?: number;

  @state() private step: Step = 'checking';
  @state() private error = '';
  @state() private notice = '';
  @state() private busy = false;
  @state() private resendAt = 0;
  @state() private now = Date.now();
  /** The office of the signed-in client, named in the page's header (until then, the product). */
  @state() private office?: string;
  /** Our own messages for the fields the browser would have refused (the forms are novalidate). */
  @state() private invalid: Record<string, string> = {};

  private email = '';
  private attempt?: ClientLoginStarted;
  private ticker?: ReturnType<typeof setInterval>;

  private get t(): ClientSpaceMessages {
    return MESSAGES[this.language];
  }

  protected override errorMessages(): Readonly<Record<string, string>> {
    return SIGN_IN_ERRORS[this.language];
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (this.connectionChanged(changed) && this.api) void this.checkSession();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.ticker);
  }

  private async checkSession(): Promise<void> {
    try {
      const me = await this.api?.client.me.retrieve();
      if (me?.kind === 'client') this.office = me.office.name;
      this.go(me?.kind === 'client' ? 'space' : 'email');
    } catch (error) {
      // No session (or an expired one) is the ordinary way in.
      if (!(error instanceof AuthenticationError)) this.error = this.reportError(error);
      this.go('email');
    }
  }

  private go(step: Step): void {
    this.step = step;
    this.busy = false;
    this.invalid = {};
    if (step === 'space' && !this.office) void this.nameOffice();
    if (step === 'email') this.office = undefined;
    // Focus the new step's first field, so keyboard and screen-reader users land where they type.
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('input, [data-autofocus]')?.focus());
  }

  private async nameOffice(): Promise<void> {
    try {
      const me = await this.api?.client.me.retrieve();
      if (me?.kind === 'client') this.office = me.office.name;
    } catch {
      // The header keeps the product's name; the space below reports its own failures.
    }
  }

  /** The submitted form when its fields are valid; else our messages beside them, focus on the first. */
  private validForm(event: SubmitEvent): HTMLFormElement | undefined {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    this.invalid = fieldErrors(form, this.t);
    const first = Object.keys(this.invalid)[0];
    if (!first) return form;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`[name="${first}"]`)?.focus());
    return undefined;
  }

  private invalidFlag(name: string): 'true' | 'false' {
    return this.invalid[name] ? 'true' : 'false';
  }

  private fieldError(name: string): TemplateResult {
    return html`<span id=${`${name}-error`} class="error field-error">${this.invalid[name] ?? ''}</span>`;
  }

  /** Runs one form's call: a single submission at a time, and the error shown in the form. */
  private async run(action: () => Promise<void>): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    this.error = '';
    this.notice = '';
    try {
      await action();
    } catch (error) {
      this.error = this.reportError(error);
    } finally {
      this.busy = false;
    }
  }

  private get clientAuth(): ClientAuth | undefined {
    return this.api && clientAuthOf(this.api);
  }

  private async sendCode(): Promise<void> {
    const clientAuth = this.clientAuth;
    if (!clientAuth) return;
    this.attempt = await clientAuth.start({ email: this.email });
    this.resendAt = Date.parse(this.attempt.resendAfter);
    clearInterval(this.ticker);
    this.ticker = setInterval(() => {
      this.now = Date.now();
      if (this.now >= this.resendAt) clearInterval(this.ticker);
    }, 1000);
    this.now = Date.now();
  }

  private submitEmail(event: SubmitEvent): void {
    const form = this.validForm(event);
    if (!form) return;
    this.email = formValue(form, 'email');
    void this.run(async () => {
      if (await hasRememberedPassword(this.email)) return this.go('password');
      await this.sendCode();
      this.go('code');
    });
  }

  private submitCode(event: SubmitEvent): void {
    const form = this.validForm(event);
    if (!form) return;
    const code = formValue(form, 'code').replace(/\s+/g, '');
    void this.run(async () => {
      const signedIn = await this.clientAuth?.verify({ attempt: this.attempt?.attempt ?? '', code });
      if (!signedIn) return;
      if (signedIn.passwordSet) await rememberPassword(this.email);
      this.go(signedIn.passwordSet ? 'space' : 'set-password');
    });
  }

  private submitPassword(event: SubmitEvent): void {
    const form = this.validForm(event);
    if (!form) return;
    const password = formValue(form, 'password');
    void this.run(async () => {
      await this.clientAuth?.login({ email: this.email, password });
      this.go('space');
    });
  }

  private submitNewPassword(event: SubmitEvent): void {
    const form = this.validForm(event);
    if (!form) return;
    const password = String(new FormData(form).get('password') ?? '');
    if (password !== String(new FormData(form).get('confirmation') ?? '')) {
      this.error = this.t.mismatch;
      return;
    }
    void this.run(async () => {
      await this.clientAuth?.setPassword({ password });
      await rememberPassword(this.email);
      this.go('space');
    });
  }

  private resend(): void {
    void this.run(async () => {
      await this.sendCode();
      this.notice = this.t.resent;
    });
  }

  private codeInstead(): void {
    void this.run(async () => {
      await this.sendCode();
      this.go('code');
    });
  }

  private signOut(): void {
    void this.run(async () => {
      await this.clientAuth?.logout();
      this.notice = this.t.signedOut;
      this.go('email');
    });
  }

  protected override render() {
    const t = this.t;
    return html`<header class="brand">
        ${
          this.office
            ? html`<span class="office">${this.office}</span><span class="product">${t.product}</span>`
            : html`<span class="office">${t.product}</span>`
        }
      </header>
      <main>${this.renderStep()}</main>`;
  }

  private renderStep() {
    const t = this.t;
    const messages = html`
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      <p role="status">${this.notice}</p>
    `;
    switch (this.step) {
      case 'checking':
        return html`<p role="status">${t.checking}</p>`;
      case 'space':
        return html`
          <div class="bar"><button type="button" @click=${this.signOut}>${t.signOut}</button></div>
          ${messages}
          <lecoffre-upload
            lang=${this.language}
            .connection=${this.api}
            folder-id=${this.folderId ?? nothing}
            request-id=${this.requestId ?? nothing}
            max-file-size=${this.maxFileSize ?? nothing}
          ></lecoffre-upload>
        `;
      default:
        return html`${this.renderSignIn(this.step)}${messages}`;
    }
  }

  private renderSignIn(step: 'email' | 'code' | 'password' | 'set-password'): TemplateResult {
    const t = this.t;
    const otherEmail = html`<button type="button" class="link" @click=${() => this.go('email')}>${t.otherEmail}</button>`;
    if (step === 'email') {
      return html`
        <h1>${t.signInTitle}</h1>
        <p>${t.signInIntro}</p>
        <form novalidate @submit=${this.submitEmail}>
          <label
            >${t.email}<input name="email" type="email" autocomplete="email" required .value=${this.email}
              aria-invalid=${this.invalidFlag('email')} aria-describedby="email-error" />${this.fieldError('email')}</label
          >
          <button class="primary" ?disabled=${this.busy}>${t.next}</button>
        </form>
      `;
    }
    if (step === 'code') {
      const wait = Math.ceil((this.resendAt - this.now) / 1000);
      return html`
        <h1>${t.codeTitle}</h1>
        <p>${t.codeSent}</p>
        <form novalidate @submit=${this.submitCode}>
          <label
            >${t.code} <span class="hint" id="code-hint">${t.codeHint}</span>
            <input name="code" inputmode="numeric" autocomplete="one-time-code" pattern="[0-9 ]{6,7}" maxlength="7" required
              aria-invalid=${this.invalidFlag('code')} aria-describedby="code-hint code-error" />${this.fieldError('code')}</label
          >
          <button class="primary" ?disabled=${this.busy}>${t.next}</button>
        </form>
        <div class="links">
          <span>${t.nothingReceived}</span>
          <button type="button" class="link" ?disabled=${this.busy || wait > 0} @click=${this.resend}>${wait > 0 ? t.resendIn(wait) : t.resend}</button>
          <button type="button" class="link" @click=${() => this.go('password')}>${t.havePassword}</button>
          ${otherEmail}
        </div>
      `;
    }
    if (step === 'password') {
      return html`
        <h1>${t.passwordTitle}</h1>
        <p>${this.email}</p>
        <form novalidate @submit=${this.submitPassword}>
          <label
            >${t.password}<input name="password" type="password" autocomplete="current-password" required
              aria-invalid=${this.invalidFlag('password')} aria-describedby="password-error" />${this.fieldError('password')}</label
          >
          <button class="primary" ?disabled=${this.busy}>${t.signIn}</button>
        </form>
        <div class="links">
          <button type="button" class="link" @click=${this.codeInstead}>${t.forgotPassword}</button>
          ${otherEmail}
        </div>
      `;
    }
    return html`
      <h1>${t.setPasswordTitle}</h1>
      <form novalidate @submit=${this.submitNewPassword}>
        <label
          >${t.password} <span class="hint" id="rule">${t.passwordRule}</span>
          <input name="password" type="password" autocomplete="new-password" minlength="8" required
            aria-invalid=${this.invalidFlag('password')} aria-describedby="rule password-error" />${this.fieldError('password')}</label
        >
        <label
          >${t.confirmation}<input name="confirmation" type="password" autocomplete="new-password" minlength="8" required
            aria-invalid=${this.invalidFlag('confirmation')} aria-describedby="confirmation-error" />${this.fieldError('confirmation')}</label
        >
        <button class="primary" ?disabled=${this.busy}>${t.validate}</button>
      </form>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lecoffre-client-space': LeCoffreClientSpace;
  }
}
