// The server matches every request against the route tree; patches/@remix-run+router+*.patch
// makes it flatten and rank a tree once and compile each path pattern once. These tests hold
// the matching to what it was: the same answers on a tree matched many times, on a copy of it
// matched for the first time, and after matching other trees in between.
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";

// The server loads the CommonJS build (the patched file), so the test does too.
const router = createRequire(import.meta.url)("@remix-run/router") as typeof import("@remix-run/router");

type Route = import("@remix-run/router").AgnosticRouteObject;

/** A tree shaped like the one Remix builds from app/routes: a root layout with flat children. */
function appTree(): Route[] {
  return [{
    id: "root",
    path: "",
    children: [
      { id: "routes/_index", index: true },
      { id: "routes/rounds._index", path: "rounds" },
      { id: "routes/rounds.$slug", path: "rounds/:slug" },
      { id: "routes/rounds.$slug.vote", path: "rounds/:slug/vote" },
      { id: "routes/rounds.$slug.vote_.done", path: "rounds/:slug/vote/done" },
      { id: "routes/rounds.$slug.proposals.$id", path: "rounds/:slug/proposals/:id" },
      { id: "routes/timebanks.$slug.($tab)", path: "timebanks/:slug/:tab?" },
      { id: "routes/easy-read", path: "easy-read", caseSensitive: true },
      { id: "routes/files.$", path: "files/*" },
      { id: "routes/$", path: "*" },
    ],
  }];
}

const PATHS = [
  "/", "/rounds", "/rounds/", "/rounds/park-lane", "/rounds/park-lane/vote", "/rounds/park-lane/vote/done",
  "/rounds/park%20lane/proposals/12", "/timebanks/hostel", "/timebanks/hostel/members", "/easy-read", "/EASY-READ",
  "/ROUNDS/Park-Lane", "/files/a/b/c.pdf", "/nowhere/at/all", "/rounds/a/b/c/d",
];

function answers(routes: Route[], paths: readonly string[]) {
  return paths.map((path) => router.matchRoutes(routes, path)?.map((m) => ({ id: m.route.id, params: m.params, pathname: m.pathname, base: m.pathnameBase })) ?? null);
}

describe("route matching on the server", () => {
  it("gives a tree matched many times the same answers as a copy matched for the first time", () => {
    const tree = appTree();
    const first = answers(tree, PATHS);
    for (let i = 0; i < 3; i++) expect(answers(tree, PATHS)).toEqual(first);
    for (const path of PATHS) expect(answers(appTree(), [path])).toEqual(answers(tree, [path]));
    // Spot checks that the answers are the right ones, not only the same ones.
    expect(first[4]!.map((m) => m.id)).toEqual(["root", "routes/rounds.$slug.vote"]);
    expect(first[4]![1]!.params).toEqual({ slug: "park-lane" });
    expect(first[6]![1]!.params).toEqual({ slug: "park lane", id: "12" });
    expect(first[7]![1]).toMatchObject({ id: "routes/timebanks.$slug.($tab)", params: { slug: "hostel" } });
    expect(first[8]![1]!.params).toEqual({ slug: "hostel", tab: "members" });
    expect(first[9]![1]!.id).toBe("routes/easy-read");
    expect(first[10]![1]!.id).toBe("routes/$"); // case-sensitive route, other case
    expect(first[11]![1]).toMatchObject({ id: "routes/rounds.$slug", params: { slug: "Park-Lane" } });
    expect(first[12]![1]!.params).toEqual({ "*": "a/b/c.pdf" });
    expect(first[13]![1]!.id).toBe("routes/$");
  });

  it("keeps trees apart: matching one never changes what another matches", () => {
    const tree = appTree();
    const other: Route[] = [{ id: "only", path: "rounds/:other" }];
    const before = answers(tree, PATHS);
    expect(router.matchRoutes(other, "/rounds/x")?.map((m) => m.params)).toEqual([{ other: "x" }]);
    expect(answers(tree, PATHS)).toEqual(before);
    expect(router.matchRoutes(other, "/rounds/x/vote")).toBeNull();
  });

  it("matches patterns given to matchPath exactly, including the same pattern with other options", () => {
    expect(router.matchPath({ path: "/rounds/:slug", end: true }, "/rounds/a/vote")).toBeNull();
    expect(router.matchPath({ path: "/rounds/:slug", end: false }, "/rounds/a/vote")?.params).toEqual({ slug: "a" });
    expect(router.matchPath({ path: "/rounds/:slug", end: true }, "/rounds/a")?.params).toEqual({ slug: "a" });
    expect(router.matchPath({ path: "/Rounds", caseSensitive: true }, "/rounds")).toBeNull();
    expect(router.matchPath({ path: "/Rounds", caseSensitive: false }, "/rounds")).not.toBeNull();
  });
});
