/**
 * The inspecteur référent of each establishment, designated by DRAFPIC: an inspector's account of the
 * platform, or a person named without an account. The référent may join the preparatory visit and
 * attends the mid-term follow-up.
 */
import { assertReferentInspectorInput, canBeReferentInspector, canRunProcedure } from "@ldm/domain";
import type { TransactionContext } from "../../context";
import { authorize, requireViewer } from "../../common/authz";
import { badInput, notFound } from "../../common/errors";
import { assertUuidOrNotFound } from "../../common/ids";
import { optionalText, requiredEmail } from "../../common/text";
import { recordChange } from "../audit-trail/audit-trail";
import { Establishment } from "../establishment/establishment.entity";
import { AppUser } from "../identity/user.entity";
import { ReferentInspector } from "./preparation.entity";
import type { SetReferentInspectorInput } from "./preparation.input";

/** Designates (or replaces) the inspecteur référent of an establishment. DRAFPIC only. */
export async function setReferentInspector(
  tx: TransactionContext,
  input: SetReferentInspectorInput,
): Promise<Establishment> {
  await authorize(tx, canRunProcedure(requireViewer(tx)), "désignation de l'inspecteur référent");
  assertUuidOrNotFound("L'établissement", input.establishmentId);
  const establishment = await tx.manager
    .getRepository(Establishment)
    .findOneBy({ id: input.establishmentId });
  if (!establishment) throw notFound("L'établissement", input.establishmentId);

  const userId = input.userId?.trim() ? input.userId.trim() : null;
  const fullName = optionalText(input.fullName, "nom de l'inspecteur référent");
  const email = input.email?.trim() ? requiredEmail(input.email) : null;
  assertReferentInspectorInput({ userId, fullName, email });
  if (userId !== null) {
    assertUuidOrNotFound("Le compte", userId);
    const user = await tx.manager.getRepository(AppUser).findOneBy({ id: userId });
    if (!user) throw notFound("Le compte", userId);
    if (!canBeReferentInspector(user)) {
      throw badInput(
        "L'inspecteur référent désigné par son compte est un auditeur actif de profil « inspecteur de l'académie » ; pour une autre personne, indiquez son nom.",
        { userId, reason: "NOT_AN_INSPECTOR" },
      );
    }
  }

  const repo = tx.manager.getRepository(ReferentInspector);
  const before = await repo.findOne({
    where: { establishmentId: establishment.id },
    lock: { mode: "pessimistic_write" },
  });
  const values = { userId, fullName, email };
  let after: ReferentInspector;
  if (before) {
    await repo.update({ id: before.id }, values);
    after = await repo.findOneByOrFail({ id: before.id });
  } else {
    after = await repo.save(repo.create({ establishmentId: establishment.id, ...values }));
  }
  await recordChange(tx, "ReferentInspector", after.id, before, after);
  if (
    !before ||
    before.userId !== userId ||
    before.fullName !== fullName ||
    before.email !== email
  ) {
    await tx.publish({
      type: "ReferentInspectorAssigned",
      establishmentId: establishment.id,
      referentInspectorId: after.id,
      userId,
    });
  }
  return establishment;
}
