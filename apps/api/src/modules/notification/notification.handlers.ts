/**
 * What notifications do when the procedure's events happen, all after the commit (never inside the
 * use case's transaction: a notification cannot refuse a step, and nothing is announced that was
 * rolled back). For a step, one transaction records the in-app notifications of everyone concerned
 * (the author excepted) and the e-mails of those who get one; the e-mails are enqueued after it
 * commits. A failure is logged and never undoes the step (kernel/events.ts); e-mails recorded but not
 * enqueued are picked up by the sweep.
 *
 * Subscribed: CandidatureCreated, CandidatureTransitioned (every step of the lifecycle), AuditScheduled,
 * PreparatoryVisitPlanned (with the référents), AuditTeamChanged (the auditors added), LabelPublished
 * (the establishment's accounts), PasswordResetRequested (enqueues the reset job). Not subscribed:
 * CandidatureSubmitted (told by its transition), DossierChanged (every save: too frequent),
 * FilesReleased, AuditDeclarationSigned, ReferentInspectorAssigned and GralmSessionCreated (about no
 * candidature's step), and the events of use cases that apply a transition (see below).
 *
 * Subscribing a new event: add `bus.onAfterCommit("TheEvent", (ctx, e) => notifyStep(ctx, deps,
 * e.candidatureId, (name) => ({ kind, title, body, audience, email })))` below, and its kind to
 * `notification.kinds.ts`. An event whose use case applies a transition of the lifecycle in the same
 * transaction (PreparatoryVisitRecorded, AuditPlanSubmitted, AuditReportFinalised, the GRALM, CAEN and
 * rector decisions…) is already told through `CandidatureTransitioned`: subscribe it only to say more.
 */
import {
  CANDIDATURE_STATE_LABELS,
  TRANSITION_LABELS,
  auditPlanDueDate,
  dossierDueDate,
  emailedAboutProcedureSteps,
  formatFrenchDate,
  formatFrenchDateWithWeekday,
  hearsOfProcedureStep,
  type ConcernedAccount,
  type DeadlinePeople,
  type NotificationAudience,
} from "@ldm/domain";
import type { AppEventBus, RequestContext } from "../../context";
import { log } from "../../common/logger";
import { QUEUES, type JobQueue } from "../../jobs/job-queue";
import { loadDeadlineContexts } from "./deadline-facts";
import {
  enqueueDeliveries,
  recordDeliveries,
  type DeliveryDraft,
  type RecordedDelivery,
} from "./mail-delivery";
import type { NotificationKind } from "./notification.kinds";
import { recordNotifications } from "./notification.service";
import { candidaturePath } from "./reminder-scan";

export interface NotificationHandlerDeps {
  /** Where e-mails and password reset jobs go; null (scripts, some tests): e-mails wait for a sweep. */
  queue: JobQueue | null;
  /** false: in-app notifications only, no e-mail recorded (the demo data's seeding). Default true. */
  emails?: boolean;
}

/** What a step says, and to whom. */
export interface StepMessage {
  kind: NotificationKind;
  title: string;
  body: string;
  audience: readonly NotificationAudience[];
  /** Also e-mailed (to those `emailedAboutProcedureSteps` names). */
  email: boolean;
  /** Narrows the audience (e.g. one establishment's accounts). */
  only?: (account: ConcernedAccount) => boolean;
  /** Accounts told besides the audience (e.g. the auditors just added, the référents). */
  also?: (people: DeadlinePeople) => readonly string[];
}

/** Records the step's notifications (and e-mails) for the candidature's people, then enqueues them. */
export async function notifyStep(
  ctx: RequestContext,
  deps: NotificationHandlerDeps,
  candidatureId: string,
  message: (candidatureName: string) => StepMessage,
): Promise<void> {
  const [around] = await loadDeadlineContexts(ctx.dataSource.manager, [candidatureId]);
  if (!around) return;
  const m = message(around.name);
  const also = new Set(m.also?.(around.people) ?? []);
  const recipients = around.people.accounts.filter(
    (a) =>
      a.userId !== ctx.viewer?.userId &&
      a.active &&
      (also.has(a.userId) ||
        (hearsOfProcedureStep(a, m.audience, {
          state: around.facts.state,
          memberEstablishmentIds: around.facts.memberEstablishmentIds,
          auditTeamIds: around.people.auditTeamIds,
        }) &&
          (m.only ? m.only(a) : true))),
  );
  if (recipients.length === 0) return;
  const path = candidaturePath(candidatureId);
  let recorded: RecordedDelivery[] = [];
  await ctx.dataSource.transaction(async (manager) => {
    const created = await recordNotifications(
      manager,
      recipients.map((a) => ({
        userId: a.userId,
        kind: m.kind,
        title: m.title,
        body: m.body,
        candidatureId,
      })),
    );
    if (!m.email || deps.emails === false) return;
    const drafts: DeliveryDraft[] = [];
    for (const n of created) {
      const account = recipients.find((a) => a.userId === n.userId);
      const contact = around.contacts.get(n.userId);
      if (!account || !contact || !emailedAboutProcedureSteps(account.role)) continue;
      drafts.push({
        dedupKey: `notification:${n.id}`,
        template: "NOTIFICATION",
        userId: n.userId,
        toAddress: contact.email,
        subject: `Label « Lycée des métiers » : ${m.title}`,
        payload: { recipientName: contact.fullName, title: m.title, body: m.body, path },
      });
    }
    recorded = await recordDeliveries(manager, drafts);
  });
  await enqueueDeliveries(deps.queue, recorded);
}

