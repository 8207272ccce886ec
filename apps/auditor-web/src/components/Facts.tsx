import { fr } from "@codegouvfr/react-dsfr";
import type { ReactNode } from "react";

/** A short list of facts (« Date de l'audit : 4 octobre 2026 ») as a description list. */
export function Facts({ items }: { items: readonly { term: string; value: ReactNode }[] }) {
  return (
    <dl className={fr.cx("fr-text--sm")} style={{ paddingLeft: 0, margin: 0 }}>
      {items.map((item) => (
        <div key={item.term} className={fr.cx("fr-mb-1w")}>
          <dt className={fr.cx("fr-text--bold")}>{item.term}</dt>
          <dd style={{ margin: 0, padding: 0 }}>{item.value}</dd>
        </div>
      ))}
    </dl>
  );
}
