-- AlterTable
ALTER TABLE "Case" ADD COLUMN     "tierReason" JSONB;
