/**
 * The five years' rows of the authorization matrix (src/authorization-matrix.test.ts): the directory
 * imports are read by the regional team (its read-only token too), the mid-term follow-up is recorded by
 * DRAFPIC only, a renewal is started by the head of the labelled establishment or by DRAFPIC. (The import
 * itself is an HTTP route: its refusals are in modules/directory.) Each row builds fresh objects on which
 * the allowed call succeeds.
 */
import { createHash } from "node:crypto";
import { DOSSIER_SNAPSHOT_VERSION, dossierSnapshotSchema } from "@ldm/contracts";
import { addDays, addYears, CURRENT_REFERENTIAL_VERSION, labelTerms } from "@ldm/domain";
import { Candidature, CoApplicant } from "../modules/candidature/candidature.entity";
import { DirectoryImport } from "../modules/directory/directory.entity";
import type { Establishment } from "../modules/establishment/establishment.entity";
import { DossierSnapshot } from "../modules/evidence/evidence.entity";
import { Label } from "../modules/label/label.entity";
import { today } from "./fixtures";
import type { GraphQLResult } from "./test-app";
import { CALLERS, type Caller, type CaseFixture, type Scope } from "./matrix-fixtures";

type Verdict = "allow" | "deny";
type Expectation = Verdict | { own: Verdict; other: Verdict };

interface FollowUpRow {
  expect: Record<Caller, Expectation>;
  run(f: CaseFixture, scope: Scope): Promise<GraphQLResult>;
}

function only(
  allowed: readonly Caller[],
  except: Partial<Record<Caller, Expectation>> = {},
): Record<Caller, Expectation> {
  return Object.fromEntries(
    CALLERS.map((c) => [c, except[c] ?? (allowed.includes(c) ? "allow" : "deny")]),
  ) as Record<Caller, Expectation>;
}

/** A finished import, written directly. */
async function directoryImport(f: CaseFixture): Promise<DirectoryImport> {
  const repo = f.world.app.dataSource.getRepository(DirectoryImport);
  return repo.save(
    repo.create({
      fileName: "annuaire.csv",
      status: "SUCCEEDED",
      importedBy: f.world.app.drafpic.userId,
      finishedAt: new Date(),
      report: { rejected: [], ignored: {}, changes: [], mismatches: [] },
    }),
  );
}

/**
 * A candidature of `establishment` labelled four years ago (its label, its dossier frozen at
 * submission), written directly.
 */
async function labelled(f: CaseFixture, establishment: Establishment): Promise<Candidature> {
  const ds = f.world.app.dataSource;
  const publishedOn = addYears(today(), -4);
  const c = await ds.getRepository(Candidature).save({
    kind: "INDIVIDUAL" as const,
    awardType: "FIRST_AWARD" as const,
    state: "LABELLED" as const,
    referentialVersion: CURRENT_REFERENTIAL_VERSION,
    labelTitle: "de la matrice",
    auditDate: null,
    publicationDate: publishedOn,
    submittedAt: new Date(`${addYears(publishedOn, -1)}T09:00:00Z`),
    renewsCandidatureId: null,
  });
  await ds
    .getRepository(CoApplicant)
    .save({ candidatureId: c.id, establishmentId: establishment.id, isLead: true });
  await ds.getRepository(Label).save({
    candidatureId: c.id,
    establishmentId: establishment.id,
    ...labelTerms("de la matrice", publishedOn),
    status: "CURRENT" as const,
    boenReference: null,
  });
  const content = dossierSnapshotSchema.parse({
    schemaVersion: DOSSIER_SNAPSHOT_VERSION,
    candidature: {
      id: c.id,
      kind: "INDIVIDUAL",
      awardType: "FIRST_AWARD",
      referentialVersion: CURRENT_REFERENTIAL_VERSION,
      labelTitle: "de la matrice",
      optionalCriterionVariant: null,
      auditDate: null,
    },
    members: [
      {
        establishmentId: establishment.id,
        name: establishment.name,
        uai: establishment.uai,
        isLead: true,
        engagementLetterOn: null,
        boardMinutesOn: null,
        optionalCriterionVariant: null,
      },
    ],
    responses: [],
    commonStrategies: [],
    pilots: [],
    indicators: [],
    evidence: [],
  });
  await ds.getRepository(DossierSnapshot).save({
    candidatureId: c.id,
    submittedAt: c.submittedAt!,
    sha256: createHash("sha256").update(JSON.stringify(content)).digest("hex"),
    content: content as unknown as Record<string, unknown>,
  });
  return c;
}

export const FOLLOW_UP_QUERY_ROWS = {
  directoryImports: {
    expect: only(["DRAFPIC", "TOKEN"]),
    async run(f) {
      await directoryImport(f);
      return f.exec(`{ directoryImports(first: 2) { totalCount edges { node { id status } } } }`);
    },
  },
  directoryImport: {
    expect: only(["DRAFPIC", "TOKEN"]),
    async run(f) {
      const i = await directoryImport(f);
      return f.exec(
        `query($id: ID!) { directoryImport(id: $id) { id progress rejectedRows { line } } }`,
        { id: i.id },
      );
    },
  },
} satisfies Record<string, FollowUpRow>;

export const FOLLOW_UP_MUTATION_ROWS = {
  recordMidTermReview: {
    expect: only(["DRAFPIC"]),
    async run(f) {
      const c = await f.candidature({ auditState: "LABELLED" });
      const publishedOn = addYears(today(), -2);
      const ds = f.world.app.dataSource;
      await ds.getRepository(Candidature).update({ id: c.id }, { publicationDate: publishedOn });
      await ds.getRepository(Label).save({
        candidatureId: c.id,
        establishmentId: c.establishmentId,
        ...labelTerms("de la matrice", publishedOn),
        status: "CURRENT" as const,
        boenReference: null,
      });
      return f.exec(
        `mutation($input: RecordMidTermReviewInput!) { recordMidTermReview(input: $input) { id } }`,
        {
          input: {
            candidatureId: c.id,
            heldOn: addDays(today(), -1),
            attendees: [{ kind: "DRAFPIC", userId: f.world.app.drafpic.userId }],
            findings: "Démarche suivie.",
            commitments: [],
          },
        },
      );
    },
  },
  startRenewal: {
    // The head of the labelled establishment (own), or DRAFPIC.
    expect: only(["DRAFPIC"], { SCHOOL_HEAD: { own: "allow", other: "deny" } }),
    async run(f, scope) {
      const fresh = await f.freshEstablishments();
      const target = scope === "own" ? fresh.mine : fresh.stranger;
      await labelled(f, target);
      return f.execAs(
        fresh.viewer,
        `mutation($input: StartRenewalInput!) { startRenewal(input: $input) { id awardType } }`,
        { input: { establishmentId: target.id } },
      );
    },
  },
} satisfies Record<string, FollowUpRow>;
