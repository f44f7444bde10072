export * from "./vocabulary";
export * from "./names";
export * from "./schema";
export * from "./db-enums";
export * from "./tier-reason";
