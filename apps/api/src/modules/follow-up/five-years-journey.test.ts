/**
 * Over HTTP against the real database, the label's five years of a network labelled 30 months ago: the
 * mid-term follow-up (who came, the status of every commitment), then the renewal started by the lead's
 * head, pre-filled from the frozen dossier, with its diff read by the school.
 */
import { addDays, addMonths } from "@ldm/domain";
import { createTestApp, type GraphQLResult, type TestApp } from "../../test/test-app";
import { insertUser, today } from "../../test/fixtures";
import { sessionCookieFor } from "../../test/decision-fixtures";
import { labelledCandidature, referentOf } from "./follow-up-fixtures";

describe("the label's five years over HTTP", () => {
  let app: TestApp;
  let base: string;

  beforeAll(async () => {
    app = await createTestApp();
    base = await app.listen();
  });
  afterAll(() => app.close());

  async function graphql<T>(
    cookie: string,
    query: string,
    variables: Record<string, unknown> = {},
  ) {
    const response = await fetch(`${base}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as GraphQLResult<T>;
    if (body.errors?.length) throw new Error(JSON.stringify(body.errors));
    return body.data as T;
  }

  it("follows a network up at mid-term, then renews it with its diff", async () => {
    const c = await labelledCandidature(app, {
      kind: "NETWORK",
      publishedOn: addMonths(today(), -30),
    });
    const referent = await referentOf(app, c.lead.establishment.id, "Paul Inspecteur");
    const member = await insertUser(app.dataSource, { role: "DRAFPIC", fullName: "Claire Martin" });
    const drafpic = await sessionCookieFor(app.dataSource, member.user.id);
    const head = await sessionCookieFor(app.dataSource, c.lead.head.user.id);

    const { recordMidTermReview } = await graphql<{
      recordMidTermReview: { candidature: { state: string }; commitments: { progress: string }[] };
    }>(
      drafpic,
      `
        mutation ($input: RecordMidTermReviewInput!) {
          recordMidTermReview(input: $input) {
            candidature {
              state
            }
            commitments {
              progress
            }
          }
        }
      `,
      {
        input: {
          candidatureId: c.id,
          heldOn: addDays(today(), -7),
          attendees: [
            { kind: "DRAFPIC", userId: member.user.id },
            { kind: "REFERENT_INSPECTOR", establishmentId: c.lead.establishment.id },
          ],
          findings: "Démarche vivante ; l'ouverture internationale reste à consolider.",
          commitments: c.commitments.map((k, i) => ({
            commitmentId: k.id,
            progress: i === 0 ? "DONE" : "IN_PROGRESS",
            comment: i === 0 ? null : "Engagé, à poursuivre.",
          })),
        },
      },
    );
    expect(recordMidTermReview.candidature.state).toBe("MID_TERM_REVIEWED");
    expect(recordMidTermReview.commitments.map((k) => k.progress)).toEqual([
      "DONE",
      "IN_PROGRESS",
      "IN_PROGRESS",
    ]);
    // The school reads the follow-up through its candidature.
    const { candidature } = await graphql<{
      candidature: { midTermReview: { attendees: { fullName: string; kind: string }[] } };
    }>(
      head,
      `
        query ($id: ID!) {
          candidature(id: $id) {
            midTermReview {
              attendees {
                kind
                fullName
              }
            }
          }
        }
      `,
      { id: c.id },
    );
    expect(candidature.midTermReview.attendees).toEqual([
      { kind: "DRAFPIC", fullName: "Claire Martin" },
      { kind: "REFERENT_INSPECTOR", fullName: referent.user.fullName },
    ]);

    const { startRenewal } = await graphql<{
      startRenewal: { id: string; kind: string; awardType: string };
    }>(
      head,
      `
        mutation ($input: StartRenewalInput!) {
          startRenewal(input: $input) {
            id
            kind
            awardType
          }
        }
      `,
      { input: { establishmentId: c.lead.establishment.id } },
    );
    expect(startRenewal).toMatchObject({ kind: "NETWORK", awardType: "RENEWAL" });
    const diff = await graphql<{
      candidature: {
        renewalDiff: {
          renewsCandidatureId: string;
          changed: boolean;
          outdatedEvidenceCount: number;
        };
      };
    }>(
      head,
      `
        query ($id: ID!) {
          candidature(id: $id) {
            renewalDiff {
              renewsCandidatureId
              changed
              outdatedEvidenceCount
            }
          }
        }
      `,
      { id: startRenewal.id },
    );
    expect(diff.candidature.renewalDiff).toEqual({
      renewsCandidatureId: c.id,
      changed: false,
      outdatedEvidenceCount: 1,
    });
  });
});
