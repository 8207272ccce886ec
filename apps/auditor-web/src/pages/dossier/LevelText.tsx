import { useTranslation } from "react-i18next";
import { isAttainmentLevel } from "@ldm/domain";

/** A self-assessed level in words (« Atteint »), or that it is missing; Euroscol says so. */
export function LevelText({
  level,
  euroscol,
}: {
  level: string | null | undefined;
  euroscol?: boolean;
}) {
  const { t } = useTranslation();
  const text =
    level && isAttainmentLevel(level) ? t(`enums.AttainmentLevel.${level}`) : t("dossier.noLevel");
  return (
    <>
      {text}
      {euroscol ? ` (${t("dossier.euroscol")})` : ""}
    </>
  );
}
