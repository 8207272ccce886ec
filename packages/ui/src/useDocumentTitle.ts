import { useEffect } from "react";
import { useTranslation } from "react-i18next";

/** Sets `<title>` to « <page> — Label Lycée des métiers » (each page has its own title: RGAA 8.6). */
export function useDocumentTitle(title: string | null | undefined): void {
  const { t } = useTranslation("ui");
  useEffect(() => {
    if (title) document.title = t("documentTitle", { title });
  }, [title, t]);
}
