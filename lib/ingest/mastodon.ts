import { z } from "zod";
import { LinkError } from "./errors";
import { htmlToText } from "./html-text";

const statusSchema = z.object({
  id: z.string(),
  content: z.string().default(""),
  spoiler_text: z.string().default(""),
  sensitive: z.boolean().default(false),
  visibility: z.string().default("public"),
  get reblog() {
    return statusSchema.nullish();
  },
});

// A content warning on a post about how someone feels is normal and welcome here; only adult content is skipped.
const ADULT_WARNING = /\b(nsfw|18\+|lewd|porn|nude|nudity|sexual|explicit)\b/i;

export function readMastodonStatus(status: number): void {
  if (status === 200) return;
  if (status === 404) throw new LinkError("not_found");
  if (status === 410) throw new LinkError("deleted");
  if (status === 401 || status === 403) throw new LinkError("private");
  throw new LinkError("unreachable");
}

export function mastodonText(json: unknown): string {
  const parsed = statusSchema.safeParse(json);
  if (!parsed.success) throw new LinkError("unreachable");
  const status = parsed.data.reblog ?? parsed.data;
  if (status.visibility !== "public" && status.visibility !== "unlisted") throw new LinkError("private");
  if (status.sensitive && ADULT_WARNING.test(status.spoiler_text)) throw new LinkError("nsfw");
  const text = [status.spoiler_text.trim(), htmlToText(status.content)].filter(Boolean).join("\n\n");
  if (!text) throw new LinkError("no_text");
  return text;
}
