// Every page is rendered by a static router built from the app's route tree. Two patches keep
// the per-request work to the request: patches/react-router-dom+*.patch converts a tree to data
// routes once, and patches/@remix-run+react+*.patch builds Remix's server routes once per
// build. These tests hold rendering to what it was: each request renders its own page, params
// and data, whatever was rendered before it and from whichever tree.
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";

// The server loads the CommonJS builds (the patched files), so the test does too.
const require = createRequire(import.meta.url);
const React = require("react") as typeof import("react");
const { renderToString } = require("react-dom/server") as typeof import("react-dom/server");
const { Outlet, useLoaderData, useParams } = require("react-router-dom") as typeof import("react-router-dom");
const server = require("react-router-dom/server") as typeof import("react-router-dom/server");

type Route = import("react-router-dom").RouteObject;
const h = React.createElement;

function Layout() {
  return h("main", null, h(Outlet));
}
function Home() {
  return h("h1", null, "Home");
}
function Round() {
  const data = useLoaderData() as { title: string };
  const { slug } = useParams();
  return h("h1", null, `${data.title} (${slug})`);
}

/** A tree shaped like Remix's: a root layout with children, loaders giving each page its data. */
function appTree(): Route[] {
  return [{
    id: "root",
    path: "/",
    element: h(Layout),
    children: [
      { id: "home", index: true, element: h(Home) },
      { id: "round", path: "rounds/:slug", loader: ({ params }) => ({ title: `Round ${params.slug!.toUpperCase()}` }), element: h(Round) },
      { id: "missing", path: "*", element: h("h1", null, "Page not found") },
    ],
  }];
}

async function render(routes: Route[], path: string) {
  const handler = server.createStaticHandler(routes);
  const context = await handler.query(new Request(`http://potluck.test${path}`));
  if (context instanceof Response) throw new Error(`unexpected response for ${path}`);
  const router = server.createStaticRouter(routes, context);
  return { html: renderToString(h(server.StaticRouterProvider, { router, context, hydrate: false })), router };
}

describe("rendering pages on the server", () => {
  it("renders each request's own page, params and data from one tree, in any order", async () => {
    const tree = appTree();
    const first = await render(tree, "/rounds/park-lane");
    expect(first.html).toBe("<main><h1>Round PARK-LANE (park-lane)</h1></main>");
    expect((await render(tree, "/")).html).toBe("<main><h1>Home</h1></main>");
    expect((await render(tree, "/rounds/mill-road")).html).toBe("<main><h1>Round MILL-ROAD (mill-road)</h1></main>");
    expect((await render(tree, "/no/such/page")).html).toBe("<main><h1>Page not found</h1></main>");
    const again = await render(tree, "/rounds/park-lane");
    expect(again.html).toBe(first.html);
    // The point of the patch: the tree was converted once, and each request still has its own state.
    expect(again.router.routes).toBe(first.router.routes);
    expect(again.router.state.matches.map((m) => m.route.id)).toEqual(["root", "round"]);
    expect(again.router.state.location.pathname).toBe("/rounds/park-lane");
  });

  it("keeps trees apart: another tree gets its own routes and renders its own pages", async () => {
    const tree = appTree();
    const before = await render(tree, "/rounds/a");
    const other: Route[] = [{ id: "other", path: "/rounds/:slug", element: h("p", null, "Another app") }];
    const rendered = await render(other, "/rounds/a");
    expect(rendered.html).toBe("<p>Another app</p>");
    expect(rendered.router.routes).not.toBe(before.router.routes);
    expect((await render(tree, "/rounds/a")).html).toBe(before.html);
    expect((await render(appTree(), "/rounds/a")).html).toBe(before.html);
  });
});
