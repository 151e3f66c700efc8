import { createContext, useContext } from "react";

// The CSP nonce is known only on the server; in the browser it is the empty string,
// because browsers hide nonce attributes after the page loads.
const NonceContext = createContext("");
export const NonceProvider = NonceContext.Provider;
export const useNonce = () => useContext(NonceContext);
