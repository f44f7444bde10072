// The tagger thread's entry, loaded by path at run time (lib/threads/worker-client.ts), in `next start`, in tests
// and in scripts alike. Node 20 cannot load TypeScript, so tsx's loader is registered for this thread first; the
// worker itself (tagger-worker.ts, with tag.ts) is then the same source the main thread runs, never a stale copy.
// See docs/decisions/007-typed-tagger-worker.md.
import { register } from "tsx/esm/api";

register();
await import("./tagger-worker.ts");
