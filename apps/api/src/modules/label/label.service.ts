/**
 * Labels: created by the BOEN publication (`publishLabels`, called by the decision chain's use case),
 * read in the registry (every label, current and past, for authenticated callers) and in the public
 * registry (the establishments labelled today, without personal data).
 */
import {
  canReadLabelRegistry,
  getAcademie,
  type IsoDate,
  type LabelStatus,
  type PublishedLabel,
} from "@ldm/domain";
import { In, Not, type SelectQueryBuilder } from "typeorm";
import type { RequestContext, TransactionContext } from "../../context";
import { authorize, requireViewer } from "../../common/authz";
import { paginateByTime, type Connection } from "../../common/pagination";
import { recordChange } from "../audit-trail/audit-trail";
import { Label } from "./label.entity";
import type { LabelsArgs, PublicLabelRegistryArgs } from "./label.input";

/**
 * Creates the labels of a candidature's BOEN publication (one per approved establishment). A label of
 * one of these establishments still CURRENT (the one a renewal renews) becomes SUPERSEDED.
 */
export async function publishLabels(
  tx: TransactionContext,
  input: { candidatureId: string; labels: readonly PublishedLabel[]; boenReference: string | null },
): Promise<Label[]> {
  const repo = tx.manager.getRepository(Label);
  const establishmentIds = input.labels.map((l) => l.establishmentId);
  const previous = await repo.findBy({
    establishmentId: In(establishmentIds),
    candidatureId: Not(input.candidatureId),
    status: "CURRENT",
  });
  for (const old of previous) {
    await repo.update({ id: old.id }, { status: "SUPERSEDED" });
    await recordChange(tx, "Label", old.id, old, { ...old, status: "SUPERSEDED" });
  }
  const created: Label[] = [];
  for (const terms of input.labels) {
    const label = await repo.save(
      repo.create({
        candidatureId: input.candidatureId,
        establishmentId: terms.establishmentId,
        title: terms.title,
        startDate: terms.startDate,
        endDate: terms.endDate,
        midTermReviewDueDate: terms.midTermReviewDueDate,
        status: "CURRENT",
        boenReference: input.boenReference,
      }),
    );
    await recordChange(tx, "Label", label.id, null, label);
    await tx.publish({
      type: "LabelPublished",
      labelId: label.id,
      candidatureId: label.candidatureId,
      establishmentId: label.establishmentId,
      title: label.title,
      startDate: label.startDate,
      endDate: label.endDate,
      midTermReviewDueDate: label.midTermReviewDueDate,
    });
    created.push(label);
  }
  return created;
}

/** Records the expiry of a candidature's labels (its EXPIRE_LABEL step). */
export async function expireLabels(tx: TransactionContext, candidatureId: string): Promise<void> {
  const repo = tx.manager.getRepository(Label);
  for (const label of await repo.findBy({ candidatureId, status: "CURRENT" })) {
    await repo.update({ id: label.id }, { status: "EXPIRED" });
    await recordChange(tx, "Label", label.id, label, { ...label, status: "EXPIRED" });
  }
}

/**
 * Keeps the labels of effective status `status` on `today` (the SQL twin of the domain's
 * `effectiveLabelStatus`: a CURRENT label whose end date is reached reads EXPIRED).
 */
export function whereEffectiveStatus<T extends object>(
  qb: SelectQueryBuilder<T>,
  alias: string,
  status: LabelStatus,
  today: IsoDate,
): SelectQueryBuilder<T> {
  switch (status) {
    case "CURRENT":
      return qb.andWhere(`${alias}.status = 'CURRENT' AND ${alias}.end_date > :today`, { today });
    case "EXPIRED":
      return qb.andWhere(
        `(${alias}.status = 'EXPIRED' OR (${alias}.status = 'CURRENT' AND ${alias}.end_date <= :today))`,
        { today },
      );
    case "SUPERSEDED":
      return qb.andWhere(`${alias}.status = 'SUPERSEDED'`);
  }
}

/** Every label, current and past, the latest published first, with filters. */
export async function listLabels(
  ctx: RequestContext,
  args: LabelsArgs,
): Promise<Connection<Label>> {
  await authorize(ctx, canReadLabelRegistry(requireViewer(ctx)), "registre des labels");
  const f = args.filter ?? {};
  const qb = ctx.manager.getRepository(Label).createQueryBuilder("l");
  if (f.academieCode) {
    const academie = getAcademie(f.academieCode);
    qb.andWhere(
      "EXISTS (SELECT 1 FROM establishment e JOIN departement d ON d.code = e.departement_code WHERE e.id = l.establishment_id AND d.academie_code = :academie)",
      { academie: academie.code },
    );
  }
  if (f.status) whereEffectiveStatus(qb, "l", f.status, ctx.clock.today());
  if (f.establishmentId)
    qb.andWhere("l.establishment_id = :establishment", { establishment: f.establishmentId });
  return paginateByTime(qb, args, {
    column: "start_date",
    direction: "DESC",
    timeOf: (l) => new Date(`${l.startDate}T00:00:00Z`),
  });
}

/** One line of the public registry: a labelled establishment, its title and its validity. */
export interface PublicRegistryEntry {
  uai: string;
  establishmentName: string;
  city: string;
  departementCode: string;
  academieCode: string;
  academieName: string;
  title: string;
  startDate: IsoDate;
  endDate: IsoDate;
}

/**
 * The establishments labelled today (label CURRENT and not past its end date), by académie, city and
 * name. Public: no personal data, no candidature.
 */
export async function publicRegistry(
  ctx: RequestContext,
  args: PublicLabelRegistryArgs = {},
): Promise<PublicRegistryEntry[]> {
  const qb = ctx.dataSource
    .getRepository(Label)
    .createQueryBuilder("l")
    .innerJoin("establishment", "e", "e.id = l.establishment_id")
    .innerJoin("departement", "d", "d.code = e.departement_code")
    .innerJoin("academie", "a", "a.code = d.academie_code")
    .select([
      "e.uai AS uai",
      "e.name AS establishment_name",
      "e.city AS city",
      "d.code AS departement_code",
      "a.code AS academie_code",
      "a.name AS academie_name",
      "l.title AS title",
      "l.start_date::text AS start_date",
      "l.end_date::text AS end_date",
    ])
    .andWhere("l.start_date <= :today", { today: ctx.clock.today() });
  whereEffectiveStatus(qb, "l", "CURRENT", ctx.clock.today());
  if (args.academieCode)
    qb.andWhere("a.code = :academie", { academie: getAcademie(args.academieCode).code });
  const rows = await qb
    .orderBy("a.name", "ASC")
    .addOrderBy("e.city", "ASC")
    .addOrderBy("e.name", "ASC")
    .addOrderBy("l.start_date", "DESC")
    .getRawMany<Record<string, string>>();
  return rows.map((r) => ({
    uai: r.uai ?? "",
    establishmentName: r.establishment_name ?? "",
    city: r.city ?? "",
    departementCode: r.departement_code ?? "",
    academieCode: r.academie_code ?? "",
    academieName: r.academie_name ?? "",
    title: r.title ?? "",
    startDate: r.start_date ?? "",
    endDate: r.end_date ?? "",
  }));
}
