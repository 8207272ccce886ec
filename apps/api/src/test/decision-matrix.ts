/**
 * The decision chain's and the label registry's rows of the authorization matrix
 * (src/authorization-matrix.test.ts): who may read GRALM sessions (DRAFPIC and analysts, a DRAFPIC's
 * read-only token too), the registry (any authenticated caller), the public registry (anyone), and who
 * records the decisions (DRAFPIC only). Each row builds fresh objects on which the allowed call succeeds.
 */
import {
  academieOfDepartement,
  addDays,
  type CandidatureState,
  type GralmProposal,
} from "@ldm/domain";
import {
  GralmSession,
  GralmSessionItem,
  RectorDecision,
} from "../modules/decision/decision.entity";
import { today } from "./fixtures";
import type { GraphQLResult } from "./test-app";
import { CALLERS, type Caller, type CaseFixture, type Scope } from "./matrix-fixtures";

type Verdict = "allow" | "deny";
type Expectation = Verdict | { own: Verdict; other: Verdict };

interface DecisionRow {
  expect: Record<Caller, Expectation>;
  run(f: CaseFixture, scope: Scope): Promise<GraphQLResult>;
}

function only(allowed: readonly Caller[]): Record<Caller, Expectation> {
  return Object.fromEntries(
    CALLERS.map((c) => [c, allowed.includes(c) ? "allow" : "deny"]),
  ) as Record<Caller, Expectation>;
}

/** DRAFPIC only (its read-only token is refused: these are writes). */
const DRAFPIC_ONLY = only(["DRAFPIC"]);
/** Readers of GRALM sessions: DRAFPIC, analysts, a DRAFPIC's read-only token. */
const SESSION_READERS = only(["DRAFPIC", "ANALYST", "TOKEN"]);

const yesterday = () => addDays(today(), -1);

/** A GRALM session held yesterday, written directly. */
async function session(f: CaseFixture): Promise<GralmSession> {
  const repo = f.world.app.dataSource.getRepository(GralmSession);
  return repo.save(
    repo.create({
      sessionDate: yesterday(),
      members: [{ fullName: "Claire Martin", role: "DRAFPIC" }],
      notes: null,
    }),
  );
}

/** Puts a candidature on a session's agenda (with its proposal, if given). */
async function onAgenda(
  f: CaseFixture,
  sessionId: string,
  candidatureId: string,
  proposal: GralmProposal | null = null,
): Promise<void> {
  const repo = f.world.app.dataSource.getRepository(GralmSessionItem);
  await repo.save(
    repo.create({
      sessionId,
      candidatureId,
      position: 1,
      proposal,
      motivation: proposal ? "Démarche aboutie." : null,
      proposedAt: proposal ? new Date() : null,
    }),
  );
}

const candidatureIn = (f: CaseFixture, state: CandidatureState) => f.candidature({ state });

export const DECISION_QUERY_ROWS = {
  gralmSessions: {
    expect: SESSION_READERS,
    async run(f) {
      await session(f);
      return f.exec(
        `{ gralmSessions(first: 2) { totalCount edges { node { id items { id } } } } }`,
      );
    },
  },
  gralmSession: {
    expect: SESSION_READERS,
    async run(f) {
      const s = await session(f);
      return f.exec(`query($id: ID!) { gralmSession(id: $id) { id members { role } } }`, {
        id: s.id,
      });
    },
  },
  candidaturesAwaitingGralm: {
    expect: SESSION_READERS,
    run: (f) => f.exec(`{ candidaturesAwaitingGralm { id state } }`),
  },
  labels: {
    expect: only(["SCHOOL_HEAD", "SCHOOL_STAFF", "DRAFPIC", "AUDITOR", "ANALYST", "TOKEN"]),
    run: (f) => f.exec(`{ labels(first: 3) { totalCount edges { node { id title status } } } }`),
  },
  publicLabelRegistry: {
    expect: only(CALLERS),
    run: (f) => f.exec(`{ publicLabelRegistry { uai title startDate endDate } }`),
  },
} satisfies Record<string, DecisionRow>;

