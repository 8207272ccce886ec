/** Small builders shared by the API's integration tests. */
import {
  academieOfDepartement,
  addDays,
  addMonths,
  isWorkingDay,
  nextWorkingDay,
  normalizeDepartementCode,
  uaiCheckLetter,
  uaiPrefixesOfDepartement,
  type AuditorProfile,
  type EstablishmentKind,
  type EvidenceKind,
  type Role,
  type Viewer,
} from "@ldm/domain";
import type { DataSource } from "typeorm";
import { systemClock } from "../kernel/clock";
import { Establishment } from "../modules/establishment/establishment.entity";
import { AppUser } from "../modules/identity/user.entity";
import { Evidence, EvidenceRevision } from "../modules/evidence/evidence.entity";
import { hashPassword } from "../modules/identity/password";

let next = 100;

/**
 * Inserts an establishment with a fresh valid UAI of the given département (its first three digits are
 * the département's, as `assertUaiInDepartement` checks: 013… for 13, 006… for 06).
 */
export async function insertEstablishment(
  ds: DataSource,
  overrides: { name?: string; departementCode?: string; kind?: EstablishmentKind } = {},
): Promise<Establishment> {
  const dep = normalizeDepartementCode(overrides.departementCode ?? "13") ?? "13";
  const academieCode = academieOfDepartement(dep).code;
  const digits = `${uaiPrefixesOfDepartement(dep)[0]}${String(next++).padStart(4, "0")}`;
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

export const today = (): string => systemClock.today();
export const inMonths = (n: number): string => addMonths(systemClock.today(), n);
export const inDays = (n: number): string => addDays(systemClock.today(), n);
/** The working day (no weekend, no public holiday) on or after `date`. */
export const onWorkingDay = (date: string): string =>
  isWorkingDay(date) ? date : nextWorkingDay(date);
/** A working day about `n` months from today (an audit date the domain accepts). */
export const workingDayInMonths = (n: number): string => onWorkingDay(inMonths(n));

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

let userCounter = 0;

/**
 * Inserts an account and returns it with its context viewer (one per role as fixtures). A password is
 * hashed only when given (hashing costs ~50 ms).
 */
export async function insertUser(
  ds: DataSource,
  options: {
    role: Role;
    establishmentId?: string | null;
    auditorProfile?: AuditorProfile | null;
    email?: string;
    fullName?: string;
    password?: string;
  },
): Promise<{ user: AppUser; viewer: Viewer }> {
  const repo = ds.getRepository(AppUser);
  const n = ++userCounter;
  const user = await repo.save(
    repo.create({
      email: options.email ?? `${options.role.toLowerCase()}.${n}.${Date.now()}@tests.ldm.fr`,
      fullName: options.fullName ?? `Utilisateur ${n}`,
      role: options.role,
      establishmentId: options.establishmentId ?? null,
      auditorProfile: options.auditorProfile ?? (options.role === "AUDITOR" ? "INSPECTOR" : null),
      jobTitle: null,
      phone: null,
      passwordHash: options.password ? await hashPassword(options.password) : null,
      active: true,
      lastLoginAt: null,
    }),
  );
  return {
    user,
    viewer: {
      userId: user.id,
      role: user.role,
      establishmentId: user.establishmentId,
      readOnly: false,
    },
  };
}

/** Inserts an evidence (with one revision whose file is not stored) supporting the given criteria. */
export async function insertEvidence(
  ds: DataSource,
  candidatureId: string,
  criterionCodes: string[],
  options: { kind?: EvidenceKind; establishmentId?: string | null } = {},
): Promise<Evidence> {
  const evidence = await ds.getRepository(Evidence).save(
    ds.getRepository(Evidence).create({
      candidatureId,
      establishmentId: options.establishmentId ?? null,
      title: "Tableau de bord des partenariats",
      kind: options.kind ?? "DASHBOARD",
      effectiveDate: "2025-06-30",
      criterionCodes,
      currentRevision: 1,
    }),
  );
  await ds.getRepository(EvidenceRevision).save(
    ds.getRepository(EvidenceRevision).create({
      evidenceId: evidence.id,
      revision: 1,
      sha256: "0".repeat(64),
      fileName: "tableau-de-bord.pdf",
      mediaType: "application/pdf",
      sizeBytes: 1234,
      uploadedBy: null,
    }),
  );
  return evidence;
}
