import { describe, expect, it } from "vitest";
import { fold } from "./fold";

describe("fold", () => {
  it("reads full-width, other scripts' digits, confusable dots and at-signs, and bracketed at/dot as ASCII", () => {
    expect(fold("５５５-０１９９").text).toBe("555-0199");
    expect(fold("٥٥٥ ०१९९").text).toBe("555 0199");
    expect(fold("jane＠gmail。com").text).toBe("jane@gmail.com");
    expect(fold("jane(at)gmail[dot]com").text).toBe("jane@gmail.com");
    expect(fold("jane { AT } gmail").text).toBe("jane @ gmail");
  });

  it("drops zero-width and other format characters", () => {
    expect(fold("gm\u200bail.c\u200dom\u00ad").text).toBe("gmail.com");
  });

  it("maps every folded range back to the person's own characters", () => {
    const source = "call ５５５-０１９９ or jane(at)x.org";
    const f = fold(source);
    const phone = f.text.indexOf("555-0199");
    expect(source.slice(...f.toSource(phone, phone + 8))).toBe("５５５-０１９９");
    const email = f.text.indexOf("jane@x.org");
    expect(source.slice(...f.toSource(email, email + "jane@x.org".length))).toBe("jane(at)x.org");
  });

  it("leaves plain ASCII text as it is, at no cost", () => {
    const f = fold("nothing to fold here.");
    expect(f.text).toBe("nothing to fold here.");
    expect(f.toSource(3, 7)).toEqual([3, 7]);
  });
});
