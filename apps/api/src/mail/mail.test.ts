import net from "node:net";
import { createMailer } from "./mailer";
import { notificationMail, passwordResetMail, reminderMail, renderMail } from "./templates";
import { startSmtpServer, type TestSmtpServer } from "../test/smtp";

describe("mail", () => {
  let smtp: TestSmtpServer;
  beforeAll(async () => {
    smtp = await startSmtpServer();
  });
  afterAll(() => smtp.close());

  it("sends French text and HTML through SMTP (SMTP_URL), values escaped in the HTML", async () => {
    const mailer = createMailer({
      smtp: { url: smtp.url },
      from: "Label LdM <ne-pas-repondre@ldm.test>",
    });
    expect(mailer.transport).toBe("smtp");
    const sent = await mailer.send({
      ...notificationMail("chef.etablissement@ac-test.fr", {
        recipientName: "Zoé <Bérénice> L'Hôte",
        title: "Dossier déposé",
        body: "Candidature « Lycée des métiers de l'hôtellerie » : dossier déposé le 1er mars 2027.",
        link: "https://label.example.fr/candidatures/1?a=1&b=2",
      }),
      headers: { "X-LDM-Delivery": "test" },
    });
    expect(sent.transport).toBe("smtp");
    const [mail] = await smtp.waitFor(1);
    const parsed = mail!.parsed;
    expect(mail!.to).toEqual(["chef.etablissement@ac-test.fr"]);
    expect(parsed.from?.text).toBe('"Label LdM" <ne-pas-repondre@ldm.test>');
    expect(parsed.subject).toBe("Label « Lycée des métiers » : Dossier déposé");
    expect(parsed.messageId).toBe(sent.messageId);
    expect(parsed.headers.get("x-ldm-delivery")).toBe("test");
    expect(parsed.text).toContain("Bonjour Zoé <Bérénice> L'Hôte,");
    expect(parsed.text).toContain(
      "Voir sur la plateforme : https://label.example.fr/candidatures/1?a=1&b=2",
    );
    expect(parsed.html).toContain("Bonjour Zoé &lt;Bérénice&gt; L&#39;Hôte,");
    expect(parsed.html).toContain('href="https://label.example.fr/candidatures/1?a=1&amp;b=2"');
    expect(parsed.html).not.toContain("<Bérénice>");
    expect(parsed.html).toContain('<html lang="fr">');
    mailer.close();
  });

  it("also takes the server's host and port (SMTP_HOST, SMTP_PORT)", async () => {
    const port = Number(new URL(smtp.url).port);
    const mailer = createMailer({
      smtp: { host: "127.0.0.1", port, secure: false, user: null, password: null },
      from: "ne-pas-repondre@ldm.test",
    });
    const before = smtp.received.length;
    await mailer.send(
      reminderMail("a@ac-test.fr", {
        recipientName: "",
        subject: "Rappel : journée d'audit le 18 mai 2027 (demain)",
        paragraphs: ["Un.", "Deux."],
        link: "https://label.example.fr/candidatures/2",
      }),
    );
    const received = await smtp.waitFor(before + 1);
    expect(received.at(-1)!.parsed.subject).toBe(
      "Rappel : journée d'audit le 18 mai 2027 (demain)",
    );
    expect(received.at(-1)!.parsed.text).toMatch(/^Bonjour,\n\nUn\.\n\nDeux\.\n/);
    mailer.close();
  });

  it("rejects when the SMTP server cannot be reached (the job will retry)", async () => {
    const port = await new Promise<number>((resolve) => {
      const s = net.createServer();
      s.listen(0, "127.0.0.1", () => {
        const p = (s.address() as net.AddressInfo).port;
        s.close(() => resolve(p));
      });
    });
    const mailer = createMailer({ smtp: { url: `smtp://127.0.0.1:${port}` }, from: "x@ldm.test" });
    await expect(
      mailer.send({ to: "a@ac-test.fr", subject: "s", text: "t", html: "<p>t</p>" }),
    ).rejects.toThrow();
    mailer.close();
  });

  it("without SMTP, writes the e-mail to the log instead of sending it", async () => {
    const mailer = createMailer({ smtp: null, from: "x@ldm.test" });
    expect(mailer.transport).toBe("log");
    const sent = await mailer.send({
      to: "a@ac-test.fr",
      subject: "s",
      text: "t",
      html: "<p>t</p>",
    });
    expect(sent.transport).toBe("log");
    expect(sent.messageId).toMatch(/^<journal-[0-9a-f-]{36}@ldm\.localhost>$/);
  });

  it("has one template per kind", () => {
    const reset = passwordResetMail("a@ac-test.fr", {
      recipientName: "Jean Dupont",
      link: "https://label.example.fr/mot-de-passe/reinitialiser#jeton=abc",
      ttlMinutes: 60,
    });
    expect(reset.subject).toBe("Réinitialisation de votre mot de passe");
    expect(reset.text).toContain("Ce lien est valable 60 minutes et ne sert qu'une fois.");
    expect(reset.text).toContain(
      "Choisir un nouveau mot de passe : https://label.example.fr/mot-de-passe/reinitialiser#jeton=abc",
    );
    expect(reset.text).toContain("Si vous n'êtes pas à l'origine de cette demande");
    expect(
      renderMail("NOTIFICATION", "a@ac-test.fr", {
        recipientName: "",
        title: "Audit réalisé",
        body: "b",
        link: "l",
      }).subject,
    ).toBe("Label « Lycée des métiers » : Audit réalisé");
  });
});
