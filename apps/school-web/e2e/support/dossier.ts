/**
 * What a journey does outside the browser, over the API, for the parts of a dossier that the test is
 * not about: accounts, establishments, engagement documents, the DRAFPIC's steps, and completing a
 * dossier (pilots, self-evaluations, indicators, evidence, common strategies) where it is still empty.
 */
import { ApiClient } from "./api";
import { makePdf } from "./files";

export interface Head {
  client: ApiClient;
  userId: string;
  email: string;
  establishmentId: string;
  establishmentName: string;
}

/** A logged-in client and who it is (`me`). */
export async function headSession(email: string, password?: string): Promise<Head> {
  const client = await ApiClient.loggedIn(email, password);
  const { me } = await client.ok<{
    me: { id: string; establishment: { id: string; name: string } | null } | null;
  }>(`query E2eMe { me { id establishment { id name } } }`);
  if (!me?.establishment) throw new Error(`${email} n'est rattaché(e) à aucun établissement.`);
  return {
    client,
    userId: me.id,
    email,
    establishmentId: me.establishment.id,
    establishmentName: me.establishment.name,
  };
}

/** The one establishment whose name, UAI or commune matches `search`. */
export async function findEstablishment(
  client: ApiClient,
  search: string,
): Promise<{ id: string; name: string; uai: string }> {
  const { establishments } = await client.ok<{
    establishments: { edges: { node: { id: string; name: string; uai: string } }[] };
  }>(
    `query E2eEstablishments($filter: EstablishmentFilter) {
      establishments(filter: $filter, first: 5) { edges { node { id name uai } } }
    }`,
    { filter: { search } },
  );
  const [first, ...others] = establishments.edges.map((e) => e.node);
  if (!first || others.length > 0) {
    throw new Error(`« ${search} » : ${establishments.edges.length} établissement(s) trouvé(s).`);
  }
  return first;
}

/** DRAFPIC creates a head account with a password for an establishment. */
export async function createHead(
  drafpic: ApiClient,
  input: { email: string; fullName: string; establishmentId: string; password: string },
): Promise<void> {
  await drafpic.ok(
    `mutation E2eCreateUser($input: CreateUserInput!) { createUser(input: $input) { id } }`,
    { input: { ...input, role: "SCHOOL_HEAD", jobTitle: "Proviseur" } },
  );
}

/** The id of the newest candidature led by this head's establishment with this title. */
export async function candidatureIdByTitle(head: Head, labelTitle: string): Promise<string> {
  const { candidatures } = await head.client.ok<{
    candidatures: { edges: { node: { id: string; labelTitle: string | null } }[] };
  }>(
    `query E2eCandidatures($filter: CandidatureFilter) {
      candidatures(filter: $filter, first: 50) { edges { node { id labelTitle } } }
    }`,
    { filter: { establishmentId: head.establishmentId } },
  );
  const found = candidatures.edges.find((e) => e.node.labelTitle === labelTitle);
  if (!found) throw new Error(`Candidature « ${labelTitle} » introuvable.`);
  return found.node.id;
}

/** Each head files the engagement letter and the board minutes of its establishment. */
export async function fileEngagementDocuments(
  candidatureId: string,
  heads: readonly Head[],
): Promise<void> {
  for (const head of heads) {
    for (const kind of ["ENGAGEMENT_LETTER", "BOARD_MINUTES"]) {
      await head.client.upload(
        "/files/engagement",
        { candidatureId, establishmentId: head.establishmentId, kind },
        makePdf(`${kind} ${head.establishmentName}`),
        `${kind.toLowerCase()}.pdf`,
      );
    }
  }
}

/** A DRAFPIC or a head moves the candidature one step (OPEN_DOSSIER, SUBMIT_DOSSIER…). */
export async function transition(
  client: ApiClient,
  candidatureId: string,
  name: string,
): Promise<string> {
  const { transitionCandidature } = await client.ok<{ transitionCandidature: { state: string } }>(
    `mutation E2eTransition($input: TransitionCandidatureInput!) {
      transitionCandidature(input: $input) { state }
    }`,
    { input: { candidatureId, transition: name } },
  );
  return transitionCandidature.state;
}

interface DossierState {
  candidature: {
    kind: string;
    state: string;
    criteria: { code: string; networkCommonStrategy: boolean; expectations: { id: string }[] }[];
    pilots: { criterionCode: string; establishment: { id: string } }[];
    responses: {
      criterionCode: string;
      establishment: { id: string };
      planned: string;
      done: string;
      measured: string;
      improved: string;
      selfAssessedLevel: string | null;
      addressedExpectationIds: string[];
      metByEuroscol: boolean;
    }[];
    indicators: {
      criterionCodes: string[];
      establishment: { id: string };
      values: { schoolYear: string }[];
    }[];
    evidence: { criterionCodes: string[] }[];
    commonStrategies: { criterionCode: string; text: string; version: number }[];
    readiness: { ready: boolean; missing: string[] };
  };
}

const DOSSIER_STATE = `query E2eDossierState($id: ID!) {
  candidature(id: $id) {
    kind state
    criteria { code networkCommonStrategy expectations { id } }
    pilots { criterionCode establishment { id } }
    responses {
      criterionCode establishment { id } planned done measured improved selfAssessedLevel
      addressedExpectationIds metByEuroscol
    }
    indicators { criterionCodes establishment { id } values { schoolYear } }
    evidence { criterionCodes }
    commonStrategies { criterionCode text version }
    readiness { ready missing }
  }
}`;

export async function readiness(
  client: ApiClient,
  candidatureId: string,
): Promise<{ ready: boolean; missing: string[] }> {
  return (await client.ok<DossierState>(DOSSIER_STATE, { id: candidatureId })).candidature
    .readiness;
}

