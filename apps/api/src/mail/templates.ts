/**
 * The platform's e-mails, one template per kind (reminder of a deadline, notification of a step of
 * the procedure, password reset link), in French, as plain text and simple HTML (inline styles, no
 * image, readable without HTML). Every value put into the HTML is escaped.
 */
import type { OutgoingMail } from "./mailer";

export type MailTemplate = "REMINDER" | "NOTIFICATION" | "PASSWORD_RESET";

export interface ReminderMailData {
  recipientName: string;
  subject: string;
  paragraphs: string[];
  /** Where to act (the candidature in the portal). */
  link: string;
}

export interface NotificationMailData {
  recipientName: string;
  title: string;
  body: string;
  link: string;
}

export interface PasswordResetMailData {
  recipientName: string;
  /** The single-use link (with its secret token). */
  link: string;
  ttlMinutes: number;
}

export interface MailDataByTemplate {
  REMINDER: ReminderMailData;
  NOTIFICATION: NotificationMailData;
  PASSWORD_RESET: PasswordResetMailData;
}

const SIGNATURE = "L'équipe régionale du label « Lycée des métiers » (DRAFPIC)";
const FOOTER =
  "Ce message vous est adressé par la plateforme du label « Lycée des métiers » de la région académique Provence-Alpes-Côte d'Azur. Merci de ne pas y répondre.";

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

interface Body {
  greeting: string;
  paragraphs: string[];
  action?: { label: string; link: string };
  after?: string[];
}

function textOf(body: Body): string {
  const lines = [body.greeting, "", ...body.paragraphs.flatMap((p) => [p, ""])];
  if (body.action) lines.push(`${body.action.label} : ${body.action.link}`, "");
  for (const p of body.after ?? []) lines.push(p, "");
  lines.push(SIGNATURE, "", "--", FOOTER);
  return `${lines.join("\n")}\n`;
}

function htmlOf(subject: string, body: Body): string {
  const p = (t: string) => `<p style="margin:0 0 16px">${escapeHtml(t)}</p>`;
  const action = body.action
    ? `<p style="margin:24px 0"><a href="${escapeHtml(body.action.link)}" style="background:#000091;color:#ffffff;padding:10px 16px;text-decoration:none;display:inline-block">${escapeHtml(body.action.label)}</a></p>`
    : "";
  return `<!doctype html>
<html lang="fr">
<head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>
<body style="margin:0;padding:0;background:#f6f6f6">
<div style="max-width:600px;margin:0 auto;padding:24px;background:#ffffff;font-family:Marianne,Arial,sans-serif;font-size:16px;line-height:1.5;color:#161616">
<p style="margin:0 0 24px;font-weight:bold;border-left:4px solid #000091;padding-left:8px">Label « Lycée des métiers » — région académique Provence-Alpes-Côte d'Azur</p>
${p(body.greeting)}
${body.paragraphs.map(p).join("\n")}
${action}
${(body.after ?? []).map(p).join("\n")}
${p(SIGNATURE)}
<p style="margin:24px 0 0;font-size:12px;color:#666666">${escapeHtml(FOOTER)}</p>
</div>
</body>
</html>
`;
}

function mail(to: string, subject: string, body: Body): OutgoingMail {
  return { to, subject, text: textOf(body), html: htmlOf(subject, body) };
}

const greeting = (name: string) => (name.trim() ? `Bonjour ${name.trim()},` : "Bonjour,");

/** A reminder of a deadline (the domain writes its subject and paragraphs). */
export function reminderMail(to: string, data: ReminderMailData): OutgoingMail {
  return mail(to, data.subject, {
    greeting: greeting(data.recipientName),
    paragraphs: data.paragraphs,
    action: { label: "Ouvrir la candidature sur la plateforme", link: data.link },
  });
}

/** A step of the procedure (a notification also shown in the platform). */
export function notificationMail(to: string, data: NotificationMailData): OutgoingMail {
  return mail(to, `Label « Lycée des métiers » : ${data.title}`, {
    greeting: greeting(data.recipientName),
    paragraphs: [data.body],
    action: { label: "Voir sur la plateforme", link: data.link },
    after: ["Vous retrouvez cette information parmi vos notifications sur la plateforme."],
  });
}

/** The single-use password reset link. */
export function passwordResetMail(to: string, data: PasswordResetMailData): OutgoingMail {
  return mail(to, "Réinitialisation de votre mot de passe", {
    greeting: greeting(data.recipientName),
    paragraphs: [
      "Une réinitialisation du mot de passe de votre compte sur la plateforme du label « Lycée des métiers » a été demandée.",
      `Ce lien est valable ${data.ttlMinutes} minutes et ne sert qu'une fois. Il met fin à toutes vos sessions ouvertes.`,
    ],
    action: { label: "Choisir un nouveau mot de passe", link: data.link },
    after: [
      "Si vous n'êtes pas à l'origine de cette demande, ignorez ce message : votre mot de passe reste inchangé.",
    ],
  });
}

/** Renders a stored delivery's template with its data. */
export function renderMail<T extends MailTemplate>(
  template: T,
  to: string,
  data: MailDataByTemplate[T],
): OutgoingMail {
  switch (template) {
    case "REMINDER":
      return reminderMail(to, data as ReminderMailData);
    case "NOTIFICATION":
      return notificationMail(to, data as NotificationMailData);
    case "PASSWORD_RESET":
      return passwordResetMail(to, data as PasswordResetMailData);
    default:
      throw new Error(`Modèle de courriel inconnu : ${String(template)}`);
  }
}
