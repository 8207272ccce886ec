import { Brackets } from "typeorm";
import {
  academieOfDepartement,
  assertUaiInDepartement,
  canRunProcedure,
  normalizeDepartementCode,
} from "@ldm/domain";
import { authorize, requireViewer } from "../../common/authz";
import { recordChange } from "../audit-trail/audit-trail";
import type { RequestContext, TransactionContext } from "../../context";
import { AppError, notFound } from "../../common/errors";
import { assertUuidOrNotFound } from "../../common/ids";
import { decodeCursor, pageSize, toConnection, type Connection } from "../../common/pagination";
import { requiredText } from "../../common/text";
import { Establishment } from "./establishment.entity";
import type { CreateEstablishmentInput, EstablishmentsArgs } from "./establishment.input";

/** French (ICU) ordering of names, whatever the database's default collation. */
const NAME_COLLATION = "fr-x-icu";

export async function createEstablishment(
  ctx: TransactionContext,
  input: CreateEstablishmentInput,
): Promise<Establishment> {
  await authorize(ctx, canRunProcedure(requireViewer(ctx)), "création d'établissement");
  const academie = academieOfDepartement(input.departementCode);
  const departementCode = normalizeDepartementCode(input.departementCode) ?? input.departementCode;
  // A valid UAI whose first three digits are the département's (013… for 13, 006… for 06).
  const uai = assertUaiInDepartement(input.uai, departementCode);
  const repo = ctx.manager.getRepository(Establishment);
  if (await repo.exists({ where: { uai } })) {
    throw new AppError("CONFLICT", `Un établissement de code UAI « ${uai} » existe déjà.`, { uai });
  }
  const created = await repo.save(
    repo.create({
      uai,
      name: requiredText(input.name, "nom de l'établissement"),
      kind: input.kind,
      sector: input.sector,
      city: requiredText(input.city, "commune", 100),
      academieCode: academie.code,
      departementCode,
    }),
  );
  await recordChange(ctx, "Establishment", created.id, null, created);
  return created;
}

export async function getEstablishment(ctx: RequestContext, id: string): Promise<Establishment> {
  assertUuidOrNotFound("L'établissement", id);
  const found = await ctx.loaders.establishmentById.load(id);
  if (!found) throw notFound("L'établissement", id);
  return found;
}

export async function listEstablishments(
  ctx: RequestContext,
  args: EstablishmentsArgs,
): Promise<Connection<Establishment>> {
  const limit = pageSize(args.first);
  const f = args.filter ?? {};
  const qb = ctx.dataSource.getRepository(Establishment).createQueryBuilder("e");
  if (f.academieCode) qb.andWhere("e.academie_code = :academie", { academie: f.academieCode });
  if (f.departementCode)
    qb.andWhere("e.departement_code = :dep", {
      dep: normalizeDepartementCode(f.departementCode) ?? f.departementCode,
    });
  if (f.kind) qb.andWhere("e.kind = :kind", { kind: f.kind });
  if (f.search && f.search.trim() !== "") {
    const like = `%${f.search.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    qb.andWhere(
      new Brackets((w) => {
        w.where("e.name ILIKE :like", { like })
          .orWhere("e.uai ILIKE :like")
          .orWhere("e.city ILIKE :like");
      }),
    );
  }
  const totalCount = await qb.getCount();
  if (args.after) {
    const [name, id] = decodeCursor(args.after, 2) as [string, string];
    qb.andWhere(`(e.name COLLATE "${NAME_COLLATION}", e.id) > (:name, :id)`, { name, id });
  }
  const rows = await qb
    .orderBy(`e.name COLLATE "${NAME_COLLATION}"`, "ASC")
    .addOrderBy("e.id", "ASC")
    .take(limit + 1)
    .getMany();
  for (const row of rows) ctx.loaders.establishmentById.prime(row.id, row);
  return toConnection(rows, limit, totalCount, (e) => [e.name, e.id]);
}
