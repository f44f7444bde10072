/**
 * `npm run -s anonymize < post.txt` prints the redacted text of a file (for researchers preparing data, and tests).
 * Reads all of stdin as UTF-8; invalid bytes become U+FFFD rather than stopping the run.
 */
import { redactText } from "./index";

const chunks: Buffer[] = [];
for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
process.stdout.write(redactText(Buffer.concat(chunks).toString("utf8")));
