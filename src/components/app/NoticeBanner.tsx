import { selectNotice } from '../../store/selectors.ts';
import { useAppStore, useAppStoreApi } from '../../store/useAppStore.ts';

/** A dismissible message, e.g. why the link's scenario was not opened. */
export function NoticeBanner() {
  const notice = useAppStore(selectNotice);
  const store = useAppStoreApi();
  if (!notice) return null;
  return (
    <section className="notice" aria-label="Message">
      <p role="alert">{notice}</p>
      <button
        type="button"
        className="btn"
        aria-label="Dismiss message"
        onClick={() => store.getState().setNotice(null)}
      >
        Dismiss
      </button>
    </section>
  );
}
