module.exports = require("@ldm/eslint-config").react;
