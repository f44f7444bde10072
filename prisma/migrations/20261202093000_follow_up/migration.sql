-- CreateEnum
CREATE TYPE "MessageAuthor" AS ENUM ('CLINICIAN', 'PERSON');

-- DropIndex
DROP INDEX "Case_status_tier_confidence_seq_idx";

-- DropIndex
DROP INDEX "Case_tier_confidence_seq_idx";

-- AlterTable
ALTER TABLE "Case" ADD COLUMN     "followUpHash" TEXT,
ADD COLUMN     "personWroteBack" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "CaseMessage" (
    "id" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "author" "MessageAuthor" NOT NULL,
    "clinicianId" TEXT,
    "body" TEXT NOT NULL,
    "resourceIds" TEXT[],
    "createdOn" DATE NOT NULL,
    "seq" SERIAL NOT NULL,

    CONSTRAINT "CaseMessage_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "CaseMessage_seq_key" ON "CaseMessage"("seq");

-- CreateIndex
CREATE INDEX "CaseMessage_caseId_seq_idx" ON "CaseMessage"("caseId", "seq");

-- CreateIndex
CREATE INDEX "CaseMessage_clinicianId_idx" ON "CaseMessage"("clinicianId");

-- CreateIndex
CREATE INDEX "Case_tier_personWroteBack_confidence_seq_idx" ON "Case"("tier", "personWroteBack" DESC, "confidence" DESC, "seq");

-- CreateIndex
CREATE INDEX "Case_status_tier_personWroteBack_confidence_seq_idx" ON "Case"("status", "tier", "personWroteBack" DESC, "confidence" DESC, "seq");

-- AddForeignKey
ALTER TABLE "CaseMessage" ADD CONSTRAINT "CaseMessage_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseMessage" ADD CONSTRAINT "CaseMessage_clinicianId_fkey" FOREIGN KEY ("clinicianId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
