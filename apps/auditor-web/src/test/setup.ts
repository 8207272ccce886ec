/** Test setup: DSFR's links are react-router links, as `startReactDsfr` registers them in main.tsx. */
import { setLink } from "@codegouvfr/react-dsfr/link";
import { Link } from "react-router";

// Same call as startReactDsfr({ Link }) (whose parameter is typed loosely, as a Function).
setLink({ Link: Link as unknown as Parameters<typeof setLink>[0]["Link"] });
