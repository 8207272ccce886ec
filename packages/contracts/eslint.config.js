module.exports = require("@ldm/eslint-config").domain;
