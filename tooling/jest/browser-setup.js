/** Loaded after the jsdom environment: Testing Library's matchers (`toBeInTheDocument`…). */
require("@testing-library/jest-dom");

// The machines running CI have 2 cores shared with builds: give asynchronous queries (`findBy…`,
// `waitFor`) more than the default second before they fail.
require("@testing-library/dom").configure({ asyncUtilTimeout: 5000 });
