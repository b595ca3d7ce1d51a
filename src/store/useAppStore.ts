import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { AppState, AppStore } from './appStore.ts';

export const AppStoreContext = createContext<AppStore | null>(null);

/** The app's store from context; throws outside a provider so a missing wiring fails loudly. */
export function useAppStoreApi(): AppStore {
  const store = useContext(AppStoreContext);
  if (!store) throw new Error('AppStoreContext is not provided');
  return store;
}

/** Subscribes to one selected value of the app store. */
export function useAppStore<T>(selector: (s: AppState) => T): T {
  return useStore(useAppStoreApi(), selector);
}
