// @vitest-environment jsdom
import { act, screen } from '@testing-library/react';
import { InspectSection } from '../../src/components/app/InspectSection.tsx';
import { renderWithApp } from './controlsHarness.tsx';

describe('the inspector with nothing selected', () => {
  it('before any request has run, does not point at recent requests that are not there', () => {
    renderWithApp(<InspectSection />);
    expect(screen.getByText(/press Play or Step and open a recent request/)).toBeTruthy();
    expect(screen.queryByText(/recent requests below/)).toBeNull();
  });

  it('once the run has started, points at the recent requests below', () => {
    const { store } = renderWithApp(<InspectSection />);
    act(() => store.setState({ nowMs: 250 }));
    expect(screen.getByText(/open one of the recent requests below/)).toBeTruthy();
  });
});
