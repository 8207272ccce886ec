/**
 * The session of a portal, shared by both: the Apollo Client on same-origin `/graphql` with the session
 * cookie, the signed-in account (`me`), the login form, the logout, and what happens when the session
 * ends (expired, logged out elsewhere): the API answers UNAUTHENTICATED, `me` becomes null in the cache,
 * and the portal's route guard sends the user to the login page.
 *
 * Each portal writes its own `Me`, `Login` and `Logout` operations (typed by its codegen from the API's
 * schema, selecting the fields it needs) and hands them to `createSession`, which returns hooks and
 * components typed with them. Nothing here knows the router: links go through DSFR's registered link.
 */
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from "react";
import { ApolloClient, HttpLink, InMemoryCache, type ApolloLink } from "@apollo/client";
import type { TypedDocumentNode } from "@apollo/client";
import { CombinedGraphQLErrors } from "@apollo/client/errors";
import { ErrorLink } from "@apollo/client/link/error";
import { useApolloClient, useMutation, useQuery } from "@apollo/client/react";
import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import type { RegisteredLinkProps } from "@codegouvfr/react-dsfr/link";
import type { DocumentNode } from "graphql";
import { useTranslation } from "react-i18next";
import { graphQLErrorCode } from "../errorMessages";
import { GraphQLErrorAlert } from "../GraphQLErrorAlert";
import { Loading } from "../Loading";
import { useDocumentTitle } from "../useDocumentTitle";

/** What the shared parts read of the account; each portal selects more for its own pages. */
export interface SessionUser {
  id: string;
  fullName?: string | null;
  email?: string | null;
}

/** The portal's operations: `query Me { me { … } }`, `mutation Login($input: LoginInput!)`, `mutation Logout`. */
export interface SessionDocuments<TUser extends SessionUser> {
  me: TypedDocumentNode<{ me?: TUser | null }, Record<string, never>>;
  login: TypedDocumentNode<{ login: TUser }, { input: { email: string; password: string } }>;
  logout: TypedDocumentNode<{ logout: boolean }, Record<string, never>>;
}

export interface CreateApolloClientOptions {
  /** The terminating link (default: HTTP to `uri` with the cookie); tests pass a mock link. */
  link?: ApolloLink;
  /** Default `/graphql` (same origin: the cookie is SameSite=Strict). */
  uri?: string;
}

export interface LoginPanelProps {
  /** The page's title (h1 and `<title>`), e.g. « Connexion au portail des établissements ». */
  title: string;
  /** One sentence under the title: which account to use. */
  intro: ReactNode;
}

export interface LogoutPanelProps {
  /** The login page (« Se reconnecter »). */
  loginLinkProps: RegisteredLinkProps;
}

function operationName(document: DocumentNode): string | undefined {
  for (const definition of document.definitions) {
    if (definition.kind === "OperationDefinition") return definition.name?.value;
  }
  return undefined;
}

export interface Session<TUser extends SessionUser> {
  /** The portal's Apollo Client; when the API says UNAUTHENTICATED (except to `Login`), `me` is null. */
  createApolloClient(options?: CreateApolloClientOptions): ApolloClient;
  /** The signed-in account (null without a session); `loading` only until the first answer. */
  useCurrentUser(): { user: TUser | null; loading: boolean; error: unknown };
  /** The login form in its page (title, intro, refusals in French, lock after too many attempts). */
  LoginPanel(props: LoginPanelProps): ReactNode;
  /** Ends the session, forgets every cached answer, and says so. */
  LogoutPanel(props: LogoutPanelProps): ReactNode;
  documents: SessionDocuments<TUser>;
}

export function createSession<TUser extends SessionUser>(
  documents: SessionDocuments<TUser>,
): Session<TUser> {
  const loginOperation = operationName(documents.login);

  function createApolloClient({ link, uri = "/graphql" }: CreateApolloClientOptions = {}) {
    const cache = new InMemoryCache();
    const sessionLink = new ErrorLink(({ error, operation }) => {
      if (
        operation.operationName !== loginOperation &&
        CombinedGraphQLErrors.is(error) &&
        error.errors.some((e) => e.extensions?.["code"] === "UNAUTHENTICATED")
      ) {
        cache.writeQuery({ query: documents.me, data: { me: null } });
      }
    });
    return new ApolloClient({
      cache,
      link: sessionLink.concat(link ?? new HttpLink({ uri, credentials: "include" })),
    });
  }

  function useCurrentUser() {
    const { data, loading, error } = useQuery(documents.me);
    return { user: data?.me ?? null, loading: loading && !data, error };
  }

  function LoginPanel({ title, intro }: LoginPanelProps) {
    const { t } = useTranslation("ui");
    useDocumentTitle(title);
    const [email, setEmail] = useState("");
    const [password, setPassword] = useState("");
    const [login, { loading, error }] = useMutation(documents.login, {
      update(cache, { data }) {
        // The guard and the header read `me`: the portal's page moves on once it is written.
        if (data) cache.writeQuery({ query: documents.me, data: { me: data.login } });
      },
    });
    const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
      event.preventDefault();
      try {
        await login({ variables: { input: { email: email.trim(), password } } });
      } catch {
        // Shown by the alert below (the mutation's `error`).
      }
    };
    const tooManyAttempts = graphQLErrorCode(error) === "TOO_MANY_ATTEMPTS";
    return (
      <div className={fr.cx("fr-grid-row", "fr-grid-row--center")}>
        <div className={fr.cx("fr-col-12", "fr-col-md-8", "fr-col-lg-6")}>
          <h1>{title}</h1>
          <p>{intro}</p>
          <GraphQLErrorAlert
            error={error}
            title={tooManyAttempts ? t("session.tooManyAttemptsTitle") : t("session.errorTitle")}
            className={fr.cx("fr-mb-3w")}
          />
          <form onSubmit={(event) => void onSubmit(event)}>
            <Input
              label={t("session.email")}
              hintText={t("session.emailHint")}
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
              label={t("session.password")}
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
              {loading ? t("session.submitting") : t("session.submit")}
            </Button>
          </form>
        </div>
      </div>
    );
  }

  function LogoutPanel({ loginLinkProps }: LogoutPanelProps) {
    const { t } = useTranslation("ui");
    useDocumentTitle(t("session.logoutTitle"));
    const client = useApolloClient();
    const [logout, { error }] = useMutation(documents.logout);
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
        <h1>{t("session.logoutTitle")}</h1>
        {error ? (
          <GraphQLErrorAlert error={error} />
        ) : done ? (
          <>
            <Alert
              severity="success"
              small
              description={t("session.logoutDone")}
              className={fr.cx("fr-mb-3w")}
            />
            <Button linkProps={loginLinkProps}>{t("session.signInAgain")}</Button>
          </>
        ) : (
          <Loading />
        )}
      </>
    );
  }

  return { createApolloClient, useCurrentUser, LoginPanel, LogoutPanel, documents };
}
