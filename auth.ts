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
import { checkCredentials, clientAddress, SignInRefused, type SignedIn } from "@/lib/auth/credentials";
import { signInLimiter } from "@/lib/auth/rate-limit";
import { findUserForSignIn, markSignedIn } from "@/lib/db/users";
import { recordAudit } from "@/lib/db/audit";

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
        const user = await checkCredentials(await getDb(), signInLimiter(), credentials, clientAddress(request.headers));
        return user;
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
  session: { strategy: "jwt", maxAge: cfg.SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/signin", error: "/signin" },
  trustHost: process.env.AUTH_TRUST_HOST === "true" || process.env.NODE_ENV !== "production" || undefined,
  callbacks: {
    /**
     * Only same-site destinations, returned as paths: the browser stays on the host it
     * used (Next reports loopback hosts as "localhost", which would drop the cookies).
     * The sign-in page sends a signed-in person on to their role's start page.
     */
    redirect({ url, baseUrl }) {
      let path = "/signin";
      if (url.startsWith("/") && !url.startsWith("//")) path = url;
      else {
        try {
          const u = new URL(url);
          if (u.origin === baseUrl || u.origin === process.env.AUTH_URL?.replace(/\/$/, "")) path = u.pathname + u.search;
        } catch {
          // not a URL: keep the default
        }
      }
      return path === "/" ? "/signin" : path;
    },
    /** SSO never creates accounts: an admin adds the person first, by the email their organisation uses. */
    async signIn({ account, profile }) {
      if (account?.provider !== "oidc") return true;
      const email = typeof profile?.email === "string" ? profile.email : "";
      const db = await getDb();
      const user = email && profile?.email_verified !== false ? await findUserForSignIn(db, email) : null;
      if (!user || user.disabled) {
        await recordAudit(db, {
          actor: user ? { id: user.id, email: user.email, name: user.name, role: user.role } : null,
          action: "auth.signin.fail",
          details: { reason: user ? "disabled" : "sso_unknown_account" },
        });
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
