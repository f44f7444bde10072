-- Random ids with no time in them. Until this migration ids were cuid v1, whose first characters are the
-- creation time in milliseconds; they appear in URLs, exports and the audit trail. Every id of User, Case,
-- CaseNote and CaseLabel becomes a random UUID v4 (new rows get one from Prisma: @default(uuid(4))).
-- References follow: every foreign key is ON UPDATE CASCADE; the audit trail's caseId and actorId, and the
-- userId and noteId inside its details, are rewritten from the same mapping, including ids of rows that no
-- longer exist. Case references (LNT-...) do not change. Existing sessions end (their token names the old id).
-- Hand-written: Prisma's diff sees no change, since the id default is applied by the client, not the database.

CREATE TEMP TABLE "lantern_id_map" ("old" TEXT PRIMARY KEY, "new" TEXT NOT NULL UNIQUE);

INSERT INTO "lantern_id_map" ("old", "new")
SELECT "id", gen_random_uuid()::text FROM (
  SELECT "id" FROM "User"
  UNION SELECT "id" FROM "Case"
  UNION SELECT "id" FROM "CaseNote"
  UNION SELECT "id" FROM "CaseLabel"
  UNION SELECT "caseId" FROM "AuditEvent" WHERE "caseId" IS NOT NULL
  UNION SELECT "actorId" FROM "AuditEvent" WHERE "actorId" IS NOT NULL
  UNION SELECT "details"->>'userId' FROM "AuditEvent" WHERE jsonb_typeof("details"->'userId') = 'string'
  UNION SELECT "details"->>'noteId' FROM "AuditEvent" WHERE jsonb_typeof("details"->'noteId') = 'string'
) AS "ids"("id");

UPDATE "User" AS t SET "id" = m."new" FROM "lantern_id_map" AS m WHERE t."id" = m."old";
UPDATE "Case" AS t SET "id" = m."new" FROM "lantern_id_map" AS m WHERE t."id" = m."old";
UPDATE "CaseNote" AS t SET "id" = m."new" FROM "lantern_id_map" AS m WHERE t."id" = m."old";
UPDATE "CaseLabel" AS t SET "id" = m."new" FROM "lantern_id_map" AS m WHERE t."id" = m."old";

-- The audit trail is append-only; its guard is lifted for this transaction only, to re-key ids, nothing else.
ALTER TABLE "AuditEvent" DISABLE TRIGGER "AuditEvent_no_update_delete";
UPDATE "AuditEvent" AS t SET "caseId" = m."new" FROM "lantern_id_map" AS m WHERE t."caseId" = m."old";
UPDATE "AuditEvent" AS t SET "actorId" = m."new" FROM "lantern_id_map" AS m WHERE t."actorId" = m."old";
UPDATE "AuditEvent" AS t SET "details" = jsonb_set(t."details", '{userId}', to_jsonb(m."new"))
  FROM "lantern_id_map" AS m WHERE jsonb_typeof(t."details"->'userId') = 'string' AND t."details"->>'userId' = m."old";
UPDATE "AuditEvent" AS t SET "details" = jsonb_set(t."details", '{noteId}', to_jsonb(m."new"))
  FROM "lantern_id_map" AS m WHERE jsonb_typeof(t."details"->'noteId') = 'string' AND t."details"->>'noteId' = m."old";
ALTER TABLE "AuditEvent" ENABLE TRIGGER "AuditEvent_no_update_delete";

DROP TABLE "lantern_id_map";
