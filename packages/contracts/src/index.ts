export * from "./dossier-snapshot";
