module.exports = require("@ldm/eslint-config").base;
