/**
 * Import rules checked by `pnpm deps:check` (dependency-cruiser) in CI: no import cycle anywhere (a cycle
 * makes module initialisation depend on load order), and the domain stays pure.
 * Cycles are judged on what runs: type-only imports (`import type`) vanish at compile time.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "no-circular",
      severity: "error",
      comment: "Import cycle: break it by moving the shared part into its own module.",
      from: {},
      to: { circular: true },
    },
    {
      name: "domain-is-pure",
      severity: "error",
      comment: "@ldm/domain holds pure rules: no framework, database, network or Node API.",
      from: { path: "^packages/domain/src" },
      to: { path: "node_modules|^node:|^(fs|path|http|https|net|child_process|os|crypto)$" },
    },
    {
      name: "portals-stay-apart",
      severity: "error",
      comment:
        "A portal never imports another app (the API or the other portal); shared code lives in packages/.",
      from: { path: "^apps/(school-web|auditor-web)/" },
      to: { path: "^apps/", pathNot: "^apps/$1/" },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "(^|/)(dist|node_modules|\\.cache|gql)/" },
    tsPreCompilationDeps: false,
    tsConfig: { fileName: "tsconfig.base.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
