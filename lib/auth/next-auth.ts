/**
 * Auth.js (next-auth v5) setup: email + password (argon2id) and, when configured,
 * one generic OpenID Connect provider. Sessions are signed JWTs that expire; the
 * token holds only the user id and the sessionVersion it was issued for. Whether
 * that still grants access is decided on every request by lib/auth/session.ts
 * against the database (disabled accounts and bumped versions lose access).
 */
import NextAuth, { CredentialsSignin, type NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { getDb } from "@/lib/db/client";
import { authConfig, oidcConfigured } from "@/lib/auth/config";
import { checkCredentials, SignInRefused, type SignedIn } from "@/lib/auth/credentials";
import { failedSignIns } from "@/lib/auth/failed-signins-server";
import { signInLimiter } from "@/lib/auth/rate-limit";
import { endSessionOfToken } from "@/lib/auth/sign-out";
import { decideSsoSignIn } from "@/lib/auth/sso";
import { clientKeyFromHeaders } from "@/lib/rate-limit/client-key";
import { sameOriginPath } from "@/lib/auth/callback-path";
import { findUserForSignIn, markSignedIn } from "@/lib/db/users";
import { readEnv } from "@/lib/env";

class RefusedSignIn extends CredentialsSignin {
  constructor(code: string) {
    super();
    this.code = code;
  }
}

const cfg = authConfig();

const providers: NextAuthConfig["providers"] = [
  Credentials({
    credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
    async authorize(credentials, request) {
      try {
        return await checkCredentials(await getDb(), signInLimiter(), failedSignIns(), credentials, clientKeyFromHeaders(request.headers));
      } catch (err) {
        if (err instanceof SignInRefused) throw new RefusedSignIn(err.code);
        throw err;
      }
    },
  }),
];

if (oidcConfigured(cfg)) {
  providers.push({
    id: "oidc",
    name: cfg.AUTH_OIDC_NAME,
    type: "oidc",
    issuer: cfg.AUTH_OIDC_ISSUER,
    clientId: cfg.AUTH_OIDC_ID,
    clientSecret: cfg.AUTH_OIDC_SECRET,
  });
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  providers,
  events: {
    // Every way out (the sign-out button, a POST to /api/auth/signout) ends the token itself (lib/auth/sign-out.ts).
    async signOut(message) {
      if ("token" in message) await endSessionOfToken(await getDb(), message.token as { uid?: unknown; sv?: unknown } | null);
    },
  },
  session: { strategy: "jwt", maxAge: cfg.SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/signin", error: "/signin" },
  trustHost: readEnv().AUTH_TRUST_HOST === "true" || readEnv().NODE_ENV !== "production" || undefined,
  callbacks: {
    /**
     * Only same-site destinations, returned as paths: the browser stays on the host it
     * used (Next reports loopback hosts as "localhost", which would drop the cookies).
     * The sign-in page sends a signed-in person on to their role's start page.
     */
    redirect({ url, baseUrl }) {
      const bases = [baseUrl, readEnv().AUTH_URL].filter((b): b is string => !!b);
      const path = bases.map((base) => sameOriginPath(url, base)).find((p) => p !== null) ?? "/signin";
      return path === "/" ? "/signin" : path;
    },
    /** SSO: an existing, enabled account whose email the provider verified (lib/auth/sso.ts). */
    async signIn({ account, profile }) {
      if (account?.provider !== "oidc") return true;
      const decision = await decideSsoSignIn(await getDb(), profile);
      if (!decision.ok) {
        failedSignIns().record(decision.user, decision.reason);
        return "/signin?error=AccessDenied";
      }
      return true;
    },
    async jwt({ token, user, account, profile }) {
      if (account?.provider === "credentials" && user) {
        const u = user as unknown as SignedIn;
        return { sub: u.id, uid: u.id, sv: u.sessionVersion };
      }
      if (account?.provider === "oidc" && typeof profile?.email === "string") {
        const db = await getDb();
        const u = await findUserForSignIn(db, profile.email);
        if (!u) return null;
        await markSignedIn(db, { id: u.id, email: u.email, name: u.name, role: u.role });
        return { sub: u.id, uid: u.id, sv: u.sessionVersion };
      }
      return token;
    },
    // Only the ids travel to the browser's session endpoint; names and roles come from the database.
    async session({ session, token }) {
      return { ...session, user: { id: String(token.uid ?? ""), sv: Number(token.sv ?? -1) } } as never;
    },
  },
});
