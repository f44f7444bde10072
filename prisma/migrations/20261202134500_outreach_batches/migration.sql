-- CreateEnum
CREATE TYPE "OutreachBatchState" AS ENUM ('UPLOADING', 'QUEUED', 'RUNNING', 'DONE', 'FAILED');

-- CreateTable
CREATE TABLE "OutreachBatch" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "country" TEXT NOT NULL,
    "total" INTEGER NOT NULL,
    "done" INTEGER NOT NULL DEFAULT 0,
    "state" "OutreachBatchState" NOT NULL DEFAULT 'UPLOADING',
    "modelName" TEXT,
    "modelVersion" TEXT,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "OutreachBatch_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OutreachBatchPart" (
    "batchId" TEXT NOT NULL,
    "part" INTEGER NOT NULL,
    "firstIndex" INTEGER NOT NULL,
    "count" INTEGER NOT NULL,
    "sealed" BYTEA NOT NULL,

    CONSTRAINT "OutreachBatchPart_pkey" PRIMARY KEY ("batchId","part")
);

-- CreateTable
CREATE TABLE "OutreachBatchResult" (
    "batchId" TEXT NOT NULL,
    "index" INTEGER NOT NULL,
    "result" JSONB NOT NULL,

    CONSTRAINT "OutreachBatchResult_pkey" PRIMARY KEY ("batchId","index")
);

-- CreateIndex
CREATE INDEX "OutreachBatch_userId_idx" ON "OutreachBatch"("userId");

-- CreateIndex
CREATE INDEX "OutreachBatch_expiresAt_idx" ON "OutreachBatch"("expiresAt");

-- AddForeignKey
ALTER TABLE "OutreachBatch" ADD CONSTRAINT "OutreachBatch_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OutreachBatchPart" ADD CONSTRAINT "OutreachBatchPart_batchId_fkey" FOREIGN KEY ("batchId") REFERENCES "OutreachBatch"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OutreachBatchResult" ADD CONSTRAINT "OutreachBatchResult_batchId_fkey" FOREIGN KEY ("batchId") REFERENCES "OutreachBatch"("id") ON DELETE CASCADE ON UPDATE CASCADE;
