/**
 * How e-mails leave the platform: through an SMTP server (nodemailer) when one is configured
 * (`SMTP_URL`, or `SMTP_HOST`…), otherwise written to the structured log and not sent — a fresh machine
 * needs no mail server, and an operator sees in the log what would have gone out. `pnpm start` warns at
 * start when no SMTP server is configured.
 */
import { randomUUID } from "node:crypto";
import nodemailer from "nodemailer";
import type { SmtpSettings } from "../env";
import { log } from "../common/logger";

/** One e-mail, text and HTML. */
export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Extra headers (e.g. `X-LDM-Delivery` naming the delivery record). */
  headers?: Record<string, string>;
}

export interface SentMail {
  /** The Message-ID the server accepted (or `<journal-…>` for a logged mail). */
  messageId: string;
  /** How it left: through SMTP, or into the log. */
  transport: "smtp" | "log";
}

export interface Mailer {
  readonly transport: "smtp" | "log";
  /** Sends one e-mail; rejects when the server refuses it or cannot be reached (the job retries). */
  send(mail: OutgoingMail): Promise<SentMail>;
  close(): void;
}

export interface MailerOptions {
  smtp: SmtpSettings | null;
  from: string;
}

/** The SMTP mailer when `smtp` is set, else the logging one. */
export function createMailer(options: MailerOptions): Mailer {
  return options.smtp ? new SmtpMailer(options.smtp, options.from) : new LogMailer(options.from);
}

class SmtpMailer implements Mailer {
  readonly transport = "smtp" as const;
  private readonly transporter: ReturnType<typeof nodemailer.createTransport>;

  constructor(
    settings: SmtpSettings,
    private readonly from: string,
  ) {
    const common = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 };
    this.transporter =
      "url" in settings
        ? nodemailer.createTransport({ ...common, url: settings.url })
        : nodemailer.createTransport({
            ...common,
            host: settings.host,
            port: settings.port,
            secure: settings.secure,
            ...(settings.user
              ? { auth: { user: settings.user, pass: settings.password ?? "" } }
              : {}),
          });
  }

  async send(mail: OutgoingMail): Promise<SentMail> {
    const info = (await this.transporter.sendMail({
      from: this.from,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      headers: mail.headers ?? {},
    })) as { messageId?: string; rejected?: unknown[] };
    if (Array.isArray(info.rejected) && info.rejected.length > 0) {
      throw new Error(`Adresse refusée par le serveur SMTP : ${mail.to}`);
    }
    return { messageId: info.messageId ?? "", transport: "smtp" };
  }

  close(): void {
    this.transporter.close();
  }
}

class LogMailer implements Mailer {
  readonly transport = "log" as const;
  constructor(private readonly from: string) {}

  send(mail: OutgoingMail): Promise<SentMail> {
    const messageId = `<journal-${randomUUID()}@ldm.localhost>`;
    log("info", "courriel non envoyé (aucun serveur SMTP configuré)", {
      from: this.from,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      messageId,
    });
    return Promise.resolve({ messageId, transport: "log" });
  }

  close(): void {}
}
