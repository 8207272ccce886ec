import { useEffect, useRef, useState } from "react";
import { useApolloClient, useMutation } from "@apollo/client/react";
import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { useTranslation } from "react-i18next";
import { GraphQLErrorAlert } from "@ldm/ui";
import { Loading } from "../components/Loading";
import { useDocumentTitle } from "../components/useDocumentTitle";
import { graphql } from "../gql";
import { paths } from "../paths";

const LogoutMutation = graphql(`
  mutation Logout {
    logout
  }
`);

/** Ends the session, forgets every cached answer, and says so. */
export function LogoutPage() {
  const { t } = useTranslation();
  useDocumentTitle(t("logout.title"));
  const client = useApolloClient();
  const [logout, { error }] = useMutation(LogoutMutation);
  const [done, setDone] = useState(false);
  const started = useRef(false);

  useEffect(() => {
    if (started.current) return;
    started.current = true;
    logout()
      .then(() => client.resetStore())
      .then(() => setDone(true))
      .catch(() => {
        // Shown by the alert (the mutation's `error`).
      });
  }, [logout, client]);

  return (
    <>
      <h1>{t("logout.title")}</h1>
      {error ? (
        <GraphQLErrorAlert error={error} />
      ) : done ? (
        <>
          <Alert
            severity="success"
            small
            description={t("logout.done")}
            className={fr.cx("fr-mb-3w")}
          />
          <Button linkProps={{ to: paths.login }}>{t("logout.signInAgain")}</Button>
        </>
      ) : (
        <Loading />
      )}
    </>
  );
}
