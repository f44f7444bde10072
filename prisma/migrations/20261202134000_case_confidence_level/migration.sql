-- AlterTable
ALTER TABLE "Case" ADD COLUMN     "confidenceLevel" TEXT;
