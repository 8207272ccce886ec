import { useTranslation } from "react-i18next";
import { ErrorPage } from "@ldm/ui";
import { useDocumentTitle } from "../components/useDocumentTitle";

export function NotFoundPage() {
  const { t } = useTranslation();
  useDocumentTitle(t("notFound.title"));
  return <ErrorPage variant="notFound" />;
}
