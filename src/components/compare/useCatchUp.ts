import { useStore } from 'zustand';
import type { AppStore } from '../../store/appStore.ts';
import { useAppStore } from '../../store/useAppStore.ts';
import { catchingUp, clockTolerance, type CatchUp } from './catchUp.ts';

/**
 * Which run of the comparison is still catching up to the other's time (null when both are there):
 * A's clock from the store in context, B's from `bStore`.
 */
export function useCatchUp(bStore: AppStore): CatchUp | null {
  const aNow = useAppStore((s) => s.nowMs);
  const aSeek = useAppStore((s) => s.seekTargetMs);
  const playing = useAppStore((s) => s.playing);
  const speed = useAppStore((s) => s.speed);
  const bNow = useStore(bStore, (s) => s.nowMs);
  const bSeek = useStore(bStore, (s) => s.seekTargetMs);
  return catchingUp(
    { nowMs: aNow, seekTargetMs: aSeek },
    { nowMs: bNow, seekTargetMs: bSeek },
    clockTolerance(playing, speed),
  );
}
