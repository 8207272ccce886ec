import { deflateRawSync } from "node:zlib";
import { detectFileType, isExtensionOf } from "./file-type";

/** A ZIP local file header followed by its (stored) data. */
function zipEntry(name: string, data = "", flags = 0): Buffer {
  const nameBytes = Buffer.from(name, "utf8");
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(20, 4);
  header.writeUInt16LE(flags, 6);
  header.writeUInt16LE(0, 8);
  header.writeUInt32LE(flags & 0x08 ? 0 : data.length, 18);
  header.writeUInt32LE(flags & 0x08 ? 0 : data.length, 22);
  header.writeUInt16LE(nameBytes.length, 26);
  return Buffer.concat([header, nameBytes, Buffer.from(data, "latin1")]);
}

function zipOf(...entries: [string, string][]): Buffer {
  return Buffer.concat(entries.map(([name, data]) => zipEntry(name, data)));
}

/** A ZIP as office suites stream them: deflated entries, sizes in data descriptors after the data. */
function streamedZip(entries: [string, string][]): Buffer {
  return Buffer.concat(
    entries.flatMap(([name, data]) => {
      const header = zipEntry(name, "", 0x08);
      header.writeUInt16LE(8, 8);
      const compressed = deflateRawSync(Buffer.from(data));
      const descriptor = Buffer.alloc(16);
      descriptor.writeUInt32LE(0x08074b50, 0);
      descriptor.writeUInt32LE(compressed.length, 8);
      descriptor.writeUInt32LE(data.length, 12);
      return [header, compressed, descriptor];
    }),
  );
}

/** A minimal OLE2 compound file: header, then one directory sector holding `names`. */
function ole2(names: string[], directorySector = 0): Buffer {
  const sectorSize = 512;
  const file = Buffer.alloc(sectorSize * (directorySector + 2));
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(file, 0);
  file.writeUInt16LE(9, 0x1e);
  file.writeUInt32LE(directorySector, 0x30);
  file.fill(0xff, 0x4c, 0x4c + 109 * 4);
  const start = sectorSize * (directorySector + 1);
  ["Root Entry", ...names].forEach((name, i) => {
    const at = start + i * 128;
    Buffer.from(name, "utf16le").copy(file, at);
    file.writeUInt16LE((name.length + 1) * 2, at + 0x40);
    file.writeUInt8(i === 0 ? 5 : 2, at + 0x42);
  });
  return file;
}

describe("detectFileType", () => {
  it("recognises PDF and images by their signatures", () => {
    expect(detectFileType(Buffer.from("%PDF-1.7\n%âãÏÓ\n"))?.mediaType).toBe("application/pdf");
    expect(
      detectFileType(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]))
        ?.mediaType,
    ).toBe("image/png");
    expect(detectFileType(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]))).toMatchObject({
      mediaType: "image/jpeg",
      extension: "jpg",
    });
    expect(detectFileType(Buffer.from("GIF89a\x01\x00"))?.mediaType).toBe("image/gif");
    expect(detectFileType(Buffer.from("GIF87a\x01\x00"))?.mediaType).toBe("image/gif");
    expect(detectFileType(Buffer.from("RIFF\x24\x00\x00\x00WEBPVP8 "))?.mediaType).toBe(
      "image/webp",
    );
  });

  it("tells OOXML documents apart by their parts", () => {
    const types = "[Content_Types].xml";
    expect(detectFileType(zipOf([types, "<Types/>"], ["word/document.xml", "<w/>"]))).toEqual({
      mediaType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      extension: "docx",
      label: "document Word",
    });
    expect(
      detectFileType(zipOf([types, ""], ["_rels/.rels", ""], ["xl/workbook.xml", ""]))?.extension,
    ).toBe("xlsx");
    expect(detectFileType(zipOf([types, ""], ["ppt/presentation.xml", ""]))?.extension).toBe(
      "pptx",
    );
    // An OOXML package of another kind, or a ZIP without content types: refused.
    expect(detectFileType(zipOf([types, ""], ["visio/document.xml", ""]))).toBeNull();
    expect(detectFileType(zipOf(["word/document.xml", ""], ["payload.exe", "MZ"]))).toBeNull();
  });

  it("reads entries written with data descriptors and compression", () => {
    const docx = streamedZip([
      ["[Content_Types].xml", "<Types>".padEnd(3000, "x")],
      ["_rels/.rels", "<Relationships/>"],
      ["word/document.xml", "<w:document/>"],
    ]);
    expect(detectFileType(docx)?.extension).toBe("docx");
    const plain = streamedZip([["notes.txt", "bonjour"]]);
    expect(detectFileType(plain)).toBeNull();
  });

  it("recognises OpenDocument files by their stored mimetype entry", () => {
    const od = (mime: string) => zipOf(["mimetype", mime], ["content.xml", "<office/>"]);
    expect(detectFileType(od("application/vnd.oasis.opendocument.text"))?.extension).toBe("odt");
    expect(detectFileType(od("application/vnd.oasis.opendocument.spreadsheet"))?.extension).toBe(
      "ods",
    );
    expect(detectFileType(od("application/vnd.oasis.opendocument.presentation"))?.extension).toBe(
      "odp",
    );
    expect(detectFileType(od("application/vnd.oasis.opendocument.graphics"))).toBeNull();
    expect(detectFileType(od("application/x-msdownload"))).toBeNull();
  });

  it("recognises legacy Office files by their streams, and refuses other compound files", () => {
    expect(detectFileType(ole2(["WordDocument", "1Table"]))?.mediaType).toBe("application/msword");
    expect(detectFileType(ole2(["Workbook"]))?.extension).toBe("xls");
    expect(detectFileType(ole2(["PowerPoint Document"]))?.extension).toBe("ppt");
    expect(detectFileType(ole2(["Pictures", "WordDocument"], 3))?.extension).toBe("doc");
    // An MSI installer is a compound file too.
    expect(detectFileType(ole2(["\u4840\u3b3f\u43f2", "SummaryInformation"]))).toBeNull();
    // Directory beyond the first bytes: accepted as a legacy Office document.
    expect(detectFileType(ole2(["WordDocument"], 200).subarray(0, 4096))?.mediaType).toBe(
      "application/vnd.ms-office",
    );
  });

  it("refuses executables, scripts, markup and unknown content", () => {
    const refused = [
      Buffer.from("\x7fELF\x02\x01\x01\x00"),
      Buffer.from("MZ\x90\x00\x03\x00\x00\x00\x04\x00"),
      Buffer.from("#!/bin/sh\nrm -rf /\n"),
      Buffer.from("<!DOCTYPE html><html><script>alert(1)</script>"),
      Buffer.from("<svg xmlns='http://www.w3.org/2000/svg'/>"),
      Buffer.from("Bonjour, ceci est du texte."),
      Buffer.from([0xca, 0xfe, 0xba, 0xbe]),
      Buffer.from(" %PDF-1.7"),
      Buffer.alloc(0),
    ];
    for (const head of refused) expect(detectFileType(head)).toBeNull();
  });

  it("knows the extensions of a type", () => {
    const jpeg = detectFileType(Buffer.from([0xff, 0xd8, 0xff, 0xdb]))!;
    expect(isExtensionOf(jpeg, "jpeg")).toBe(true);
    expect(isExtensionOf(jpeg, "jpg")).toBe(true);
    expect(isExtensionOf(jpeg, "pdf")).toBe(false);
  });
});
