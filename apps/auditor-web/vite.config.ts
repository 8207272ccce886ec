/**
 * Vite: the auditor portal is served by the API at `/auditeurs/` (`base`); the dev server (5174)
 * proxies the API's routes to API_URL (default: the API of `pnpm start`), so that the session cookie
 * stays same-origin.
 */
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

const apiUrl = process.env.API_URL ?? "http://127.0.0.1:4000";
const proxy = Object.fromEntries(
  ["/graphql", "/files", "/exports", "/health", "/ready"].map((path) => [path, { target: apiUrl }]),
);

export default defineConfig({
  base: "/auditeurs/",
  plugins: [react()],
  // The domain package is consumed from its TypeScript sources (its dist/ is CommonJS for Node).
  resolve: {
    alias: {
      "@ldm/domain": fileURLToPath(new URL("../../packages/domain/src/index.ts", import.meta.url)),
    },
  },
  server: { host: "127.0.0.1", port: 5174, strictPort: true, proxy },
  preview: { host: "127.0.0.1", port: 4174, proxy },
  build: {
    outDir: "dist",
    sourcemap: true,
    chunkSizeWarningLimit: 1024,
  },
});
