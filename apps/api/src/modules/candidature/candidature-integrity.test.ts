/**
 * The integrity rules of candidature creation and co-applicants: one open candidature per
 * establishment, and a first award or a renewal as the establishment's labels say. Every refusal is
 * coded (CONFLICT), in French, and writes nothing.
 */
import {
  addMonths,
  addYears,
  CURRENT_REFERENTIAL_VERSION,
  formatFrenchDate,
  labelExpiryDate,
  labelTerms,
  type CandidatureState,
} from "@ldm/domain";
import { createTestApp, ok, refused, type TestApp } from "../../test/test-app";
import { insertEstablishment, rowCounts, today } from "../../test/fixtures";
import type { Establishment } from "../establishment/establishment.entity";
import { Label } from "../label/label.entity";
import { Candidature, CoApplicant } from "./candidature.entity";

const CREATE_INDIVIDUAL = `mutation($input: CreateIndividualCandidatureInput!) { createIndividualCandidature(input: $input) { id awardType renewsCandidatureId } }`;
const CREATE_NETWORK = `mutation($input: CreateNetworkCandidatureInput!) { createNetworkCandidature(input: $input) { id } }`;
const ADD = `mutation($input: AddCoApplicantInput!) { addCoApplicant(input: $input) { id } }`;
const TRANSITION = `mutation($input: TransitionCandidatureInput!) { transitionCandidature(input: $input) { id state } }`;

const TABLES = ["candidature", "co_applicant", "audit_log"];

type Created = {
  createIndividualCandidature: {
    id: string;
    awardType: string;
    renewsCandidatureId: string | null;
  };
};

