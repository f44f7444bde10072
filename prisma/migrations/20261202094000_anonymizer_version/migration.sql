-- AlterTable
ALTER TABLE "Case" ADD COLUMN     "anonymizerVersion" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "CaseNote" ADD COLUMN     "anonymizerVersion" INTEGER NOT NULL DEFAULT 0;

-- CreateIndex
CREATE INDEX "Case_anonymizerVersion_idx" ON "Case"("anonymizerVersion");

-- CreateIndex
CREATE INDEX "CaseNote_anonymizerVersion_idx" ON "CaseNote"("anonymizerVersion");
