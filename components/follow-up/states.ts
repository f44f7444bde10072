/** What the /follow-up actions answer to their forms: plain, serializable. */
export type OpenState = { message: string } | null;
export type ReplyState = { ok: true; crisis: "risk" | "fallback" | null } | { ok: false; message: string; crisis: "risk" | "fallback" | null } | null;
export type EraseState = { message: string } | null;
