// Signed cookies. SESSION_SECRET signs both; a tampered cookie parses as null (= signed out).
import { createCookie, type Cookie } from "@remix-run/node";

const DEV_SECRET = "potluck-development-secret-not-for-production";

export function sessionSecretFromEnv(env: NodeJS.ProcessEnv = process.env): string {
  const secret = env.SESSION_SECRET;
  if (secret) {
    if (secret.length < 32) throw new Error("SESSION_SECRET must be at least 32 characters");
    return secret;
  }
  if (env.NODE_ENV === "production") {
    throw new Error("SESSION_SECRET is not set. Production refuses to start without it.");
  }
  return DEV_SECRET;
}

export interface CookiePair {
  plain: Cookie;
  secure: Cookie;
}

function makePair(name: string, secret: string, maxAgeSeconds: number | undefined): CookiePair {
  const base = { httpOnly: true, sameSite: "lax" as const, path: "/", secrets: [secret], maxAge: maxAgeSeconds };
  return { plain: createCookie(name, base), secure: createCookie(name, { ...base, secure: true }) };
}

let cookies: { session: CookiePair; csrf: CookiePair; receipt: CookiePair } | null = null;

export function initCookies(secret: string): void {
  cookies = {
    session: makePair("potluck_session", secret, 14 * 24 * 60 * 60),
    csrf: makePair("potluck_csrf", secret, undefined),
    // Carries a ballot's receipt from the confirming POST to the confirmation page, read once.
    receipt: makePair("potluck_receipt", secret, RECEIPT_COOKIE_MAX_AGE_SECONDS),
  };
}

const RECEIPT_COOKIE_MAX_AGE_SECONDS = 10 * 60;

/** `secure` may be given directly, or as the request whose protocol decides it. */
type SecureHint = Request | boolean;

function pick(pair: CookiePair, hint: SecureHint): Cookie {
  // Behind https (directly or via a proxy that express trusts) the cookie is marked Secure.
  const secure = typeof hint === "boolean" ? hint : new URL(hint.url).protocol === "https:";
  return secure ? pair.secure : pair.plain;
}

function all() {
  if (!cookies) initCookies(sessionSecretFromEnv());
  return cookies!;
}

export async function readSessionToken(cookieHeader: string | null): Promise<string | null> {
  const value = await all().session.plain.parse(cookieHeader);
  return typeof value === "string" && value.length <= 100 ? value : null;
}

export function serialiseSessionToken(request: Request, token: string): Promise<string> {
  return pick(all().session, request).serialize(token);
}

export function clearSessionCookie(request: Request): Promise<string> {
  return pick(all().session, request).serialize("", { maxAge: 0 });
}

export async function readCsrfToken(cookieHeader: string | null): Promise<string | null> {
  const value = await all().csrf.plain.parse(cookieHeader);
  return typeof value === "string" && /^[A-Za-z0-9_-]{20,100}$/.test(value) ? value : null;
}

export function serialiseCsrfToken(request: SecureHint, token: string): Promise<string> {
  return pick(all().csrf, request).serialize(token);
}

export interface BallotReceipt {
  roundSlug: string;
  receipt: string;
  replaced: boolean;
}

export function serialiseBallotReceipt(request: Request, value: BallotReceipt): Promise<string> {
  return pick(all().receipt, request).serialize(value);
}

export async function readBallotReceipt(cookieHeader: string | null): Promise<BallotReceipt | null> {
  const value = (await all().receipt.plain.parse(cookieHeader)) as Partial<BallotReceipt> | null;
  if (!value || typeof value.roundSlug !== "string" || typeof value.receipt !== "string" || value.receipt.length > 40) return null;
  return { roundSlug: value.roundSlug, receipt: value.receipt, replaced: value.replaced === true };
}

export function clearBallotReceipt(request: Request): Promise<string> {
  return pick(all().receipt, request).serialize("", { maxAge: 0 });
}
