/**
 * Vite: dev server on 5173 proxying the API's routes to API_URL (default: the API of `pnpm start` or
 * `pnpm --filter @ldm/api start`), so that the session cookie stays same-origin.
 */
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

const apiUrl = process.env.API_URL ?? "http://127.0.0.1:4000";
const proxy = Object.fromEntries(
  ["/graphql", "/files", "/exports", "/health", "/ready"].map((path) => [path, { target: apiUrl }]),
);

export default defineConfig({
  plugins: [react()],
  // The domain package is consumed from its TypeScript sources (its dist/ is CommonJS for Node).
  resolve: {
    alias: {
      "@ldm/domain": fileURLToPath(new URL("../../packages/domain/src/index.ts", import.meta.url)),
    },
  },
  server: { host: "127.0.0.1", port: 5173, strictPort: true, proxy },
  preview: { host: "127.0.0.1", port: 4173, proxy },
  build: {
    outDir: "dist",
    sourcemap: true,
    // One bundle for now (~210 kB gzipped); split pages with the routes' `lazy` when it grows.
    chunkSizeWarningLimit: 1024,
  },
});
