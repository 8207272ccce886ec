/**
 * Multipart upload to the API's file endpoints (`POST /files/evidence`, `POST /files/engagement`) with
 * progress events, which `fetch` does not give for request bodies. Sends the session cookie and the
 * `x-ldm-csrf` header the endpoints require; answers the parsed JSON, or throws an `UploadError`
 * carrying the API's French message and code (`errors[0]`).
 */

export interface UploadProgress {
  loaded: number;
  total: number;
  /** 0 to 100, or null when the size is unknown. */
  percent: number | null;
}

export type UploadErrorCode = "NETWORK" | "ABORTED" | "HTTP" | (string & {});

export class UploadError extends Error {
  constructor(
    message: string,
    /** The API's `extensions.code`, or `NETWORK` / `ABORTED` / `HTTP` (an answer without errors). */
    readonly code: UploadErrorCode,
    /** HTTP status (0 without an answer). */
    readonly status: number,
  ) {
    super(message);
    this.name = "UploadError";
  }
}

interface ApiErrorBody {
  errors?: { message?: unknown; extensions?: { code?: unknown } }[];
}

function parseJson(text: string): unknown {
  try {
    return text === "" ? null : JSON.parse(text);
  } catch {
    return null;
  }
}

export function uploadFile<T = unknown>(
  url: string,
  formData: FormData,
  onProgress?: (progress: UploadProgress) => void,
  signal?: AbortSignal,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", url);
    xhr.withCredentials = true;
    xhr.setRequestHeader("x-ldm-csrf", "1");
    xhr.setRequestHeader("accept", "application/json");
    if (onProgress) {
      xhr.upload.addEventListener("progress", (event) => {
        onProgress({
          loaded: event.loaded,
          total: event.total,
          percent: event.lengthComputable ? Math.round((event.loaded / event.total) * 100) : null,
        });
      });
    }
    xhr.addEventListener("load", () => {
      const body = parseJson(xhr.responseText);
      if (xhr.status >= 200 && xhr.status < 300) {
        resolve(body as T);
        return;
      }
      const first = (body as ApiErrorBody | null)?.errors?.[0];
      const message =
        typeof first?.message === "string" && first.message !== ""
          ? first.message
          : `Le fichier n'a pas pu être envoyé (erreur HTTP ${xhr.status}).`;
      const code = typeof first?.extensions?.code === "string" ? first.extensions.code : "HTTP";
      reject(new UploadError(message, code, xhr.status));
    });
    xhr.addEventListener("error", () => {
      reject(
        new UploadError(
          "Le fichier n'a pas pu être envoyé : le service est injoignable.",
          "NETWORK",
          0,
        ),
      );
    });
    xhr.addEventListener("abort", () => {
      reject(new UploadError("L'envoi du fichier a été annulé.", "ABORTED", 0));
    });
    if (signal) {
      if (signal.aborted) {
        reject(new UploadError("L'envoi du fichier a été annulé.", "ABORTED", 0));
        return;
      }
      signal.addEventListener("abort", () => xhr.abort(), { once: true });
    }
    xhr.send(formData);
  });
}
