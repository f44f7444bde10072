import { describe, expect, it } from "vitest";
import { shortcutKey } from "./shortcuts";

const press = (key: string, target: unknown = { tagName: "BODY" }, mods: Partial<{ altKey: boolean; ctrlKey: boolean; metaKey: boolean }> = {}) => ({
  key,
  altKey: false,
  ctrlKey: false,
  metaKey: false,
  ...mods,
  target,
});

describe("shortcutKey", () => {
  it("reads j/k and the arrow keys as moves, letters as themselves", () => {
    expect(shortcutKey(press("j"), false)).toBe("j");
    expect(shortcutKey(press("ArrowDown"), false)).toBe("j");
    expect(shortcutKey(press("ArrowUp"), false)).toBe("k");
    expect(shortcutKey(press("C"), false)).toBe("c");
    expect(shortcutKey(press("Enter", { tagName: "TR" }), false)).toBe("Enter");
  });

  it("never fires while typing, with a modifier, inside an open dialog, or for Enter on a link or button", () => {
    for (const tagName of ["INPUT", "textarea", "SELECT"]) expect(shortcutKey(press("j", { tagName }), false)).toBeNull();
    expect(shortcutKey(press("n", { tagName: "DIV", isContentEditable: true }), false)).toBeNull();
    expect(shortcutKey(press("c", undefined, { ctrlKey: true }), false)).toBeNull();
    expect(shortcutKey(press("c", undefined, { metaKey: true }), false)).toBeNull();
    expect(shortcutKey(press("j"), true)).toBeNull();
    expect(shortcutKey(press("Enter", { tagName: "BUTTON" }), false)).toBeNull();
    expect(shortcutKey(press("Enter", { tagName: "a" }), false)).toBeNull();
  });
});
