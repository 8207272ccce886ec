/** Loaded after the jsdom environment: Testing Library's matchers (`toBeInTheDocument`…). */
require("@testing-library/jest-dom");