export const DECISION_MUTATION_ROWS = {
  createGralmSession: {
    expect: DRAFPIC_ONLY,
    run: (f) =>
      f.exec(
        `mutation($input: CreateGralmSessionInput!) { createGralmSession(input: $input) { id } }`,
        {
          input: {
            sessionDate: yesterday(),
            members: [{ fullName: "Claire Martin", role: "DRAFPIC" }],
          },
        },
      ),
  },
  updateGralmSession: {
    expect: DRAFPIC_ONLY,
    async run(f) {
      const s = await session(f);
      return f.exec(
        `mutation($input: UpdateGralmSessionInput!) { updateGralmSession(input: $input) { id } }`,
        { input: { sessionId: s.id, notes: "Quorum atteint." } },
      );
    },
  },
  addCandidatureToGralmSession: {
    expect: DRAFPIC_ONLY,
    async run(f) {
      const s = await session(f);
      const c = await candidatureIn(f, "REPORT_SUBMITTED");
      return f.exec(
        `mutation($input: GralmSessionCandidatureInput!) { addCandidatureToGralmSession(input: $input) { id } }`,
        { input: { sessionId: s.id, candidatureId: c.id } },
      );
    },
  },
  removeCandidatureFromGralmSession: {
    expect: DRAFPIC_ONLY,
    async run(f) {
      const s = await session(f);
      const c = await candidatureIn(f, "REPORT_SUBMITTED");
      await onAgenda(f, s.id, c.id);
      return f.exec(
        `mutation($input: GralmSessionCandidatureInput!) { removeCandidatureFromGralmSession(input: $input) { id } }`,
        { input: { sessionId: s.id, candidatureId: c.id } },
      );
    },
  },
  recordGralmProposal: {
    expect: DRAFPIC_ONLY,
    async run(f) {
      const s = await session(f);
      const c = await candidatureIn(f, "REPORT_SUBMITTED");
      await onAgenda(f, s.id, c.id);
      return f.exec(
        `mutation($input: RecordGralmProposalInput!) { recordGralmProposal(input: $input) { id } }`,
        {
          input: {
            sessionId: s.id,
            candidatureId: c.id,
            proposal: "FAVOURABLE",
            motivation: "Démarche aboutie.",
          },
        },
      );
    },
  },
  recordCaenOpinion: {
    expect: DRAFPIC_ONLY,
    async run(f) {
      const c = await candidatureIn(f, "GRALM_PROPOSED");
      return f.exec(
        `mutation($input: RecordCaenOpinionInput!) { recordCaenOpinion(input: $input) { id } }`,
        { input: { candidatureId: c.id, opinionDate: today(), opinion: "FAVOURABLE" } },
      );
    },
  },
  recordRectorDecision: {
    expect: DRAFPIC_ONLY,
    async run(f) {
      const c = await candidatureIn(f, "CAEN_CONSULTED");
      return f.exec(
        `mutation($input: RecordRectorDecisionInput!) { recordRectorDecision(input: $input) { id } }`,
        {
          input: {
            candidatureId: c.id,
            academieCode: academieOfDepartement(f.side.establishment.departementCode).code,
            decidedOn: today(),
            outcomes: [{ establishmentId: c.establishmentId, outcome: "APPROVED" }],
          },
        },
      );
    },
  },
  recordBoenPublication: {
    expect: DRAFPIC_ONLY,
    async run(f) {
      const c = await candidatureIn(f, "RECTOR_APPROVED");
      const repo = f.world.app.dataSource.getRepository(RectorDecision);
      await repo.save(
        repo.create({
          candidatureId: c.id,
          establishmentId: c.establishmentId,
          academieCode: academieOfDepartement(f.side.establishment.departementCode).code,
          decidedOn: yesterday(),
          outcome: "APPROVED",
          comment: null,
        }),
      );
      return f.exec(
        `mutation($input: RecordBoenPublicationInput!) { recordBoenPublication(input: $input) { id } }`,
        { input: { candidatureId: c.id, publicationDate: today() } },
      );
    },
  },
} satisfies Record<string, DecisionRow>;
