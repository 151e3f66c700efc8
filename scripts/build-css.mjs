// Compiles app/styles/potluck.scss (govuk-frontend + Potluck's settings) to public/styles/potluck.css.
import { mkdirSync, writeFileSync } from "node:fs";
import * as sass from "sass";

const result = sass.compile("app/styles/potluck.scss", {
  loadPaths: ["node_modules"],
  style: "compressed",
  quietDeps: true,
  silenceDeprecations: ["import", "global-builtin", "color-functions", "slash-div"],
});
mkdirSync("public/styles", { recursive: true });
writeFileSync("public/styles/potluck.css", result.css);
console.log(`public/styles/potluck.css: ${Buffer.byteLength(result.css)} bytes`);
