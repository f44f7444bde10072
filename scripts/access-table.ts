// Prints the access table (lib/security/access-table.ts) as Markdown for docs/security.md.
import { accessTableMarkdown } from "@/lib/security/access-table";

console.log(accessTableMarkdown());
