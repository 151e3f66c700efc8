import { describe, expect, it } from "vitest";
import { generateTemporaryPassword, hashPassword, verifyPassword } from "../../app/services/passwords.server.js";

describe("password hashing", () => {
  it("verifies the right password and refuses a wrong one", async () => {
    const hash = await hashPassword("correct horse battery", 14);
    expect(hash).toMatch(/^scrypt\$14\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(await verifyPassword("correct horse battery", hash)).toBe(true);
    expect(await verifyPassword("correct horse batterY", hash)).toBe(false);
  });

  it("salts every hash, so the same password hashes differently", async () => {
    const [a, b] = await Promise.all([hashPassword("same password", 14), hashPassword("same password", 14)]);
    expect(a).not.toBe(b);
  });

  it("treats composed and decomposed accents as the same password", async () => {
    const hash = await hashPassword("caf\u00e9 au lait!", 14);
    expect(await verifyPassword("cafe\u0301 au lait!", hash)).toBe(true);
  });

  it("refuses malformed or tampered stored hashes instead of throwing", async () => {
    const hash = await hashPassword("something secret", 14);
    expect(await verifyPassword("something secret", "plain-text")).toBe(false);
    expect(await verifyPassword("something secret", hash.replace("scrypt$14", "scrypt$40"))).toBe(false);
    expect(await verifyPassword("something secret", hash.slice(0, -8))).toBe(false);
  });

  it("makes readable temporary passwords without look-alike characters", () => {
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const password = generateTemporaryPassword();
      expect(password).toMatch(/^[a-hjkmnp-z2-9]{4}(-[a-hjkmnp-z2-9]{4}){3}$/);
      seen.add(password);
    }
    expect(seen.size).toBe(200);
  });
});
