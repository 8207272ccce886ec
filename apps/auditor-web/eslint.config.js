export { react as default } from "@ldm/eslint-config";
