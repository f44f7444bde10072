/** Shape of test-results/e2e-staff.json (written by seed.ts before the server starts). */
export type AccountKey = "admin" | "clinician" | "clinician2" | "outreach" | "disposable" | "lockout" | "signoutAdmin" | "signoutClinician";
export type CaseKey = "orderLow" | "orderElevated" | "orderCrisis" | "workflow" | "toDelete" | "target" | "othersClaim" | "audited" | "leftovers" | "stale" | "phone" | "keys";

export interface StaffFixture {
  run: string;
  users: Record<AccountKey, { id: string; email: string; password: string; role: "ADMIN" | "CLINICIAN" | "OUTREACH" }>;
  cases: Record<CaseKey, { id: string; reference: string; canary: string }>;
  noteCanary: string;
}
