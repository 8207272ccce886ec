/**
 * Opens a file of the API in a new tab. The API sends files as attachments (downloads); to show a PDF
 * in the browser's viewer, it is fetched (with the session cookie) and opened as a blob URL. The tab is
 * opened at once, within the click, so that pop-up blockers let it through.
 */
export async function openInNewTab(url: string): Promise<void> {
  const tab = window.open("", "_blank");
  try {
    const response = await fetch(url, { credentials: "include" });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const blob = await response.blob();
    const objectUrl = URL.createObjectURL(blob);
    if (tab) tab.location.href = objectUrl;
    else window.location.href = url;
    setTimeout(() => URL.revokeObjectURL(objectUrl), 60_000);
  } catch {
    // Not shown in a tab: the plain download still works.
    if (tab) tab.close();
    window.location.href = url;
  }
}
