import { useState, type FormEvent } from "react";
import { useMutation } from "@apollo/client/react";
import { fr } from "@codegouvfr/react-dsfr";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { Navigate, useNavigate, useSearchParams } from "react-router";
import { useTranslation } from "react-i18next";
import { GraphQLErrorAlert, graphQLErrorCode } from "@ldm/ui";
import { MeQuery, useCurrentUser } from "../auth/currentUser";
import { Loading } from "../components/Loading";
import { useDocumentTitle } from "../components/useDocumentTitle";
import { graphql } from "../gql";
import { NEXT_PARAM, paths } from "../paths";

export const LoginMutation = graphql(`
  mutation Login($input: LoginInput!) {
    login(input: $input) {
      ...CurrentUser
    }
  }
`);

/** Only a path of this portal (never another site) may follow the login. */
function safeNext(next: string | null): string {
  return next && next.startsWith("/") && !next.startsWith("//") ? next : paths.candidatures;
}

export function LoginPage() {
  const { t } = useTranslation();
  useDocumentTitle(t("login.title"));
  const [searchParams] = useSearchParams();
  const navigate = useNavigate();
  const { user, loading: loadingUser } = useCurrentUser();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [login, { loading, error }] = useMutation(LoginMutation, {
    update(cache, { data }) {
      if (data) cache.writeQuery({ query: MeQuery, data: { me: data.login } });
    },
  });
  const next = safeNext(searchParams.get(NEXT_PARAM));

  if (loadingUser) return <Loading />;
  if (user && !loading) return <Navigate to={next} replace />;

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    try {
      await login({ variables: { input: { email: email.trim(), password } } });
      await navigate(next, { replace: true });
    } catch {
      // The error is shown by the alert below (the mutation's `error`).
    }
  };

  const tooManyAttempts = graphQLErrorCode(error) === "TOO_MANY_ATTEMPTS";
  return (
    <div className={fr.cx("fr-grid-row", "fr-grid-row--center")}>
      <div className={fr.cx("fr-col-12", "fr-col-md-8", "fr-col-lg-6")}>
        <h1>{t("login.title")}</h1>
        <p>{t("login.intro")}</p>
        <GraphQLErrorAlert
          error={error}
          title={tooManyAttempts ? t("login.tooManyAttemptsTitle") : t("login.errorTitle")}
          className={fr.cx("fr-mb-3w")}
        />
        <form onSubmit={(event) => void onSubmit(event)} noValidate={false}>
          <Input
            label={t("login.email")}
            hintText={t("login.emailHint")}
            nativeInputProps={{
              type: "email",
              name: "email",
              autoComplete: "username",
              required: true,
              value: email,
              onChange: (e) => setEmail(e.target.value),
            }}
          />
          <Input
            label={t("login.password")}
            nativeInputProps={{
              type: "password",
              name: "password",
              autoComplete: "current-password",
              required: true,
              value: password,
              onChange: (e) => setPassword(e.target.value),
            }}
          />
          <Button type="submit" disabled={loading}>
            {loading ? t("login.submitting") : t("login.submit")}
          </Button>
        </form>
      </div>
    </div>
  );
}
