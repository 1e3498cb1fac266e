// Downloads the share log CSV as it streams, counting its lines so the page can show progress.
// The browser keeps the received chunks until the download starts, and the server never keeps the whole list.
export async function downloadCsv(url, fileName, progress) {
    const response = await fetch(url, { credentials: 'same-origin' });
    if (!response.ok) {
        const problem = await response.json().catch(() => null);
        throw new Error(problem?.detail ?? problem?.title ?? `The export failed with HTTP status ${response.status}.`);
    }

    const reader = response.body.getReader();
    const chunks = [];
    let lines = 0;
    let lastReport = 0;
    for (;;) {
        const { done, value } = await reader.read();
        if (done) {
            break;
        }

        chunks.push(value);
        for (const byte of value) {
            if (byte === 10) {
                lines++;
            }
        }

        const now = performance.now();
        if (now - lastReport > 250) {
            lastReport = now;
            await progress.invokeMethodAsync('ReportProgress', Math.max(lines - 1, 0));
        }
    }

    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob(chunks, { type: 'text/csv' }));
    link.download = fileName;
    document.body.appendChild(link);
    link.click();
    link.remove();
    URL.revokeObjectURL(link.href);

    // The header is one line; a quoted value with a line break would count twice, so this is an estimate.
    return Math.max(lines - 1, 0);
}
