// ESLint rule: a client component ("use client") never imports, directly or through other project modules, a module
// marked `import "server-only"`. Next fails the build on such an import too, but only at build time and with the
// whole chain to untangle; this names the import in the editor and in `npm run lint`. Type-only imports are erased
// at compile time and never cross, so they are allowed.
import fs from "node:fs";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "..");
const EXTENSIONS = [".ts", ".tsx", ".mjs", ".js", "/index.ts", "/index.tsx"];
const SERVER_ONLY = /^\s*import\s+["']server-only["'];?\s*$/m;
const USE_SERVER = /^\s*["']use server["'];?\s*$/m;
const IMPORT = /^\s*(?:import|export)\s+(?!type\b)(?:[^"';]*?\s+from\s+)?["']([^"']+)["']/gm;

/** The project file an import names, or null for packages and files outside the project. */
function resolve(spec, fromFile) {
  let base;
  if (spec.startsWith("@/")) base = path.join(ROOT, spec.slice(2));
  else if (spec.startsWith(".")) base = path.resolve(path.dirname(fromFile), spec);
  else return null;
  if (fs.existsSync(base) && fs.statSync(base).isFile()) return base;
  for (const ext of EXTENSIONS) if (fs.existsSync(base + ext)) return base + ext;
  return null;
}

const cache = new Map();

/** The chain of files from `file` to a server-only module, or null when there is none. */
function serverOnlyChain(file, seen = new Set()) {
  if (cache.has(file)) return cache.get(file);
  if (seen.has(file)) return null;
  seen.add(file);
  const text = fs.readFileSync(file, "utf8");
  let chain = null;
  // A "use server" module reaches the client as references to its actions, never as code.
  if (USE_SERVER.test(text)) chain = null;
  else if (SERVER_ONLY.test(text)) chain = [file];
  else {
    for (const m of text.matchAll(IMPORT)) {
      const next = resolve(m[1], file);
      const sub = next && serverOnlyChain(next, seen);
      if (sub) {
        chain = [file, ...sub];
        break;
      }
    }
  }
  cache.set(file, chain);
  return chain;
}

const rule = {
  meta: {
    type: "problem",
    docs: { description: 'client components never import server-only modules (import "server-only")' },
    schema: [],
  },
  create(context) {
    const source = context.sourceCode;
    const isClient = source.ast.body.some((n) => n.type === "ExpressionStatement" && n.directive === "use client");
    if (!isClient) return {};
    const check = (node) => {
      if (node.importKind === "type" || node.exportKind === "type" || !node.source) return;
      if (node.specifiers?.length && node.specifiers.every((s) => s.importKind === "type")) return;
      const target = resolve(node.source.value, context.filename);
      const chain = target && serverOnlyChain(target);
      if (chain) {
        const shown = chain.map((f) => path.relative(ROOT, f)).join(" -> ");
        context.report({ node, message: `A client component imports a server-only module: ${shown}` });
      }
    };
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check };
  },
};

export default rule;
