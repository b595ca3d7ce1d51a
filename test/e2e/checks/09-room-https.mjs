// The room on a host behind HTTPS: `npm run room -- --public-url https://…` behind a proxy that ends
// TLS (here a relay with a self-signed certificate). The facilitator's QR code holds the public https
// address, and the phones' room socket runs as wss: through the proxy.
import { assert, check, openPage } from '../harness.mjs';
import { cuttableRelay, readQrCode, selfSignedCertificate, startRoomServer } from '../roomServer.mjs';

export default async function roomHttpsChecks() {
  let proxy;
  let server;
  try {
    proxy = await cuttableRelay(null, { tls: selfSignedCertificate() });
    server = await startRoomServer(['--public-url', proxy.url]);
    proxy.setTarget(server.url);
  } catch (e) {
    await proxy?.close();
    await check('the room server starts behind an HTTPS proxy', () => Promise.reject(e));
    return;
  }
  const pages = [];
  try {
    await check('behind HTTPS, the join link is the public address and the room runs over wss:', async () => {
      const options = { base: proxy.url, ignoreHTTPSErrors: true };
      const host = await openPage('?lesson=stampede&step=1', options);
      pages.push(host);
      await host.getByRole('button', { name: 'Open room' }).click();
      const join = host.getByRole('dialog', { name: 'Join the room' });
      const qr = join.getByRole('img', { name: /QR code/ });
      await qr.waitFor();
      const code = (await join.locator('.room-big-code').innerText()).replace('-', '');
      const link = await readQrCode(qr);
      assert(link === `${proxy.url}?join=${code}`, `the QR code reads "${link}"`);
      await join.getByRole('button', { name: 'Start' }).click();

      const phone = await openPage(link.slice(proxy.url.length), {
        ...options,
        viewport: { width: 360, height: 640 },
        waitForPlay: false,
      });
      pages.push(phone);
      const sockets = [];
      phone.on('websocket', (ws) => sockets.push(ws.url()));
      await phone.getByRole('button', { name: 'Join' }).click();
      await phone.getByRole('spinbutton', { name: /Your guess/ }).fill('21');
      await phone.getByRole('button', { name: 'Send' }).click();
      await phone.getByText('Sent: 21 queries.').waitFor();
      await host.locator('.room-answers [data-answers="1"]').waitFor();
      assert(
        sockets.length > 0 && sockets.every((u) => u === `${proxy.url.replace('https:', 'wss:')}room/ws`),
        `the phone's sockets: ${sockets.join(', ')}`,
      );
    });
  } finally {
    for (const p of pages) await p.context().close();
    await proxy.close();
    await server.stop();
  }
}
