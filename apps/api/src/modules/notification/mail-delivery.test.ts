/** The e-mail outbox: recorded once per key, claimed before sending, retried after a failure only. */
import type { Mailer, OutgoingMail } from "../../mail/mailer";
import { createTestApp, type TestApp } from "../../test/test-app";
import { deliverMail, recordDeliveries, type DeliveryDraft } from "./mail-delivery";
import { MailDelivery } from "./notification.entity";

function flakyMailer(failures: number): Mailer & { sent: OutgoingMail[] } {
  let left = failures;
  const sent: OutgoingMail[] = [];
  return {
    transport: "smtp",
    sent,
    send(mail) {
      if (left-- > 0) return Promise.reject(new Error("421 Service indisponible"));
      sent.push(mail);
      return Promise.resolve({ messageId: `<m${sent.length}@test>`, transport: "smtp" });
    },
    close() {},
  };
}

const draft = (key: string): DeliveryDraft => ({
  dedupKey: key,
  template: "NOTIFICATION",
  userId: null,
  toAddress: "ce@ac-test.fr",
  subject: "Label « Lycée des métiers » : Dossier déposé",
  payload: { recipientName: "", title: "Dossier déposé", body: "b", path: "/candidatures/x" },
});

describe("mail deliveries", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(() => app.close());

  it("are recorded once per dedup key, whoever records them", async () => {
    const first = await recordDeliveries(app.dataSource.manager, [draft("k1"), draft("k2")]);
    const second = await recordDeliveries(app.dataSource.manager, [draft("k2"), draft("k3")]);
    expect(first.map((d) => d.dedupKey)).toEqual(["k1", "k2"]);
    expect(second.map((d) => d.dedupKey)).toEqual(["k3"]);
  });

  it("go back to FAILED when the server refuses, are sent by the retry, then never again", async () => {
    const [d] = await recordDeliveries(app.dataSource.manager, [draft("k-flaky")]);
    const mailer = flakyMailer(1);
    const deps = { dataSource: app.dataSource, mailer, publicUrl: "https://label.example.fr" };
    await expect(deliverMail(deps, d!.id)).rejects.toThrow("421 Service indisponible");
    const failed = await app.dataSource.getRepository(MailDelivery).findOneByOrFail({ id: d!.id });
    expect([failed.status, failed.attempts, failed.lastError]).toEqual([
      "FAILED",
      1,
      "421 Service indisponible",
    ]);
    expect(await deliverMail(deps, d!.id)).toBe("SENT");
    expect(await deliverMail(deps, d!.id)).toBe("SKIPPED");
    const sent = await app.dataSource.getRepository(MailDelivery).findOneByOrFail({ id: d!.id });
    expect([sent.status, sent.attempts, sent.messageId, sent.lastError]).toEqual([
      "SENT",
      2,
      "<m1@test>",
      null,
    ]);
    expect(mailer.sent).toHaveLength(1);
    expect(mailer.sent[0]!.text).toContain("https://label.example.fr/candidatures/x");
    expect(mailer.sent[0]!.headers).toEqual({ "X-LDM-Delivery": d!.id });
  });

  it("are claimed by one of two simultaneous jobs only", async () => {
    const [d] = await recordDeliveries(app.dataSource.manager, [draft("k-race")]);
    const mailer = flakyMailer(0);
    const deps = { dataSource: app.dataSource, mailer, publicUrl: "https://label.example.fr" };
    const outcomes = await Promise.all(Array.from({ length: 5 }, () => deliverMail(deps, d!.id)));
    expect(outcomes.filter((o) => o === "SENT")).toHaveLength(1);
    expect(mailer.sent).toHaveLength(1);
  });

  it("never resend a password reset link from the record (the token is not kept)", async () => {
    const [d] = await recordDeliveries(app.dataSource.manager, [
      {
        ...draft("k-reset"),
        template: "PASSWORD_RESET",
        payload: { recipientName: "", ttlMinutes: 60 },
      },
    ]);
    const deps = { dataSource: app.dataSource, mailer: flakyMailer(0), publicUrl: "x" };
    await expect(deliverMail(deps, d!.id)).rejects.toThrow(
      "Le lien de réinitialisation n'est pas conservé : il ne peut être renvoyé.",
    );
  });
});
