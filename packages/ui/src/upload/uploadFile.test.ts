import { uploadFile, UploadError } from "./uploadFile";

/** A scripted XMLHttpRequest: records the request, then answers as told. */
class FakeXhr {
  static last: FakeXhr;
  static answer: { status: number; body: string } | "network-error" = { status: 201, body: "{}" };
  method = "";
  url = "";
  withCredentials = false;
  headers: Record<string, string> = {};
  status = 0;
  responseText = "";
  private listeners: Record<string, (() => void)[]> = {};
  upload = {
    listeners: [] as ((e: { loaded: number; total: number; lengthComputable: boolean }) => void)[],
    addEventListener(
      _: string,
      l: (e: { loaded: number; total: number; lengthComputable: boolean }) => void,
    ) {
      this.listeners.push(l);
    },
  };
  constructor() {
    FakeXhr.last = this;
  }
  open(method: string, url: string) {
    this.method = method;
    this.url = url;
  }
  setRequestHeader(name: string, value: string) {
    this.headers[name] = value;
  }
  addEventListener(type: string, l: () => void) {
    (this.listeners[type] ??= []).push(l);
  }
  abort() {
    this.listeners["abort"]?.forEach((l) => l());
  }
  send() {
    this.upload.listeners.forEach((l) => l({ loaded: 50, total: 100, lengthComputable: true }));
    const answer = FakeXhr.answer;
    if (answer === "network-error") {
      this.listeners["error"]?.forEach((l) => l());
      return;
    }
    this.status = answer.status;
    this.responseText = answer.body;
    this.listeners["load"]?.forEach((l) => l());
  }
}

describe("uploadFile", () => {
  const original = globalThis.XMLHttpRequest;
  beforeAll(() => {
    globalThis.XMLHttpRequest = FakeXhr as unknown as typeof XMLHttpRequest;
  });
  afterAll(() => {
    globalThis.XMLHttpRequest = original;
  });

  it("posts with the CSRF header and the cookie, reports progress, answers the JSON", async () => {
    FakeXhr.answer = { status: 201, body: JSON.stringify({ id: "e1" }) };
    const progress = jest.fn();
    const result = await uploadFile<{ id: string }>("/files/evidence", new FormData(), progress);
    expect(result).toEqual({ id: "e1" });
    expect(FakeXhr.last.method).toBe("POST");
    expect(FakeXhr.last.url).toBe("/files/evidence");
    expect(FakeXhr.last.withCredentials).toBe(true);
    expect(FakeXhr.last.headers["x-ldm-csrf"]).toBe("1");
    expect(progress).toHaveBeenCalledWith({ loaded: 50, total: 100, percent: 50 });
  });

  it("throws the API's French message and code", async () => {
    FakeXhr.answer = {
      status: 400,
      body: JSON.stringify({
        errors: [
          { message: "Type de fichier non accepté.", extensions: { code: "BAD_USER_INPUT" } },
        ],
      }),
    };
    const error = await uploadFile("/files/evidence", new FormData()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UploadError);
    expect(error).toMatchObject({
      message: "Type de fichier non accepté.",
      code: "BAD_USER_INPUT",
      status: 400,
    });
  });

  it("throws a French network error when the service cannot be reached", async () => {
    FakeXhr.answer = "network-error";
    await expect(uploadFile("/files/evidence", new FormData())).rejects.toMatchObject({
      code: "NETWORK",
      message: expect.stringContaining("injoignable"),
    });
  });
});
