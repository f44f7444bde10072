import { describe, expect, it } from "vitest";
import { HOSTILE_PAYLOADS } from "@/lib/ai/test-support/hostile-payloads";
import { prepareClinicianMessage } from "./clinician-message";
import { MESSAGE_TEMPLATES } from "./templates";

const squash = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]/gu, "");
const KIND = "Thank you for writing to us. ";

describe("a clinician's message to the person", () => {
  it("passes when it holds kind words and the contacts are attached services", () => {
    const r = prepareClinicianMessage({ body: "Thank you for writing. The service below is free, and they are there to listen.", resourceIds: ["us-988-call-text"] });
    expect(r).toMatchObject({ ok: true, body: "Thank you for writing. The service below is free, and they are there to listen." });
    expect(r.ok && r.resources.map((x) => x.id)).toEqual(["us-988-call-text"]);
  });

  it("every template passes as written, with a service attached", () => {
    for (const t of MESSAGE_TEMPLATES) expect(prepareClinicianMessage({ body: t.body, resourceIds: ["us-988-call-text"] }), t.id).toMatchObject({ ok: true });
  });

  it(`refuses every contact a hostile model tried (${HOSTILE_PAYLOADS.length} payloads), with a clear reason, and shows none of it`, () => {
    const passed: string[] = [];
    for (const payload of HOSTILE_PAYLOADS) {
      const r = prepareClinicianMessage({ body: `${KIND}${payload.text}`, resourceIds: ["us-988-call-text"] });
      if (r.ok) {
        const shown = squash(r.body);
        if (/\p{N}/u.test(r.body) || payload.forbidden.some((f) => shown.includes(f.toLowerCase()))) passed.push(payload.text);
      } else {
        expect(r.message).toMatch(/^The message (holds|seems to hold) /);
      }
    }
    expect(passed).toEqual([]);
  });

  it("refuses phone numbers, links, emails and street addresses a clinician might type", () => {
    for (const body of [
      "Call me on 020 7946 0958 any time.",
      "You can reach our team at help@clinic.example.",
      "Have a look at www.example.org when you can.",
      "Come to the clinic at forty two Elm Street.",
      "Ring the Hope Helpline tonight.",
      "Text SHOUT whenever you need.",
    ]) {
      const r = prepareClinicianMessage({ body, resourceIds: [] });
      expect(r, body).toMatchObject({ ok: false });
    }
  });

  it("refuses identifiers the anonymizer finds (a clinician must not add them)", () => {
    const r = prepareClinicianMessage({ body: "Hi Priya, I hope Leeds is treating you well.", resourceIds: [] });
    expect(r).toMatchObject({ ok: false, message: expect.stringMatching(/name|place/) });
  });

  it("accepts only directory ids, at most five, and messages of a sensible length", () => {
    expect(prepareClinicianMessage({ body: "Thank you.", resourceIds: ["evil-line"] })).toMatchObject({ ok: false, message: expect.stringContaining("directory") });
    expect(prepareClinicianMessage({ body: "Thank you.", resourceIds: ["a", "b", "c", "d", "e", "f"] })).toMatchObject({ ok: false });
    expect(prepareClinicianMessage({ body: "x ".repeat(1_000), resourceIds: [] })).toMatchObject({ ok: false });
    expect(prepareClinicianMessage({ body: "  ", resourceIds: [] })).toMatchObject({ ok: false });
    expect(prepareClinicianMessage("nonsense")).toMatchObject({ ok: false });
  });
});
