import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@relais/config';
import { createTransport, NodemailerError, Transporter } from 'nodemailer';

export interface OutgoingMail {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
}

/**
 * A mail the SMTP server did not take. Its message and fields never carry the recipient, the
 * server's reply or the content (nodemailer's own error holds all three), so it may be logged.
 */
export class MailDeliveryError extends Error {
  constructor(
    /** nodemailer's code (`ECONNECTION`, `EENVELOPE`, `ETIMEDOUT`…), or `UNKNOWN`. */
    readonly code: string,
    /** The SMTP reply code, when the server answered. */
    readonly responseCode: number | undefined,
    /** True when sending the same mail again would fail again (a 5xx refusal, no SMTP, several recipients). */
    readonly permanent: boolean,
  ) {
    super(`L'envoi de l'e-mail a échoué (${code}${responseCode ? ` ${responseCode}` : ''}).`);
    this.name = 'MailDeliveryError';
  }
}

/**
 * Sends plain-text mails through `SMTP_URL`. Without it `enabled` is false and notifications stay
 * in the application. Nothing here logs: an address or a subject line in a log would say who is
 * followed by the cell.
 */
@Injectable()
export class MailTransport implements OnApplicationShutdown {
  private readonly transporter: Transporter | undefined;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    const { smtpUrl, from } = config.mail;
    this.transporter = smtpUrl
      ? createTransport(
          {
            url: smtpUrl,
            logger: false,
            debug: false,
            // A job waits on the send: fail fast rather than hold it for nodemailer's 2 to 10 minutes.
            connectionTimeout: 10_000,
            greetingTimeout: 10_000,
            socketTimeout: 30_000,
            // Plain text only: nothing read from disk or fetched, and one recipient per mail so that
            // nobody learns who else is told about a situation.
            disableFileAccess: true,
            disableUrlAccess: true,
            maxRecipients: 1,
          },
          { from },
        )
      : undefined;
  }

  get enabled(): boolean {
    return this.transporter !== undefined;
  }

  async send(message: OutgoingMail): Promise<void> {
    if (!this.transporter) throw new MailDeliveryError('ECONFIG', undefined, true);
    try {
      await this.transporter.sendMail({
        to: message.to,
        subject: message.subject,
        text: message.text,
        // RFC 3834: out-of-office robots do not answer it.
        headers: { 'Auto-Submitted': 'auto-generated' },
      });
    } catch (error: unknown) {
      throw deliveryError(error);
    }
  }

  onApplicationShutdown(): void {
    this.transporter?.close();
  }
}

/** Refusals made before any server reply that a retry would meet again (bad address, several recipients…). */
const PERMANENT_WITHOUT_REPLY = new Set(['ECONFIG', 'EENVELOPE', 'EMAXRECIPIENTS']);

function deliveryError(error: unknown): MailDeliveryError {
  const { code, responseCode, permanent } = (error ?? {}) as NodemailerError;
  const known = typeof code === 'string' ? code : 'UNKNOWN';
  if (typeof responseCode === 'number') return new MailDeliveryError(known, responseCode, permanent === true);
  return new MailDeliveryError(known, undefined, PERMANENT_WITHOUT_REPLY.has(known));
}
