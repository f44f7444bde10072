// The project compiles with TypeScript 7 (the native compiler, `tsc`), which has no JavaScript compiler API yet;
// typescript-eslint needs that API and refuses TS 7. So, in the lint process only, `require("typescript")` resolves to
// TypeScript 6.0 installed beside it under the name "typescript6" (the side-by-side setup the TS 7.0 release notes
// describe). Remove this file and the typescript6 dev dependency once typescript-eslint supports TypeScript 7.
import Module from "node:module";

const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return resolve.call(this, request === "typescript" ? "typescript6" : request, ...rest);
};
