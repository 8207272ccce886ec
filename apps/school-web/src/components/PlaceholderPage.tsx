import { useTranslation } from "react-i18next";
import { useDocumentTitle } from "@ldm/ui";

/** A page still to be written: its title and « À venir ». */
export function PlaceholderPage({ title }: { title: string }) {
  const { t } = useTranslation();
  useDocumentTitle(title);
  return (
    <>
      <h1>{title}</h1>
      <p>{t("placeholder.comingSoon")}</p>
    </>
  );
}
