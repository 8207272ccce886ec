/**
 * jsdom, plus the web platform globals that Node has and jsdom lacks (react-router's data router builds
 * `Request`s; its signals must be Node's AbortSignal for Node's `Request` to accept them).
 */
const { TestEnvironment } = require("jest-environment-jsdom");

const FROM_NODE = [
  "TextEncoder",
  "TextDecoder",
  "Request",
  "Response",
  "Headers",
  "fetch",
  "ReadableStream",
  "AbortController",
  "AbortSignal",
  "structuredClone",
];

class BrowserEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    for (const name of FROM_NODE) {
      if (name.startsWith("Abort") || typeof this.global[name] === "undefined") {
        this.global[name] = globalThis[name];
      }
    }
  }
}

module.exports = BrowserEnvironment;