describe("candidature integrity", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(() => app.close());

  const fresh = (name?: string) =>
    insertEstablishment(app.dataSource, name === undefined ? {} : { name });
  const counts = () => rowCounts(app.dataSource, TABLES);
  const createIndividual = (establishmentId: string, awardType = "FIRST_AWARD") =>
    app.execute<Created>(CREATE_INDIVIDUAL, { input: { establishmentId, awardType } });
  const createNetwork = (lead: string, ...others: string[]) =>
    app.execute<{ createNetworkCandidature: { id: string } }>(CREATE_NETWORK, {
      input: {
        members: [
          { establishmentId: lead, isLead: true },
          ...others.map((establishmentId) => ({ establishmentId, isLead: false })),
        ],
      },
    });

  /**
   * A past candidature of `establishment`, written directly, in `state`, published on that date (with
   * the label its publication created).
   */
  async function pastCandidature(
    establishment: Establishment,
    state: CandidatureState,
    publicationDate: string | null,
  ): Promise<string> {
    const repo = app.dataSource.getRepository(Candidature);
    const c = await repo.save(
      repo.create({
        kind: "INDIVIDUAL",
        awardType: "FIRST_AWARD",
        state,
        referentialVersion: CURRENT_REFERENTIAL_VERSION,
        auditDate: publicationDate === null ? null : addMonths(publicationDate, -7),
        publicationDate,
      }),
    );
    const members = app.dataSource.getRepository(CoApplicant);
    await members.save(
      members.create({ candidatureId: c.id, establishmentId: establishment.id, isLead: true }),
    );
    if (publicationDate !== null && ["LABELLED", "MID_TERM_REVIEWED", "EXPIRED"].includes(state)) {
      // Its BOEN publication created the establishment's label.
      const labels = app.dataSource.getRepository(Label);
      await labels.save(
        labels.create({
          candidatureId: c.id,
          establishmentId: establishment.id,
          ...labelTerms("de la matrice", publicationDate),
          status: state === "EXPIRED" ? "EXPIRED" : "CURRENT",
          boenReference: null,
        }),
      );
    }
    return c.id;
  }

  const alreadyOpen = (name: string) =>
    `${name} figure déjà dans une candidature en cours : un établissement ne peut participer qu'à une seule candidature ouverte à la fois (retirez-la ou attendez la décision du recteur).`;

  describe("one open candidature per establishment", () => {
    it("refuses a second candidature, individual or in a network, while the first is open", async () => {
      const taken = await fresh("Lycée professionnel Marcel Pagnol");
      const other = await fresh();
      const first = ok(await createIndividual(taken.id)).createIndividualCandidature;

      const before = await counts();
      const again = refused(await createIndividual(taken.id));
      expect(again).toMatchObject({
        code: "CONFLICT",
        message: alreadyOpen("Lycée professionnel Marcel Pagnol"),
      });
      const asMember = refused(await createNetwork(other.id, taken.id));
      expect(asMember).toMatchObject({
        code: "CONFLICT",
        message: alreadyOpen("Lycée professionnel Marcel Pagnol"),
      });
      expect(await counts()).toEqual(before);

      // Once the first is withdrawn, the establishment may apply again.
      ok(
        await app.execute(TRANSITION, {
          input: { candidatureId: first.id, transition: "WITHDRAW" },
        }),
      );
      ok(await createNetwork(other.id, taken.id));
    });

    it("counts only open candidatures: refused, labelled or withdrawn ones do not stop a new one", async () => {
      const establishment = await fresh();
      await pastCandidature(establishment, "REFUSED", null);
      await pastCandidature(establishment, "WITHDRAWN", null);
      await pastCandidature(establishment, "EXPIRED", addYears(today(), -9));
      ok(await createIndividual(establishment.id));
    });

    it("refuses to add a co-applicant already in another open candidature, and writes nothing", async () => {
      const taken = await fresh("Lycée polyvalent Les Calanques");
      ok(await createIndividual(taken.id));
      const network = ok(
        await createNetwork((await fresh()).id, (await fresh()).id),
      ).createNetworkCandidature;
      const before = await counts();
      const added = refused(
        await app.execute(ADD, { input: { candidatureId: network.id, establishmentId: taken.id } }),
      );
      expect(added).toMatchObject({
        code: "CONFLICT",
        message: alreadyOpen("Lycée polyvalent Les Calanques"),
      });
      expect(await counts()).toEqual(before);
      ok(
        await app.execute(ADD, {
          input: { candidatureId: network.id, establishmentId: (await fresh()).id },
        }),
      );
    });
  });

  describe("first award or renewal", () => {
    it("links a renewal to the current label and refuses a first award while it runs", async () => {
      const establishment = await fresh("Lycée professionnel Le Rempart");
      const publication = addYears(today(), -2);
      const labelId = await pastCandidature(establishment, "MID_TERM_REVIEWED", publication);

      const before = await counts();
      const first = refused(await createIndividual(establishment.id, "FIRST_AWARD"));
      expect(first).toMatchObject({
        code: "CONFLICT",
        message: `Lycée professionnel Le Rempart est labellisé jusqu'au ${formatFrenchDate(labelExpiryDate(publication))} : sa candidature est un renouvellement, pas une première labellisation.`,
      });
      expect(await counts()).toEqual(before);

      const renewal = ok(
        await createIndividual(establishment.id, "RENEWAL"),
      ).createIndividualCandidature;
      expect(renewal).toMatchObject({ awardType: "RENEWAL", renewsCandidatureId: labelId });
    });

    it("refuses a renewal without a label, or after one expired more than 12 months ago", async () => {
      const never = await fresh("Lycée professionnel Victor Hugo");
      const before = await counts();
      const noLabel = refused(await createIndividual(never.id, "RENEWAL"));
      expect(noLabel).toMatchObject({
        code: "CONFLICT",
        message:
          "Lycée professionnel Victor Hugo n'a jamais été labellisé : sa candidature est une première labellisation, pas un renouvellement.",
      });
      expect(await counts()).toEqual(before);

      const lapsed = await fresh("Lycée professionnel Jean Jaurès");
      const publication = addYears(today(), -7);
      await pastCandidature(lapsed, "EXPIRED", publication);
      const beforeLapsed = await counts();
      const tooLate = refused(await createIndividual(lapsed.id, "RENEWAL"));
      expect(tooLate).toMatchObject({
        code: "CONFLICT",
        message: `Lycée professionnel Jean Jaurès n'a plus de label depuis le ${formatFrenchDate(labelExpiryDate(publication))}, il y a plus de 12 mois : sa candidature est une première labellisation, pas un renouvellement.`,
      });
      expect(await counts()).toEqual(beforeLapsed);
      const firstAward = ok(
        await createIndividual(lapsed.id, "FIRST_AWARD"),
      ).createIndividualCandidature;
      expect(firstAward.renewsCandidatureId).toBeNull();
    });

    it("accepts a renewal within 12 months of the expiry, linked to the expired label", async () => {
      const establishment = await fresh();
      const labelId = await pastCandidature(
        establishment,
        "EXPIRED",
        addMonths(addYears(today(), -5), -3),
      );
      const renewal = ok(
        await createIndividual(establishment.id, "RENEWAL"),
      ).createIndividualCandidature;
      expect(renewal.renewsCandidatureId).toBe(labelId);
    });

    it("refuses a first-award network with a co-applicant whose label runs, at creation and when added", async () => {
      const labelled = await fresh("Lycée des métiers du Littoral");
      const publication = addYears(today(), -1);
      await pastCandidature(labelled, "LABELLED", publication);
      const message = `Lycée des métiers du Littoral est labellisé jusqu'au ${formatFrenchDate(labelExpiryDate(publication))} : sa candidature est un renouvellement, pas une première labellisation.`;

      const before = await counts();
      const created = refused(await createNetwork((await fresh()).id, labelled.id));
      expect(created).toMatchObject({ code: "CONFLICT", message });
      const network = ok(
        await createNetwork((await fresh()).id, (await fresh()).id),
      ).createNetworkCandidature;
      const afterNetwork = await counts();
      expect(afterNetwork.candidature).toBe(before.candidature! + 1);
      const added = refused(
        await app.execute(ADD, {
          input: { candidatureId: network.id, establishmentId: labelled.id },
        }),
      );
      expect(added).toMatchObject({ code: "CONFLICT", message });
      expect(await counts()).toEqual(afterNetwork);
    });
  });
});
