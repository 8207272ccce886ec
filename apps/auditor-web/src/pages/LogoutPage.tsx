import { session } from "../auth/session";
import { paths } from "../paths";

/** Ends the session, forgets every cached answer, and says so. */
export function LogoutPage() {
  return <session.LogoutPanel loginLinkProps={{ to: paths.login }} />;
}