const hasText = (html: string) => html.replace(/<[^>]*>/g, " ").trim().length > 0;

/** Three consecutive school years ending with the last finished one (« 2022-2023 »…). */
export function lastSchoolYears(count = 3, today = new Date()): string[] {
  // A school year starts on 1 September: before, the current year started the previous autumn.
  const currentStart = today.getMonth() >= 8 ? today.getFullYear() : today.getFullYear() - 1;
  return Array.from({ length: count }, (_, i) => {
    const start = currentStart - count + i;
    return `${start}-${start + 1}`;
  });
}

/**
 * Fills, for every member, what the dossier still lacks — pilots, self-evaluations, indicators over
 * three school years, evidence, common strategies — leaving what is already there (what the browser
 * did) untouched. Approvals are not given here.
 */
export async function completeDossier(
  candidatureId: string,
  lead: Head,
  heads: readonly Head[],
): Promise<void> {
  const { candidature: c } = await lead.client.ok<DossierState>(DOSSIER_STATE, {
    id: candidatureId,
  });
  for (const head of heads) {
    const own = head.establishmentId;
    for (const criterion of c.criteria) {
      if (!c.pilots.some((p) => p.establishment.id === own && p.criterionCode === criterion.code)) {
        await head.client.ok(
          `mutation E2ePilot($input: AssignCriterionPilotInput!) { assignCriterionPilot(input: $input) { id } }`,
          { input: { candidatureId, criterionCode: criterion.code, userId: head.userId } },
        );
      }
      const response = c.responses.find(
        (r) => r.establishment.id === own && r.criterionCode === criterion.code,
      );
      const expectations = criterion.expectations.map((e) => e.id);
      const complete =
        response != null &&
        (response.metByEuroscol ||
          ([response.planned, response.done, response.measured, response.improved].every(hasText) &&
            response.selfAssessedLevel != null &&
            expectations.every((id) => response.addressedExpectationIds.includes(id))));
      if (!complete) {
        await head.client.ok(
          `mutation E2eResponse($input: UpdateCriterionResponseInput!) { updateCriterionResponse(input: $input) { id } }`,
          {
            input: {
              candidatureId,
              establishmentId: own,
              criterionCode: criterion.code,
              planned: `<p>Objectifs du critère ${criterion.code} fixés avec l'équipe de pilotage.</p>`,
              done: "<p>Actions menées avec les partenaires.</p>",
              measured: "<p>Suivi trimestriel des indicateurs.</p>",
              improved: "<p>Plan d'actions ajusté en fin d'année.</p>",
              selfAssessedLevel: "MET",
              addressedExpectationIds: expectations,
            },
          },
        );
      }
    }
    const unfollowed = c.criteria
      .map((x) => x.code)
      .filter(
        (code) =>
          !c.indicators.some(
            (i) =>
              i.establishment.id === own &&
              i.criterionCodes.includes(code) &&
              new Set(i.values.map((v) => v.schoolYear)).size >= 3,
          ),
      );
    if (unfollowed.length > 0) {
      const { createIndicator } = await head.client.ok<{ createIndicator: { id: string } }>(
        `mutation E2eIndicator($input: CreateIndicatorInput!) { createIndicator(input: $input) { id } }`,
        {
          input: {
            candidatureId,
            establishmentId: own,
            name: "Taux d'insertion professionnelle à six mois",
            kind: "QUANTITATIVE",
            unit: "%",
            direction: "HIGHER_IS_BETTER",
            source: "InserJeunes",
            criterionCodes: unfollowed,
          },
        },
      );
      for (const [i, schoolYear] of lastSchoolYears().entries()) {
        await head.client.ok(
          `mutation E2eValue($input: SetIndicatorValueInput!) { setIndicatorValue(input: $input) { id } }`,
          { input: { indicatorId: createIndicator.id, schoolYear, numericValue: 60 + 3 * i } },
        );
      }
    }
  }
  const unsupported = c.criteria
    .map((x) => x.code)
    .filter((code) => !c.evidence.some((e) => e.criterionCodes.includes(code)));
  if (unsupported.length > 0) {
    await lead.client.upload(
      "/files/evidence",
      {
        candidatureId,
        title: "Compte rendu du comité école-entreprise",
        kind: "MEETING_MINUTES",
        effectiveDate: "2025-03-12",
        criterionCodes: unsupported,
      },
      makePdf("Compte rendu du comite ecole-entreprise"),
      "compte-rendu-comite.pdf",
    );
  }
  if (c.kind === "NETWORK") {
    for (const criterion of c.criteria.filter((x) => x.networkCommonStrategy)) {
      const strategy = c.commonStrategies.find((s) => s.criterionCode === criterion.code);
      if (strategy && hasText(strategy.text)) continue;
      await lead.client.ok(
        `mutation E2eStrategy($input: UpdateCommonStrategyInput!) { updateCommonStrategy(input: $input) { version } }`,
        {
          input: {
            candidatureId,
            criterionCode: criterion.code,
            text: `<p>Stratégie commune du réseau au critère ${criterion.code}.</p>`,
            ...(strategy ? { expectedVersion: strategy.version } : {}),
          },
        },
      );
    }
  }
}

/** Each co-applicant's head approves the submission. */
export async function approveSubmission(
  candidatureId: string,
  coApplicants: readonly Head[],
): Promise<void> {
  for (const head of coApplicants) {
    await head.client.ok(
      `mutation E2eApprove($input: ApproveSubmissionInput!) { approveSubmission(input: $input) { id } }`,
      { input: { candidatureId } },
    );
  }
}
