// Auth.js endpoints (sign-in, callback, session, sign-out). Public by design: they
// ARE the sign-in; every credential check lives in lib/auth/next-auth.ts / lib/auth/credentials.ts.
import { handlers } from "@/lib/auth/next-auth";

export const { GET, POST } = handlers;
