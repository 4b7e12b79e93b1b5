// Builds static/dist/nlds.css: the NL Design System component CSS this site uses, followed by our token theme.
//
// It only concatenates what the npm packages ship (each has a minified dist/index.min.css) and our
// frontend/theme.css, so no bundler is needed. Run `npm ci` first; `npm run build` runs this file.
// The result must never reach outside the site: a remote url() or @import fails the build (no CDN).
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const output = join(root, "static", "dist", "nlds.css");

// Order matters a little: the document and page styles first, then the components, as the packages advise.
const FIRST = ["@utrecht/document-css", "@utrecht/page-css"];

function minify(css) {
  return css
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .replace(/\s+/g, " ")
    .replace(/\s*([{};,>])\s*/g, "$1")
    .replace(/;}/g, "}")
    .trim();
}

async function componentCss(name) {
  const directory = join(root, "node_modules", ...name.split("/"));
  const manifest = JSON.parse(await readFile(join(directory, "package.json"), "utf8"));
  const css = await readFile(join(directory, "dist", "index.min.css"), "utf8");
  return { name, version: manifest.version, license: manifest.license, css: css.replace(/^@charset "UTF-8";/, "") };
}

const project = JSON.parse(await readFile(join(root, "package.json"), "utf8"));
const names = Object.keys(project.dependencies).filter((name) => name.endsWith("-css"));
names.sort((a, b) => {
  const rank = (name) => (FIRST.includes(name) ? FIRST.indexOf(name) : FIRST.length);
  return rank(a) - rank(b) || a.localeCompare(b);
});

let components;
try {
  components = await Promise.all(names.map(componentCss));
} catch (error) {
  console.error(`frontend/build.mjs: ${error.message}\nRun \`npm ci\` first to install the packages.`);
  process.exit(1);
}
const theme = minify(await readFile(join(root, "frontend", "theme.css"), "utf8"));

const banner = [
  "/*! Wegwijzer Mensenhandel: NL Design System components with our own token theme.",
  " * Built by frontend/build.mjs; do not edit. Components (EUPL-1.2, Gemeente Utrecht and Frameless B.V.):",
  ...components.map((c) => ` * ${c.name}@${c.version} (${c.license})`),
  " */",
].join("\n");
const css = `@charset "UTF-8";\n${banner}\n${components.map((c) => c.css.trim()).join("\n")}\n${theme}\n`;

const remote = css.match(/url\(\s*["']?\s*(https?:)?\/\/|@import/i);
if (remote) {
  console.error(`frontend/build.mjs: the CSS refers to another site (${remote[0]}); the site must not load anything remote.`);
  process.exit(1);
}

await mkdir(dirname(output), { recursive: true });
await writeFile(`${output}.tmp`, css);
await rename(`${output}.tmp`, output);
console.log(`Built ${output.slice(root.length + 1)} (${(css.length / 1024).toFixed(1)} KiB, ${components.length} components).`);
