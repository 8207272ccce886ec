import type { HeaderProps } from "@codegouvfr/react-dsfr/Header";
import type { RegisteredLinkProps } from "@codegouvfr/react-dsfr/link";
import type { TFunction } from "i18next";
import type { SessionUser } from "./createSession";

/**
 * The header's quick access for the account: signed in, its name and « Se déconnecter »; signed out,
 * « Se connecter ». A portal puts its own entries before these.
 */
export function accountQuickAccessItems({
  user,
  t,
  accountLinkProps,
  loginLinkProps,
  logoutLinkProps,
}: {
  user: SessionUser | null;
  /** `useTranslation("ui").t`. */
  t: TFunction<"ui">;
  accountLinkProps: RegisteredLinkProps;
  loginLinkProps: RegisteredLinkProps;
  logoutLinkProps: RegisteredLinkProps;
}): HeaderProps.QuickAccessItem[] {
  if (!user) {
    return [{ iconId: "fr-icon-lock-line", text: t("header.signIn"), linkProps: loginLinkProps }];
  }
  return [
    {
      iconId: "fr-icon-account-circle-line",
      text: user.fullName ?? user.email ?? "",
      linkProps: accountLinkProps,
    },
    { iconId: "fr-icon-logout-box-r-line", text: t("header.signOut"), linkProps: logoutLinkProps },
  ];
}
