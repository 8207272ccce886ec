/**
 * Runs the API's TypeScript sources in a plain `node` process, compiled on the fly by swc with the same
 * settings as the jest preset (legacy decorators with metadata), and the workspace packages read from
 * their sources: `node -r ./src/test/register-ts.cjs src/index.ts`. The tests that start real API
 * processes use it, so that they need no prior build.
 */
/* global require, __dirname */
/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS require hook */
const fs = require("node:fs");
const Module = require("node:module");
const path = require("node:path");

const ROOT = path.resolve(__dirname, "..", "..", "..", "..");
const swc = require(require.resolve("@swc/core", { paths: [path.join(ROOT, "tooling", "jest")] }));

const SOURCES = {
  "@ldm/domain": path.join(ROOT, "packages", "domain", "src", "index.ts"),
  "@ldm/contracts": path.join(ROOT, "packages", "contracts", "src", "index.ts"),
};

const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return SOURCES[request] ?? resolveFilename.call(this, request, ...rest);
};

require.extensions[".ts"] = (module, filename) => {
  const { code } = swc.transformSync(fs.readFileSync(filename, "utf8"), {
    filename,
    jsc: {
      parser: { syntax: "typescript", decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: "es2022",
    },
    module: { type: "commonjs" },
    sourceMaps: "inline",
  });
  module._compile(code, filename);
};
