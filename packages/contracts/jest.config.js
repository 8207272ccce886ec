/** @type {import("jest").Config} */
module.exports = { ...require("@ldm/jest-presets"), displayName: "contracts" };
