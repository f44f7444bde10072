// Runs in the browser before the app's own code.
// zod probes `new Function("")` once to decide whether it may compile fast parsers; under our nonce CSP (no
// 'unsafe-eval') the probe is refused and the browser reports a CSP violation, though zod copes. Declaring
// jitless up front skips the probe, so a CSP report from a real page always means something real.
import { z } from "zod";

z.config({ jitless: true });
