export * from "./dossier-snapshot";
export * from "./audit-plan";
