/** Small builders shared by the API's integration tests. */
import { addDays, addMonths, uaiCheckLetter, type EstablishmentKind } from "@ldm/domain";
import type { DataSource } from "typeorm";
import { parisToday } from "../context";
import { Establishment } from "../modules/establishment/establishment.entity";

let next = 100;

/** Inserts an establishment with a fresh valid UAI in the given département. */
export async function insertEstablishment(
  ds: DataSource,
  overrides: { name?: string; departementCode?: string; kind?: EstablishmentKind } = {},
): Promise<Establishment> {
  const dep = overrides.departementCode ?? "13";
  const academieCode = ["06", "83"].includes(dep) ? "NICE" : "AIX_MARSEILLE";
  const digits = `0${dep}${String(next++).padStart(4, "0")}`;
  const repo = ds.getRepository(Establishment);
  return repo.save(
    repo.create({
      uai: digits + uaiCheckLetter(digits),
      name: overrides.name ?? `Lycée professionnel n° ${next}`,
      kind: overrides.kind ?? "LP",
      sector: "PUBLIC",
      city: "Marseille",
      academieCode,
      departementCode: dep,
    }),
  );
}

export const today = (): string => parisToday();
export const inMonths = (n: number): string => addMonths(parisToday(), n);
export const inDays = (n: number): string => addDays(parisToday(), n);

/** Tables written by candidature mutations. */
export const CANDIDATURE_TABLES = [
  "candidature",
  "co_applicant",
  "criterion_response",
  "common_strategy",
  "criterion_pilot",
  "candidature_transition",
] as const;

/** Counts the rows of the given tables (by default, every table a candidature mutation writes). */
export async function rowCounts(
  ds: DataSource,
  tables: readonly string[] = CANDIDATURE_TABLES,
): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const t of tables) {
    const [row] = (await ds.query(`SELECT count(*)::int AS n FROM ${t}`)) as { n: number }[];
    counts[t] = row?.n ?? 0;
  }
  return counts;
}
