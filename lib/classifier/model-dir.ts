/** Where the shipped classifier lives, relative to the app's root; LANTERN_MODEL_DIR overrides it. */
export const DEFAULT_MODEL_DIR = "models/lantern-distilbert-v2";
