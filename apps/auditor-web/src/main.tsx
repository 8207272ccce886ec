import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { startReactDsfr } from "@codegouvfr/react-dsfr/spa";
import { Link } from "react-router";
import { useTranslation } from "react-i18next";
import { App } from "./App";

/** DSFR's own texts (close, menu…) follow the portal's language. */
function useLang(): string {
  return useTranslation().i18n.language;
}

startReactDsfr({ defaultColorScheme: "light", Link, useLang });

declare module "@codegouvfr/react-dsfr/spa" {
  interface RegisterLink {
    Link: typeof Link;
  }
}

const root = document.getElementById("root");
if (!root) throw new Error("#root manquant dans index.html");
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
