import { formatFileSize } from "./format";

/** Intl separates the number from its unit with a (narrow) no-break space: compare with plain spaces. */
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, " ");

describe("formatFileSize", () => {
  it("speaks French units", () => {
    expect(plain(formatFileSize(512))).toBe("512 octets");
    expect(plain(formatFileSize(64 * 1024))).toBe("64 ko");
    expect(plain(formatFileSize(20 * 1024 * 1024))).toBe("20 Mo");
    expect(plain(formatFileSize(1536 * 1024))).toBe("1,5 Mo");
  });
  it("follows another locale", () => {
    expect(plain(formatFileSize(2048, "en"))).toBe("2 kB");
  });
});
