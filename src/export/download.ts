/**
 * Saves a blob as a file through the browser's own download (an `<a download>` on an object URL):
 * no server, nothing leaves the page, and the page's CSP has nothing to refuse.
 */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  // The download has taken its copy once the click's task has run; a minute is ample on any machine.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** A canvas as a PNG file's bytes. */
export function canvasToPng(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (b) => (b ? resolve(b) : reject(new Error('the browser could not encode a PNG'))),
      'image/png',
    ),
  );
}
