// A tiny OpenID Connect provider on loopback for the SSO browser test: discovery,
// an authorize page where the tester types the email the "organisation" asserts,
// a token endpoint returning an RS256-signed ID token, and JWKS. Test use only.
import { createServer } from "node:http";
import { createHash, createSign, generateKeyPairSync, randomBytes } from "node:crypto";

const CLIENT_ID = "lantern-e2e";
const CLIENT_SECRET = randomBytes(16).toString("hex");
const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
const kid = "e2e-key";
const b64url = (b) => Buffer.from(b).toString("base64url");

function signJwt(claims) {
  const header = b64url(JSON.stringify({ alg: "RS256", typ: "JWT", kid }));
  const body = b64url(JSON.stringify(claims));
  const sig = createSign("RSA-SHA256").update(`${header}.${body}`).sign(privateKey).toString("base64url");
  return `${header}.${body}.${sig}`;
}

async function readForm(req) {
  let data = "";
  for await (const chunk of req) data += chunk;
  return new URLSearchParams(data);
}

const escapeHtml = (s) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export async function start() {
  const codes = new Map();
  const tokens = new Map();
  let issuer = "";
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", issuer || "http://127.0.0.1");
    const json = (status, body) => {
      res.writeHead(status, { "content-type": "application/json", "cache-control": "no-store" });
      res.end(JSON.stringify(body));
    };
    if (url.pathname === "/oidc/.well-known/openid-configuration") {
      return json(200, {
        issuer,
        authorization_endpoint: `${issuer}/authorize`,
        token_endpoint: `${issuer}/token`,
        jwks_uri: `${issuer}/jwks`,
        userinfo_endpoint: `${issuer}/userinfo`,
        response_types_supported: ["code"],
        subject_types_supported: ["public"],
        id_token_signing_alg_values_supported: ["RS256"],
        token_endpoint_auth_methods_supported: ["client_secret_basic", "client_secret_post"],
        code_challenge_methods_supported: ["S256"],
        scopes_supported: ["openid", "email", "profile"],
      });
    }
    if (url.pathname === "/oidc/jwks") {
      return json(200, { keys: [{ ...publicKey.export({ format: "jwk" }), kid, alg: "RS256", use: "sig" }] });
    }
    if (url.pathname === "/oidc/authorize" && req.method === "GET") {
      const q = url.searchParams;
      if (q.get("client_id") !== CLIENT_ID) return json(400, { error: "unauthorized_client" });
      const hidden = ["redirect_uri", "state", "nonce", "code_challenge"]
        .map((k) => `<input type="hidden" name="${k}" value="${escapeHtml(q.get(k) ?? "")}">`)
        .join("");
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      return res.end(
        `<!doctype html><title>Fake SSO</title><form method="post" action="/oidc/authorize">${hidden}` +
          `<label>Organisation email <input name="email" type="email"></label><button>Continue</button></form>`,
      );
    }
    if (url.pathname === "/oidc/authorize" && req.method === "POST") {
      const f = await readForm(req);
      const code = randomBytes(16).toString("hex");
      codes.set(code, { email: f.get("email"), nonce: f.get("nonce") || undefined, challenge: f.get("code_challenge") });
      const back = new URL(f.get("redirect_uri"));
      back.searchParams.set("code", code);
      if (f.get("state")) back.searchParams.set("state", f.get("state"));
      back.searchParams.set("iss", issuer);
      res.writeHead(302, { location: back.toString() });
      return res.end();
    }
    if (url.pathname === "/oidc/token" && req.method === "POST") {
      const f = await readForm(req);
      const basic = Buffer.from((req.headers.authorization ?? "").replace(/^Basic /, ""), "base64").toString();
      const [id, secret] = basic.split(":").map(decodeURIComponent);
      if ((id ?? f.get("client_id")) !== CLIENT_ID || (secret ?? f.get("client_secret")) !== CLIENT_SECRET) {
        return json(401, { error: "invalid_client" });
      }
      const grant = codes.get(f.get("code") ?? "");
      codes.delete(f.get("code") ?? "");
      const verifier = f.get("code_verifier") ?? "";
      if (!grant || createHash("sha256").update(verifier).digest("base64url") !== grant.challenge) {
        return json(400, { error: "invalid_grant" });
      }
      const now = Math.floor(Date.now() / 1000);
      const id_token = signJwt({
        iss: issuer,
        sub: createHash("sha256").update(grant.email).digest("hex").slice(0, 24),
        aud: CLIENT_ID,
        iat: now,
        exp: now + 300,
        email: grant.email,
        email_verified: true,
        ...(grant.nonce ? { nonce: grant.nonce } : {}),
      });
      const access_token = randomBytes(16).toString("hex");
      tokens.set(access_token, { sub: createHash("sha256").update(grant.email).digest("hex").slice(0, 24), email: grant.email, email_verified: true });
      return json(200, { access_token, token_type: "Bearer", expires_in: 300, id_token });
    }
    if (url.pathname === "/oidc/userinfo") {
      const claims = tokens.get((req.headers.authorization ?? "").replace(/^Bearer /, ""));
      return claims ? json(200, claims) : json(401, { error: "invalid_token" });
    }
    json(404, { error: "not_found" });
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  issuer = `http://127.0.0.1:${server.address().port}/oidc`;
  return {
    AUTH_OIDC_ISSUER: issuer,
    AUTH_OIDC_ID: CLIENT_ID,
    AUTH_OIDC_SECRET: CLIENT_SECRET,
    AUTH_OIDC_NAME: "Test SSO",
  };
}
