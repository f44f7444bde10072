-- AlterTable
ALTER TABLE "CaseMessage" ADD COLUMN     "anonymizerVersion" INTEGER NOT NULL DEFAULT 0;

-- CreateIndex
CREATE INDEX "CaseMessage_anonymizerVersion_idx" ON "CaseMessage"("anonymizerVersion");
