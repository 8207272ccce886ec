/**
 * The audit-day programme of one candidature: its criteria (the national ones and the criterion 9
 * variant its establishments chose) presented by their pilots. Pilots' names are personal data: callers
 * who may not read them (analysts) get the same programme without speakers (`criteriaWithoutPilot` is
 * still computed).
 */
import { Arg, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { canReadPersonalData, generateAuditDaySchedule, type CriterionCode } from "@ldm/domain";
import type { RequestContext } from "../../context";
import { badInput } from "../../common/errors";
import {
  Candidature,
  type CoApplicant,
  type CriterionPilot,
} from "../candidature/candidature.entity";
import { candidatureCriteria } from "../candidature/candidature-criteria";
import { scheduleOptionsOf } from "./schedule-options";
import { AuditDaySchedule, AuditDayScheduleOptionsInput } from "./schedule.type";

type Pilots = Partial<Record<CriterionCode, string[]>>;

function add(pilots: Pilots, code: string, speaker: string): void {
  const list = (pilots[code as CriterionCode] ??= []);
  list.push(speaker);
}

/** « Claire Dubois, proviseure adjointe », followed in a network by « (Lycée …) ». */
export async function namedPilots(
  ctx: RequestContext,
  c: Candidature,
  rows: CriterionPilot[],
): Promise<Pilots> {
  const [users, establishments] = await Promise.all([
    ctx.loaders.userById.loadMany([...new Set(rows.map((p) => p.userId))]),
    c.kind === "NETWORK"
      ? ctx.loaders.establishmentById.loadMany([...new Set(rows.map((p) => p.establishmentId))])
      : Promise.resolve([]),
  ]);
  const userById = new Map(
    users.flatMap((u) => (u && !(u instanceof Error) ? [[u.id, u] as const] : [])),
  );
  const establishmentById = new Map(
    establishments.flatMap((e) => (e && !(e instanceof Error) ? [[e.id, e] as const] : [])),
  );
  const pilots: Pilots = {};
  for (const row of rows) {
    const user = userById.get(row.userId);
    if (!user) continue;
    const job = user.jobTitle?.trim();
    const school = establishmentById.get(row.establishmentId)?.name;
    add(
      pilots,
      row.criterionCode,
      `${user.fullName}${job ? `, ${job}` : ""}${school ? ` (${school})` : ""}`,
    );
  }
  return pilots;
}

/** Who pilots what, without names: enough for `criteriaWithoutPilot`, never shown. */
function anonymousPilots(rows: CriterionPilot[]): Pilots {
  const pilots: Pilots = {};
  for (const row of rows) add(pilots, row.criterionCode, row.userId);
  return pilots;
}

/**
 * The criteria the audit day presents: the national ones and the criterion 9 variant chosen by at least
 * one establishment. Two different variants in a network are refused (the day presents one).
 */
export function auditDayCriteria(c: Candidature, members: CoApplicant[]): CriterionCode[] {
  const criteria = candidatureCriteria(c, members).map((criterion) => criterion.code);
  if (criteria.includes("9a") && criteria.includes("9b")) {
    // The programme presents one criterion 9 (the domain's rule); say why in a network's words.
    throw badInput(
      "Les établissements du réseau ont retenu des variantes différentes du critère 9 (9-a et 9-b) : le programme de la journée d'audit n'en présente qu'une. Accordez-vous sur une même variante, ou établissez ce programme avec les auditeurs.",
      { reason: "BOTH_CRITERION_9_VARIANTS", codes: ["9a", "9b"] },
    );
  }
  return criteria;
}

@Resolver(() => Candidature)
export class CandidatureScheduleResolver {
  @FieldResolver(() => AuditDaySchedule, {
    nullable: true,
    description:
      "Programme de la journée d'audit de cette candidature (aperçu) : ses critères, dont la variante du critère 9 retenue par ses établissements (9-a et 9-b ensemble sont refusés), chacun présenté par ses pilotes (intervenants ; masqués pour les analystes), et les critères encore sans pilote. Refusé (BAD_USER_INPUT, le champ vaut alors null) si la journée finirait après 18 h — le message donne l'heure de début la plus tardive possible — ou si le déjeuner sort de la plage 11 h 30 – 14 h.",
  })
  async auditDaySchedule(
    @Root() c: Candidature,
    @Ctx() ctx: RequestContext,
    @Arg("options", () => AuditDayScheduleOptionsInput, {
      nullable: true,
      description: "Options du programme (valeurs par défaut du guide).",
    })
    options?: AuditDayScheduleOptionsInput | null,
    @Arg("requirePilots", () => Boolean, {
      defaultValue: false,
      description:
        "Refuser le programme si un critère présenté n'a aucun pilote (sinon il est signalé).",
    })
    requirePilots = false,
  ): Promise<AuditDaySchedule> {
    const [members, rows] = await Promise.all([
      ctx.loaders.membersByCandidatureId.load(c.id),
      ctx.loaders.pilotsByCandidatureId.load(c.id),
    ]);
    const criteria = auditDayCriteria(c, members);
    const named = ctx.viewer !== null && canReadPersonalData(ctx.viewer);
    const schedule = generateAuditDaySchedule({
      ...scheduleOptionsOf(criteria, options),
      pilots: named ? await namedPilots(ctx, c, rows) : anonymousPilots(rows),
      requirePilots,
    });
    if (named) return schedule;
    return { ...schedule, slots: schedule.slots.map((slot) => ({ ...slot, speakers: [] })) };
  }
}
