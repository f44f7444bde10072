import { UserFacingError } from "@/lib/errors";

/** Why a link could not be read; each reason has its own kind words and all of them offer pasting instead. */
export type LinkProblem =
  | "invalid"
  | "unsupported_host"
  | "not_a_post"
  | "blocked_address"
  | "not_found"
  | "removed"
  | "deleted"
  | "nsfw"
  | "private"
  | "unreachable"
  | "too_large"
  | "no_text";

const MESSAGES: Record<LinkProblem, string> = {
  invalid: "That doesn't look like a web link we can open. Links start with https://.",
  unsupported_host: "We can only read links to Reddit, Mastodon and Bluesky posts.",
  not_a_post: "That link doesn't point to a single post or comment.",
  blocked_address: "We can't open that link.",
  not_found: "We couldn't find that post. It may have been deleted, or the link may be incomplete.",
  removed: "That post was removed, so its text is no longer available.",
  deleted: "That post was deleted by its author, so its text is no longer available.",
  nsfw: "That post is marked as adult (NSFW) content, so we don't fetch it.",
  private: "That post isn't public, so we can't read it.",
  unreachable: "We couldn't reach that site just now.",
  too_large: "That page is larger than we can read.",
  no_text: "That post has no text for us to read (it may be only a picture or a link).",
};

const PASTE_INSTEAD = " You can copy the text and paste it in the box instead.";

export class LinkError extends UserFacingError {
  readonly problem: LinkProblem;
  constructor(problem: LinkProblem, options: { cause?: unknown } = {}) {
    super(MESSAGES[problem] + PASTE_INSTEAD, {
      kind: problem === "unreachable" ? "unavailable" : problem === "not_found" ? "not_found" : "invalid_input",
      cause: options.cause,
    });
    this.name = "LinkError";
    this.problem = problem;
  }
}
