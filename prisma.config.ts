// Prisma CLI configuration (Prisma 7: the datasource URL lives here, not in the schema).
// The app itself never reads this file: lib/db/connect.ts picks PGlite or PostgreSQL.
// The URL matters only for the native CLI commands (`prisma migrate deploy`, `studio`),
// for users who have the native schema engine; offline use `npm run db:migrate`.
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: {
    url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/lantern",
  },
});