const EVERYONE: readonly NotificationAudience[] = ["SCHOOL", "AUDIT_TEAM", "DRAFPIC"];

export function registerNotificationHandlers(
  bus: AppEventBus,
  deps: NotificationHandlerDeps,
): void {
  bus.onAfterCommit("CandidatureCreated", (ctx, e) =>
    notifyStep(ctx, deps, e.candidatureId, (name) => ({
      kind: "CANDIDATURE_CREATED",
      title: "Nouvelle candidature",
      body: `La candidature au label « Lycée des métiers » (${name}) a été créée. Le dossier en ligne sera ouvert à réception des lettres d'engagement et des procès-verbaux du conseil d'administration.`,
      audience: ["SCHOOL", "DRAFPIC"],
      email: false,
    })),
  );

  bus.onAfterCommit("CandidatureTransitioned", (ctx, e) =>
    notifyStep(ctx, deps, e.candidatureId, (name) => ({
      kind: "CANDIDATURE_TRANSITIONED",
      title: CANDIDATURE_STATE_LABELS[e.to],
      body: `Candidature ${name} : « ${TRANSITION_LABELS[e.transition]} » le ${formatFrenchDate(e.effectiveDate)}. Nouvel état : « ${CANDIDATURE_STATE_LABELS[e.to]} ».`,
      audience: EVERYONE,
      email: true,
    })),
  );

  bus.onAfterCommit("AuditScheduled", (ctx, e) =>
    notifyStep(ctx, deps, e.candidatureId, (name) => ({
      kind: "AUDIT_SCHEDULED",
      title: e.previousAuditDate ? "Date d'audit modifiée" : "Date d'audit fixée",
      body: `L'audit de la candidature ${name} aura lieu le ${formatFrenchDateWithWeekday(e.auditDate)}${e.previousAuditDate ? ` (au lieu du ${formatFrenchDate(e.previousAuditDate)})` : ""}. Le dossier est à déposer au plus tard le ${formatFrenchDate(dossierDueDate(e.auditDate))} et le plan d'audit à envoyer au plus tard le ${formatFrenchDate(auditPlanDueDate(e.auditDate))}.`,
      audience: EVERYONE,
      email: true,
    })),
  );

  bus.onAfterCommit("PreparatoryVisitPlanned", (ctx, e) =>
    notifyStep(ctx, deps, e.candidatureId, (name) => ({
      kind: "PREPARATORY_VISIT_PLANNED",
      title: e.previousPlannedOn
        ? "Visite préparatoire déplacée"
        : "Visite préparatoire programmée",
      body: `La visite préparatoire de la DRAFPIC pour la candidature ${name} est prévue le ${formatFrenchDateWithWeekday(e.plannedOn)}${e.previousPlannedOn ? ` (au lieu du ${formatFrenchDate(e.previousPlannedOn)})` : ""}. L'inspecteur référent de l'établissement peut y participer.`,
      audience: ["SCHOOL", "DRAFPIC"],
      also: (people) => people.referentInspectorIds,
      email: true,
    })),
  );

  bus.onAfterCommit("AuditTeamChanged", (ctx, e) =>
    e.addedUserIds.length === 0
      ? Promise.resolve()
      : notifyStep(ctx, deps, e.candidatureId, (name) => ({
          kind: "AUDIT_TEAM_JOINED",
          title: "Affectation à une équipe d'audit",
          body: `Vous faites partie de l'équipe d'audit de la candidature ${name}. Avant de lire le dossier, signez la déclaration d'indépendance et de confidentialité.`,
          audience: [],
          also: () => e.addedUserIds,
          email: true,
        })),
  );

  bus.onAfterCommit("LabelPublished", (ctx, e) =>
    notifyStep(ctx, deps, e.candidatureId, () => ({
      kind: "LABEL_PUBLISHED",
      title: "Label publié au BOEN",
      body: `Le label « ${e.title} » est publié au BOEN : il est valable du ${formatFrenchDate(e.startDate)} au ${formatFrenchDate(e.endDate)}. Le suivi intermédiaire est attendu vers le ${formatFrenchDate(e.midTermReviewDueDate)}.`,
      audience: ["SCHOOL"],
      only: (a) => a.establishmentId === e.establishmentId,
      email: true,
    })),
  );

  bus.onAfterCommit("PasswordResetRequested", async (_ctx, e) => {
    if (!deps.queue) {
      log(
        "warn",
        "réinitialisation du mot de passe demandée sans file de travaux : rien n'est envoyé",
      );
      return;
    }
    await deps.queue.send(QUEUES.passwordReset, {
      email: e.email,
      requestedAt: e.requestedAt.toISOString(),
    });
  });
}
