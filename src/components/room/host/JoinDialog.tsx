import { useId } from 'react';
import { displayCode } from '../../../room/code.ts';
import { joinLink } from '../../../room/serverHere.ts';
import { Dialog } from '../../app/Dialog.tsx';
import { QrCode } from './QrCode.tsx';

/**
 * How the room joins, for the projector: a QR code as large as the screen allows (scanned from the
 * back row), the link it holds, and the code in large type. The room's answers keep coming in
 * behind it; Esc or "Start" puts the stage back.
 */
export function JoinDialog({ base, code, onClose }: { base: string; code: string; onClose: () => void }) {
  const title = useId();
  const link = joinLink(base, code);
  // What people type, shorter than the link: a browser adds the http:// itself, the page asks the code.
  const typed = joinLink(base, '')
    .replace(/^https?:\/\//, '')
    .replace(/=$/, '');
  return (
    <Dialog labelledBy={title} onClose={onClose} className="room-join">
      <QrCode text={link} label={`QR code of the link ${link}`} />
      <div className="room-join-text">
        <h2 id={title}>Join the room</h2>
        <p>Scan the QR code with your phone’s camera, or open</p>
        <p className="room-link">{typed}</p>
        <p>and type the room code</p>
        <p className="room-big-code" aria-label={`Room code ${code.split('').join(' ')}`}>
          {displayCode(code)}
        </p>
        <button type="button" className="btn primary" onClick={onClose} data-autofocus>
          Start
        </button>
      </div>
    </Dialog>
  );
}
