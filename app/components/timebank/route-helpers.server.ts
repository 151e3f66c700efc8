// Timebank (and meetings) routes read ids from the address with the shared helpers.
export { idFrom, orErrorPage, slugFrom } from "../../http/route-params.server";
