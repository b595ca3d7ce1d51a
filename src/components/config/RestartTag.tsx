/** Marks a field that cannot change while a run plays: it takes effect on "Apply & restart". */
export function RestartTag() {
  return (
    <span className="cfg-restart" title="Takes effect on Apply & restart (it cannot change mid-run)">
      ↻ on restart
    </span>
  );
}
