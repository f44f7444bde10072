import raw from "./directory.json";
import { directorySchema, type Resource } from "./schema";

// Parsed once at module load: a malformed directory fails the build and the tests, never a user's request.
const directory = directorySchema.parse(raw);

export const RESOURCES: readonly Resource[] = Object.freeze(directory.entries);

const byId = new Map(RESOURCES.map((r) => [r.id, r]));

export function getResource(id: string): Resource | undefined {
  return byId.get(id);
}

export const DIRECTORY_COPIED_ON = directory.copied_on;
