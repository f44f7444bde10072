-- CreateTable
CREATE TABLE "RetiredSubmission" (
    "submissionKey" TEXT NOT NULL,
    "keepUntil" DATE NOT NULL,

    CONSTRAINT "RetiredSubmission_pkey" PRIMARY KEY ("submissionKey")
);
