import { createHash, randomBytes } from "node:crypto";

/** A random URL-safe token; only its sha256 is stored, so a database leak reveals no live token. */
export function newToken(bytes = 32): string {
  return randomBytes(bytes).toString("base64url");
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
